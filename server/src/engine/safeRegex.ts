import { RE2JS } from 're2js';

/**
 * Regular expressions that come from configuration (a team's own placeholder markers, id
 * patterns...) run here, never through JavaScript's RegExp: its backtracking makes a pattern like
 * `(a+)+$` take exponential time, and one such pattern in a workspace config would hang the
 * language server on every keystroke. RE2JS (a pure-JS port of RE2) matches in time linear in the
 * input, whatever the pattern; in exchange it has no backreferences and no lookaround, which are
 * refused with a clear error for the config loader to report as a finding.
 */

/** Longer patterns are refused: compiling is linear too, but nobody needs a 1,000-character marker. */
export const MAX_PATTERN_LENGTH = 1000;

/** Above this program size (RE2's measure of a compiled pattern's cost) the pattern is refused. */
export const MAX_PROGRAM_SIZE = 5000;

export interface SafeMatch {
  /** The matched text. */
  text: string;
  /** UTF-16 offset in the input (the same unit as LSP positions). */
  index: number;
  /** Capturing groups 1..n; undefined where a group did not take part. */
  groups: (string | undefined)[];
}

export interface SafeRegex {
  readonly source: string;
  readonly flags: string;
  /** True if the pattern matches anywhere in the input. */
  test(input: string): boolean;
  /** The first match, or undefined. */
  exec(input: string): SafeMatch | undefined;
  /** Every non-overlapping match, in order. */
  matchAll(input: string): SafeMatch[];
  /** `/source/flags`, like a RegExp: ajv keys its compiled patterns by this. */
  toString(): string;
}

export type SafeRegexResult = { ok: true; regex: SafeRegex } | { ok: false; error: string };

const FLAG_BITS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };

/**
 * Compiles a pattern from config. Flags: any of "i", "m", "s" (JavaScript's meanings); "g", "u"
 * and "y" are not needed and refused, like every other letter. Never throws.
 */
export function compileSafeRegex(source: string, flags = ''): SafeRegexResult {
  if (typeof source !== 'string') return { ok: false, error: 'the pattern is not a string' };
  if (source.length > MAX_PATTERN_LENGTH)
    return {
      ok: false,
      error: `the pattern is ${source.length} characters long; at most ${MAX_PATTERN_LENGTH} are allowed`,
    };
  let bits = 0;
  for (const flag of flags) {
    const bit = FLAG_BITS[flag];
    if (bit === undefined) return { ok: false, error: `unsupported flag "${flag}" (use i, m or s)` };
    bits |= bit;
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, bits);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `${reason.replace(/^error parsing regexp: /, '')} (patterns here have no backreferences or lookaround)`,
    };
  }
  if (compiled.programSize() > MAX_PROGRAM_SIZE)
    return {
      ok: false,
      error: `the pattern is too complex (program size ${compiled.programSize()}, at most ${MAX_PROGRAM_SIZE})`,
    };
  const toMatch = (found: RegExpMatchArray | unknown[] | null): SafeMatch | undefined => {
    if (!found) return undefined;
    const array = found as unknown[] & { index?: number };
    return {
      text: String(array[0] ?? ''),
      index: array.index ?? 0,
      groups: array.slice(1).map((group) => (group === undefined || group === null ? undefined : String(group))),
    };
  };
  return {
    ok: true,
    regex: {
      source,
      flags,
      test: (input) => compiled.test(input),
      exec: (input) => toMatch(compiled.exec(input)),
      matchAll: (input) =>
        [...compiled.matchAll(input)]
          .map((found) => toMatch(found))
          .filter((match): match is SafeMatch => match !== undefined),
      toString: () => `/${source}/${flags}`,
    },
  };
}
