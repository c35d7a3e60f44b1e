/** Reading people's values: placeholders, percentages, numbers, dates. */

const PLACEHOLDER_TEXT = /\b(TODO|TBD|TBC|FIXME|XXX)\b|lorem ipsum|<\s*(fill|your|add)[^>]*>/i;
// "none" is a real answer for enums such as financial_impact; the owner rules catch "none" as a person.
const PLACEHOLDER_VALUE = /^(tbd|tbc|todo|n\/?a|unknown|\?+|-+|xxx|fixme|\.\.\.)$/i;

/**
 * Text that shows a template or a reminder was left in, not a real value. `ownNames` are the
 * agent's own name and id where they contain a marker word ("Todo helper"): real values, so
 * their occurrences are not taken for one (see model/placeholders.ts).
 */
export function looksLikePlaceholder(text: string, ownNames: readonly RegExp[] = []): boolean {
  if (!PLACEHOLDER_TEXT.test(text)) return false;
  if (ownNames.length === 0) return true;
  let rest = text;
  for (const name of ownNames) rest = rest.replace(name, ' ');
  return PLACEHOLDER_TEXT.test(rest);
}

/** A whole value that stands for "not filled in". */
export function isPlaceholderValue(text: string, ownNames: readonly RegExp[] = []): boolean {
  const trimmed = text.trim();
  return trimmed === '' || PLACEHOLDER_VALUE.test(trimmed) || looksLikePlaceholder(trimmed, ownNames);
}

// A marker that stands for the whole value: first, followed by a colon, a bracket, a dash or
// nothing ("TODO: name it", "TBD (ask legal)"), or last after a word ("Agent TBD").
const MARKER_FIRST = /^(TODO|TBD|TBC|FIXME|XXX)(\s*[:(.]|\s+[-–—]|\s*$)/i;
const MARKER_LAST = /\s(TODO|TBD|TBC|FIXME|XXX)$/i;
const FILL_IN = /lorem ipsum|<\s*(fill|your|add)[^>]*>/i;

/**
 * A name or id that is itself a placeholder, judged strictly: a marker inside a name is part of
 * it ("Todo helper", "tbd-tracker", "Fixme bot"), a marker that stands for it is not ("TODO",
 * "TODO: name", "<fill in>").
 */
export function isPlaceholderName(text: string): boolean {
  const trimmed = text.trim();
  return (
    trimmed === '' ||
    PLACEHOLDER_VALUE.test(trimmed) ||
    MARKER_FIRST.test(trimmed) ||
    MARKER_LAST.test(trimmed) ||
    FILL_IN.test(trimmed)
  );
}

/** A value is present when it is not missing, empty, or placeholder text. */
export function isPresent(value: unknown, ownNames: readonly RegExp[] = []): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return !isPlaceholderValue(value, ownNames);
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** "1,200" → 1200; "~300" → 300; undefined when there is no number. */
export function parseNumber(text: string): number | undefined {
  const match = /^[~≈]?\s*(-?\d[\d,]*(\.\d+)?)\s*$/.exec(text.trim());
  if (!match?.[1]) return undefined;
  const value = Number(match[1].replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A share as a fraction: "5%" → 0.05, 0.05 → 0.05. In a percent column a bare number above 1
 * is read as a percentage ("40" → 0.4), because that is how people fill such tables.
 */
export function parseRate(value: unknown, bareNumbersArePercent = false): number | undefined {
  if (typeof value === 'number') return bareNumbersArePercent && value > 1 ? value / 100 : value;
  if (typeof value !== 'string') return undefined;
  const percent = /^\s*(\d+(\.\d+)?)\s*%\s*$/.exec(value);
  if (percent?.[1]) return Number(percent[1]) / 100;
  const number = parseNumber(value);
  if (number === undefined) return undefined;
  return bareNumbersArePercent && number > 1 ? number / 100 : number;
}

/** A YYYY-MM-DD date as a UTC day number, or undefined. */
export function parseIsoDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const date = new Date(time);
  if (date.getUTCDate() !== Number(match[3])) return undefined;
  return Math.floor(time / 86_400_000);
}

// One formatter for the process (toLocaleString builds a new one on every call), made on first
// use: creating it loads ICU's number data, ~20 ms of every server start when done at load time.
let number: Intl.NumberFormat | undefined;

export function formatNumber(value: number): string {
  number ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  return number.format(value);
}

export function formatPercent(rate: number): string {
  return `${formatNumber(rate * 100)}%`;
}
