/**
 * Where the body of a large document may be cut into pieces that parse alone (see
 * chunkedBlocks.ts), and the string comparisons that find what one edit changed.
 */

const HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RAW_HTML_TO_END = /^ {0,3}<(?:script|pre|style|textarea|\?|![A-Za-z]|!\[CDATA\[)/i;
const HTML_START = /^ {0,3}</;

/**
 * Lines where a new piece may start (safe top-level heading lines), one at a time, from a line
 * where the state is clean: the start of the body or a cut.
 */
export class CutScanner {
  private fence: string | undefined;
  private inComment = false;
  private inHtmlBlock = false;
  private stopped = false;
  private finished = false;
  private line: number;
  private offset: number;
  /** The body's number of lines, once next() returned undefined. */
  lineCount = 0;

  constructor(
    private readonly text: string,
    private readonly first: number,
    firstOffset: number,
  ) {
    this.line = first;
    this.offset = firstOffset;
  }

  /** The next cut's line and character offset; undefined at the end. */
  next(): { line: number; offset: number } | undefined {
    const { text } = this;
    while (!this.finished) {
      if (this.stopped) {
        this.lineCount = this.line + 1 + countLines(text, this.offset, text.length);
        this.finished = true;
        return undefined;
      }
      const line = this.line;
      const offset = this.offset;
      const nl = text.indexOf('\n', offset);
      if (nl < 0) {
        this.finished = true;
        this.lineCount = line + 1;
      } else {
        this.line = line + 1;
        this.offset = nl + 1;
      }
      if (this.isCut(text.slice(offset, nl < 0 ? text.length : nl), line)) return { line, offset };
    }
    return undefined;
  }

  private isCut(text: string, line: number): boolean {
    if (this.fence) {
      const trimmed = text.trim();
      const fence = this.fence;
      if (
        text.length - text.trimStart().length <= 3 &&
        trimmed.length >= fence.length &&
        [...trimmed].every((ch) => ch === fence[0])
      )
        this.fence = undefined;
      return false;
    }
    if (this.inComment) {
      if (text.includes('-->')) this.inComment = false;
      return false;
    }
    if (text.trim() === '') {
      this.inHtmlBlock = false;
      return false;
    }
    if (RAW_HTML_TO_END.test(text)) {
      // No cut after this one (its end is not a blank line): the rest is one piece.
      this.stopped = true;
      return false;
    }
    // Inside an HTML block (until a blank line) a ``` line is HTML text, not a fence.
    if (this.inHtmlBlock) return false;
    const opening = FENCE.exec(text);
    if (opening?.[1]) {
      this.fence = opening[1];
      return false;
    }
    if (/^ {0,3}<!--/.test(text)) {
      this.inComment = !text.slice(text.indexOf('<!--') + 4).includes('-->');
      this.inHtmlBlock = true;
      return false;
    }
    if (HTML_START.test(text)) {
      this.inHtmlBlock = true;
      return false;
    }
    return line > 0 && line !== this.first && HEADING.test(text);
  }
}

/** Line breaks (\n) in text[from, to). */
export function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

const STRIDE = 4096;

/** The length of the longest common start of a and b. */
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let at = 0;
  // Whole strides compared natively, then the differing stride character by character.
  while (at + STRIDE <= max && a.slice(at, at + STRIDE) === b.slice(at, at + STRIDE)) at += STRIDE;
  while (at < max && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** The length of the longest common end of a and b, at most max. */
export function commonSuffix(a: string, b: string, max: number): number {
  let length = 0;
  while (
    length + STRIDE <= max &&
    a.slice(a.length - length - STRIDE, a.length - length) === b.slice(b.length - length - STRIDE, b.length - length)
  )
    length += STRIDE;
  while (length < max && a.charCodeAt(a.length - length - 1) === b.charCodeAt(b.length - length - 1)) length++;
  return length;
}
