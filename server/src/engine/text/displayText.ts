/**
 * Text from a document or a file name, made safe to show in a terminal, a CI log or a rendered
 * report. Anything in a repository may be hostile: an owner named "Ops\n::error ...::" would start
 * a line the GitHub runner executes as a workflow command, ESC and BEL drive the terminal, and the
 * bidi controls reorder what a reviewer reads ("Trojan Source"). Each such character is written as
 * a visible escape instead: \n, \r, \t, or \u followed by four hex digits.
 *
 * Escaped: C0 controls (tab and line breaks too: output formats are line-based), DEL, C1 controls
 * (U+0080-U+009F, among them the 8-bit CSI), the line and paragraph separators U+2028/U+2029, and
 * the bidi embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControls(value: string): string {
  return value.replace(UNSAFE, (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * JSON text for a value, with the characters above that JSON leaves raw (C1 controls, U+2028,
 * U+2029, bidi controls) written as \u escapes too: still valid JSON that parses to the same
 * value, but safe to print. JSON.stringify already escapes C0 controls.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
