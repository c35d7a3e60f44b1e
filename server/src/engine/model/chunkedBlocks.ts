import { BoundedCache } from '../boundedCache';
import { flatCopy, parseBlocks, type Block } from './blocks';

/**
 * Incremental parsing for large documents. The body is cut at top-level ATX heading lines, where
 * CommonMark guarantees a fresh start (a heading at column 0 ends paragraphs, lists, quotes and
 * tables); each piece is parsed once and cached by its text, so after an edit only the piece it
 * touched is parsed again. Cutting is conservative: never inside a fence, an HTML comment, an
 * HTML block that runs to a blank line, or after any raw-HTML start whose end is not a blank
 * line (<script>, <?, <!X, <![CDATA[) — not cutting is always correct, only slower. A
 * property test checks the result equals one whole-body parse.
 */

const MIN_LINES_TO_CHUNK = 400;
/**
 * Pieces kept, bounded by their number and by the characters of their text: every piece of a
 * 20,000-line document (about 1 MB) and the recent edits' pieces fit; typing makes a new piece
 * per keystroke, and the least recently used are dropped (about 2.3 bytes of heap per character).
 */
const CACHE_ENTRIES = 2048;
const CACHE_CHARS = 1_500_000;
const cache = new BoundedCache<string, Piece>(CACHE_ENTRIES, CACHE_CHARS, (text) => text.length);

/**
 * A piece's blocks, parsed once with line numbers relative to the piece, and the same blocks
 * placed at the document lines where the piece last stood. An edit that does not move a piece
 * (typing within a line, or any edit below it) gets the very same block objects back, so what the
 * model derives from a block (headings, tables: see documentModel.ts) is reused by identity too.
 * Blocks are never mutated after parsing.
 */
interface Piece {
  blocks: Block[];
  /** Document line → the blocks placed there; a few places, as one text can recur in a document. */
  placed: Map<number, Block[]>;
}
const PLACES_PER_PIECE = 4;

const HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RAW_HTML_TO_END = /^ {0,3}<(?:script|pre|style|textarea|\?|![A-Za-z]|!\[CDATA\[)/i;
const HTML_START = /^ {0,3}</;

export function parseBlocksIncrementally(body: string, lineOffset: number): Block[] {
  const normalized = body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
  const lines = normalized.split('\n');
  if (lines.length < MIN_LINES_TO_CHUNK) return parseBlocks(body, lineOffset);
  const cuts = cutLines(lines);
  // Where each line starts in the normalised body: a piece's text is one slice of it.
  const lineStarts = new Array<number>(lines.length + 1);
  lineStarts[0] = 0;
  for (let line = 0; line < lines.length; line++) lineStarts[line + 1] = lineStarts[line]! + lines[line]!.length + 1;
  const blocks: Block[] = [];
  let start = 0;
  for (let k = 1; k <= cuts.length; k++) {
    const end = cuts[k] ?? lines.length;
    const last = k === cuts.length;
    const text = normalized.slice(lineStarts[start], last ? normalized.length : lineStarts[end]);
    const piece = parsedChunk(text);
    const parsed = piece.blocks;
    // Markdown-it's own verdict on the cut: a fence, HTML block or table that runs to the end of
    // the piece may continue past the heading in the whole text, so the cut is not taken.
    const tail = parsed[parsed.length - 1];
    if (
      !last &&
      tail &&
      tail.endLine >= end - start &&
      (tail.kind === 'code' || tail.kind === 'html' || tail.kind === 'table')
    )
      continue;
    for (const block of placedAt(piece, start + lineOffset)) blocks.push(block);
    start = end;
  }
  return blocks;
}

function parsedChunk(text: string): Piece {
  let piece = cache.get(text);
  if (!piece) {
    // The piece is a slice of the whole body: as a key (and as the source the blocks' text is
    // cut from) it would keep every version of the body alive, so it is copied first.
    const own = flatCopy(text);
    piece = { blocks: parseBlocks(own, 0), placed: new Map() };
    cache.set(own, piece);
  }
  return piece;
}

function placedAt(piece: Piece, line: number): Block[] {
  let placed = piece.placed.get(line);
  if (!placed) {
    placed = piece.blocks.map((block) => ({
      ...block,
      startLine: block.startLine + line,
      endLine: block.endLine + line,
    }));
    if (piece.placed.size >= PLACES_PER_PIECE) piece.placed.clear();
    piece.placed.set(line, placed);
  }
  return placed;
}

/** Line numbers where a new piece may start: 0, then safe top-level heading lines. */
function cutLines(lines: readonly string[]): number[] {
  const cuts = [0];
  let fence: string | undefined;
  let inComment = false;
  let inHtmlBlock = false;
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line] ?? '';
    if (fence) {
      const trimmed = text.trim();
      if (
        text.length - text.trimStart().length <= 3 &&
        trimmed.length >= fence.length &&
        [...trimmed].every((ch) => ch === fence?.[0])
      )
        fence = undefined;
      continue;
    }
    if (inComment) {
      if (text.includes('-->')) inComment = false;
      continue;
    }
    if (text.trim() === '') {
      inHtmlBlock = false;
      continue;
    }
    if (RAW_HTML_TO_END.test(text)) return cuts;
    // Inside an HTML block (until a blank line) a ``` line is HTML text, not a fence.
    if (inHtmlBlock) continue;
    const opening = FENCE.exec(text);
    if (opening?.[1]) {
      fence = opening[1];
      continue;
    }
    if (/^ {0,3}<!--/.test(text)) {
      inComment = !text.slice(text.indexOf('<!--') + 4).includes('-->');
      inHtmlBlock = true;
      continue;
    }
    if (HTML_START.test(text)) {
      inHtmlBlock = true;
      continue;
    }
    if (!inHtmlBlock && line > 0 && HEADING.test(text)) cuts.push(line);
  }
  return cuts;
}

/** For tests: forget every cached piece, so the next parse is from scratch. */
export function clearParseCache(): void {
  cache.clear();
}
