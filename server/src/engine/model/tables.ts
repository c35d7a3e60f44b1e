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

interface Column {
  /** Source offsets within the line, before trimming. */
  from: number;
  to: number;
  /** The column's text with `\|` unescaped, as markdown-it keeps it. */
  text: string;
}

/**
 * Splits a pipe-table line into cells exactly as GitHub-flavoured Markdown (and markdown-it) does:
 * only a pipe right after a backslash is literal — a pipe inside a code span still splits — and
 * the backslash of such a pipe is dropped; one leading and one trailing pipe are optional.
 */
export function splitRow(index: LineIndex, line: number): TableRow {
  const raw = index.lineText(line);
  const start = raw.length - raw.trimStart().length;
  const end = raw.trimEnd().length;
  const columns: Column[] = [];
  let from = start;
  let text = '';
  let pieceStart = start;
  for (let i = start; i < end; i++) {
    if (raw.charCodeAt(i) !== 0x7c) continue;
    if (i > start && raw.charCodeAt(i - 1) === 0x5c) {
      text += raw.slice(pieceStart, i - 1);
      pieceStart = i;
      continue;
    }
    columns.push({ from, to: i, text: text + raw.slice(pieceStart, i) });
    text = '';
    from = i + 1;
    pieceStart = i + 1;
  }
  columns.push({ from, to: end, text: text + raw.slice(pieceStart, end) });
  if (columns.length && columns[0]!.text === '') columns.shift();
  if (columns.length && columns[columns.length - 1]!.text === '') columns.pop();
  // concat-free loop: a 2 MB row has 500,000 cells, too many arguments for a spread.
  const cells: Cell[] = [];
  for (const column of columns) cells.push(toCell(raw, line, column));
  return { line, cells };
}

function toCell(raw: string, line: number, column: Column): Cell {
  const segment = raw.slice(column.from, column.to);
  const lead = segment.length - segment.trimStart().length;
  const trail = segment.length - segment.trimEnd().length;
  const startCharacter = column.from + lead;
  const endCharacter = Math.max(startCharacter, column.to - trail);
  return {
    text: column.text.trim(),
    range: { start: { line, character: startCharacter }, end: { line, character: endCharacter } },
  };
}

/**
 * A table's rows as GFM renders them: every body row has exactly the header's number of cells,
 * missing ones empty (at the row's end), extra ones dropped.
 */
export function readTable(index: LineIndex, startLine: number, endLine: number): MarkdownTable {
  const header = splitRow(index, startLine);
  const width = header.cells.length;
  const rows: TableRow[] = [];
  // Line startLine + 1 is the delimiter row (|---|---|).
  for (let line = startLine + 2; line < endLine; line++) {
    if (index.lineText(line).trim() === '') continue;
    const row = splitRow(index, line);
    if (row.cells.length > width) row.cells.length = width;
    if (row.cells.length < width) {
      const character = index.lineText(line).trimEnd().length;
      const at = { line, character };
      while (row.cells.length < width) row.cells.push({ text: '', range: { start: at, end: at } });
    }
    rows.push(row);
  }
  return { startLine, endLine, header, rows };
}
