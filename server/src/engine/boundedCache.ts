/**
 * A least-recently-used map bounded twice: by its number of entries and by the sum of their
 * weights (roughly their size: the characters of the text a value was made from). Every cache in
 * the engine and the server is one of these, so none can grow with the number of keystrokes, of
 * files or of distinct texts seen in a long session. A value heavier than the whole budget is not
 * kept at all.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private total = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxWeight = Number.POSITIVE_INFINITY,
    private readonly weigh: (key: K, value: V) => number = () => 0,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used moves to the end; the oldest is evicted first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.weigh(key, value);
    if (weight > this.maxWeight) return;
    this.entries.set(key, { value, weight });
    this.total += weight;
    while (this.entries.size > this.maxEntries || this.total > this.maxWeight) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.weight;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The sum of the weights held. */
  get weight(): number {
    return this.total;
  }

  values(): IterableIterator<V> {
    return [...this.entries.values()].map((entry) => entry.value)[Symbol.iterator]();
  }

  keys(): IterableIterator<K> {
    return this.entries.keys();
  }
}
