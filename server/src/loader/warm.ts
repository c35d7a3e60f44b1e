/**
 * How a bundle run by the loader (loader/runBundle.ts) tells it that its code is warm: the loader
 * puts a function under this global symbol, and writes its code cache when it is called. Run any
 * other way (the unit tests, `require`, the web worker), there is no function and nothing happens.
 */
export const CODE_IS_WARM = Symbol.for('agentdoc.codeIsWarm');

/** Call after the work whose compiled functions the next start should find ready (cheap to repeat). */
export function codeIsWarm(): void {
  const hook = (globalThis as Record<symbol, unknown>)[CODE_IS_WARM];
  if (typeof hook === 'function') (hook as () => void)();
}
