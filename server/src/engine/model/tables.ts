import type { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';

export interface Cell {
  text: string;
  range: Range;
}

export interface TableRow {
  line: number;
  cells: Cell[];
}

export interface MarkdownTable {
  startLine: number;
  endLine: number;
  header: TableRow;
  rows: TableRow[];
}

/**
 * Splits a pipe-table line into cells with exact ranges. Pipes escaped with a backslash or
 * inside `code spans` do not split cells, as in GitHub-flavoured Markdown.
 */
export function splitRow(index: LineIndex, line: number): TableRow {
  const text = index.lineText(line);
  const bounds: number[] = [];
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
    } else if (ch === '`') {
      inCode = !inCode;
    } else if (ch === '|' && !inCode) {
      bounds.push(i);
    }
  }
  const trimmed = text.trimStart();
  const leadingPipe = trimmed.startsWith('|');
  const trailingPipe = text.trimEnd().endsWith('|') && bounds.length > (leadingPipe ? 1 : 0);
  if (trailingPipe) bounds.pop();
  // concat, not push(...bounds): a 2 MB row has 500,000 pipes, too many arguments for the stack.
  const edges = [-1].concat(bounds);
  if (leadingPipe && bounds.length > 0) edges.shift();
  edges.push(trailingPipe ? text.trimEnd().length - 1 : text.length);
  const cells: Cell[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const from = (edges[k] ?? -1) + 1;
    const to = edges[k + 1] ?? text.length;
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const value = raw.trim();
    // A cell lies within its line, so its range is computed directly rather than by two offset
    // look-ups (a binary search each): this loop runs once per cell of every table, 50,000-row ones too.
    const character = from + lead;
    cells.push({
      text: value.replace(/\\\|/g, '|'),
      range: { start: { line, character }, end: { line, character: character + value.length } },
    });
  }
  return { line, cells };
}

export function readTable(index: LineIndex, startLine: number, endLine: number): MarkdownTable {
  const header = splitRow(index, startLine);
  const rows: TableRow[] = [];
  // Line startLine + 1 is the delimiter row (|---|---|).
  for (let line = startLine + 2; line < endLine; line++) {
    if (index.lineText(line).trim() === '') continue;
    rows.push(splitRow(index, line));
  }
  return { startLine, endLine, header, rows };
}
