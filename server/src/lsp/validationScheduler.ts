/**
 * Debounces work per document: a new request for the same key cancels the pending one, so a burst
 * of keystrokes leads to one analysis of the latest text.
 */
export class ValidationScheduler {
  private readonly pending = new Map<string, () => void>();

  schedule(key: string, delayMs: number, work: () => void): void {
    this.cancel(key);
    const run = () => {
      this.pending.delete(key);
      work();
    };
    this.pending.set(key, delayMs > 0 ? afterDelay(run, delayMs) : soon(run));
  }

  cancel(key: string): void {
    this.pending.get(key)?.();
    this.pending.delete(key);
  }

  dispose(): void {
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
  }
}

/** Runs `work` after the delay; returns what cancels it. */
function afterDelay(work: () => void, delayMs: number): () => void {
  const timer = setTimeout(work, delayMs);
  return () => clearTimeout(timer);
}

/**
 * Without a debounce, work runs once the messages already read have been handled (so a burst read
 * in one chunk still ends in one check), but not a timer's minimum of 1 ms later: setImmediate in
 * Node. A browser worker has none, and falls back to a zero timer.
 */
function soon(work: () => void): () => void {
  if (typeof setImmediate !== 'function') return afterDelay(work, 0);
  const immediate = setImmediate(work);
  return () => clearImmediate(immediate);
}
