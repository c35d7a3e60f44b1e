import { msg } from '../l10n';
import type { FixSuggestion, Range } from '../types';

/**
 * "Did you mean": the allowed value a person most likely meant — a known synonym (prod →
 * production), or the one allowed value within a small edit distance. Undefined when no single
 * value is close enough; a wrong guess is worse than none.
 */
export function closestValue(
  value: string,
  allowed: readonly string[],
  synonyms: Record<string, string> = {},
): string | undefined {
  const typed = value.trim().toLowerCase();
  const synonym = synonyms[typed];
  if (synonym && allowed.includes(synonym)) return synonym;
  const exact = allowed.find((candidate) => candidate.toLowerCase() === typed);
  if (exact) return exact;
  const limit = Math.max(1, Math.floor(typed.length / 3));
  const scored = allowed
    .map((candidate) => ({ candidate, distance: editDistance(typed, candidate.toLowerCase(), limit) }))
    .filter((entry) => entry.distance <= limit)
    .sort((a, b) => a.distance - b.distance);
  if (scored.length === 0 || (scored[1] && scored[1].distance === scored[0]!.distance)) return undefined;
  return scored[0]!.candidate;
}

/** The fix that swaps exactly the flagged value for the suggestion. */
export function valueCorrectionFix(range: Range, value: string, suggestion: string): FixSuggestion {
  return {
    title: msg('valueCorrection.change', 'Change "{value}" to "{suggestion}"', { value, suggestion }),
    insertions: [{ position: range.start, replaces: range.end, text: suggestion }],
    safe: false,
  };
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit ("pilto" → "pilot"), the
 * commonest typo; gives up (returning limit + 1) once it cannot stay within the limit.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}
