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
  const base = index.lineStart(line);
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
  const edges = [leadingPipe ? (bounds.shift() ?? -1) : -1];
  if (trailingPipe) bounds.pop();
  edges.push(...bounds);
  edges.push(trailingPipe ? text.trimEnd().length - 1 : text.length);
  const cells: Cell[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const from = (edges[k] ?? -1) + 1;
    const to = edges[k + 1] ?? text.length;
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const value = raw.trim();
    const start = base + from + lead;
    cells.push({ text: value.replace(/\\\|/g, '|'), range: index.rangeOf(start, start + value.length) });
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
