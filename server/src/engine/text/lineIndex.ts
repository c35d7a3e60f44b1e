import type { Position, Range } from '../types';

/**
 * Maps between string offsets and LSP positions. JavaScript strings are UTF-16, so an offset
 * within a line is already the UTF-16 column LSP expects; only line starts need indexing.
 * Line breaks are \n, \r\n or a lone \r, as LSP defines them.
 */
export class LineIndex {
  private readonly starts: readonly number[];

  /** `sameText`: an index of the same text, whose line starts are shared instead of found again. */
  constructor(
    readonly text: string,
    sameText?: LineIndex,
  ) {
    if (sameText) {
      this.starts = sameText.starts;
      return;
    }
    const starts = [0];
    // Most documents have no lone \r: native indexOf finds \n (and so \r\n) line starts fast.
    if (text.indexOf('\r') < 0 || !/\r(?!\n)/.test(text)) {
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))] ?? 0;
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1] ?? this.text.length;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    const character = Math.min(clamped, this.lineEnd(low)) - (this.starts[low] ?? 0);
    return { line: low, character };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** The whole of a line's content (not its line break). */
  lineRange(line: number): Range {
    return this.rangeOf(this.lineStart(line), this.lineEnd(line));
  }

  /** The line's content without leading and trailing whitespace, or the empty range at its start. */
  trimmedLineRange(line: number): Range {
    const text = this.lineText(line);
    const lead = text.length - text.trimStart().length;
    const trail = text.trimEnd().length;
    const start = this.lineStart(line);
    return trail > lead ? this.rangeOf(start + lead, start + trail) : this.rangeOf(start, start);
  }

  /**
   * The line break used first in the document, so inserted text matches it. A lone \r (old Mac
   * files) must be kept too: a \n inserted after it would join the two into one \r\n break.
   */
  get eol(): '\n' | '\r\n' | '\r' {
    const match = /\r\n|\r|\n/.exec(this.text);
    return (match?.[0] as '\n' | '\r\n' | '\r' | undefined) ?? '\n';
  }
}
