import { BoundedCache } from '../boundedCache';
import { flatCopy, parseBlocks, type Block } from './blocks';
import { commonPrefix, commonSuffix, countLines, CutScanner } from './cuts';
import { looksLikePlaceholder } from './values';

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
  /** Whether any line of the piece looks like template text (see sectionStatus.ts). */
  placeholder: boolean;
}
const PLACES_PER_PIECE = 4;

export function parseBlocksIncrementally(body: string, lineOffset: number): Block[] {
  const normalized = body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
  const pieces = piecesOf(normalized);
  if (!pieces) return parseBlocks(body, lineOffset);
  const blocks: Block[] = [];
  for (const placed of pieces)
    for (const block of placedAt(placed.piece, placed.start + lineOffset)) blocks.push(block);
  placements.set(blocks, { pieces, lineOffset });
  return blocks;
}

/** The pieces a block list was made of (a list this module returned), by the list. */
const placements = new WeakMap<readonly Block[], { pieces: readonly PiecePlace[]; lineOffset: number }>();

/**
 * Whether no line in document lines [from, to) looks like template text, told from the pieces the
 * blocks were made of (each searched once, when it was parsed: a line's match is a match in its
 * piece, so "no piece matches" is exact); undefined when the blocks were not made of pieces.
 */
export function noPlaceholderIn(blocks: readonly Block[], from: number, to: number): boolean | undefined {
  const placement = placements.get(blocks);
  if (!placement) return undefined;
  for (const place of placement.pieces) {
    const start = place.start + placement.lineOffset;
    const end = place.end + placement.lineOffset;
    if (end <= from) continue;
    if (start >= to) break;
    if (place.piece.placeholder) return false;
  }
  return true;
}

/** A piece where it stands in a body: lines [start, end), characters [from, to). */
interface PiecePlace {
  start: number;
  end: number;
  from: number;
  to: number;
  piece: Piece;
}

/** How a recent body was cut: the next version of it (one edit later) starts from this. */
interface CutBody {
  body: string;
  lineCount: number;
  pieces: PiecePlace[];
}

/**
 * The last few bodies cut, most recent first: one per document being edited. A new body is
 * compared with them (common prefix and suffix, native string comparison); the pieces before the
 * change are taken over as they are, the cutting restarts at the last of them and stops as soon as
 * it takes a cut in the unchanged end whose twin the old body also took; the pieces from there on
 * are the old ones, moved by the lines the edit added or removed. Both bodies are in a clean
 * state at any cut (no open fence, comment or HTML block), and what follows is the same text, so
 * the same cuts follow.
 */
const RECENT_BODIES = 4;
const recent: CutBody[] = [];

function piecesOf(body: string): PiecePlace[] | undefined {
  for (let k = 0; k < recent.length; k++) {
    const previous = recent[k]!;
    const pieces = afterEdit(previous, body);
    if (pieces === null) continue;
    recent.splice(k, 1);
    if (pieces) remember({ body, lineCount: pieces.lineCount, pieces: pieces.pieces });
    return pieces?.pieces;
  }
  const lineCount = countLines(body, 0, body.length) + 1;
  if (lineCount < MIN_LINES_TO_CHUNK) return undefined;
  const pieces = cutFrom(body, 0, 0, undefined);
  remember({ body, lineCount, pieces });
  return pieces;
}

function remember(cut: CutBody): void {
  recent.unshift(cut);
  if (recent.length > RECENT_BODIES) recent.length = RECENT_BODIES;
}

/**
 * The pieces of `body` from a previous body it was edited from; null when the two are not one
 * small edit apart; undefined when the new body is too short to be cut.
 */
function afterEdit(previous: CutBody, body: string): { pieces: PiecePlace[]; lineCount: number } | undefined | null {
  const old = previous.body;
  const prefix = commonPrefix(old, body);
  const suffix = commonSuffix(old, body, Math.min(old.length, body.length) - prefix);
  // Not one edit of this body (another document, or most of it rewritten).
  if (prefix + suffix < body.length / 2) return null;
  const lineDelta = countLines(body, prefix, body.length - suffix) - countLines(old, prefix, old.length - suffix);
  const lineCount = previous.lineCount + lineDelta;
  if (lineCount < MIN_LINES_TO_CHUNK) return undefined;
  if (prefix === old.length && prefix === body.length) return { pieces: previous.pieces, lineCount };
  // Pieces wholly before the change (not the last one: what follows it in the new body differs).
  // Where such a piece ends depends on the line after it (a heading or not), which may be the
  // changed one: so the last of them is cut again, from its first line — a cut both bodies take.
  let before = 0;
  while (
    before < previous.pieces.length &&
    previous.pieces[before]!.to <= prefix &&
    previous.pieces[before]!.to < old.length
  )
    before++;
  const resume = before > 0 ? previous.pieces[before - 1]! : undefined;
  const rejoin = { suffixStart: body.length - suffix, lineDelta, charDelta: body.length - old.length, previous };
  const pieces = previous.pieces.slice(0, Math.max(0, before - 1));
  for (const piece of cutFrom(body, resume?.start ?? 0, resume?.from ?? 0, rejoin)) pieces.push(piece);
  return { pieces, lineCount };
}

interface Rejoin {
  /** Where the unchanged end of the new body starts. */
  suffixStart: number;
  lineDelta: number;
  charDelta: number;
  previous: CutBody;
}

/**
 * Cuts `body` into parsed pieces from a line where a piece starts (a clean state), to the end —
 * or, given the previous body, until the cutting is back in step with it.
 */
function cutFrom(body: string, firstLine: number, firstOffset: number, rejoin: Rejoin | undefined): PiecePlace[] {
  const pieces: PiecePlace[] = [];
  const cuts = new CutScanner(body, firstLine, firstOffset);
  let start = firstLine;
  let from = firstOffset;
  for (;;) {
    const cut = cuts.next();
    const last = cut === undefined;
    const end = cut?.line ?? cuts.lineCount;
    const to = cut?.offset ?? body.length;
    const piece = parsedChunk(body.slice(from, to));
    // Markdown-it's own verdict on the cut: a fence, HTML block or table that runs to the end of
    // the piece may continue past the heading in the whole text, so the cut is not taken.
    const tail = piece.blocks[piece.blocks.length - 1];
    if (
      !last &&
      tail &&
      tail.endLine >= end - start &&
      (tail.kind === 'code' || tail.kind === 'html' || tail.kind === 'table')
    )
      continue;
    pieces.push({ start, end, from, to, piece });
    if (last) return pieces;
    start = end;
    from = to;
    if (rejoin && from > rejoin.suffixStart) {
      const twin = pieceStartingAt(rejoin.previous.pieces, start - rejoin.lineDelta);
      if (twin >= 0 && rejoin.previous.pieces[twin]!.from === from - rejoin.charDelta) {
        for (const old of rejoin.previous.pieces.slice(twin))
          pieces.push({
            start: old.start + rejoin.lineDelta,
            end: old.end + rejoin.lineDelta,
            from: old.from + rejoin.charDelta,
            to: old.to + rejoin.charDelta,
            piece: old.piece,
          });
        return pieces;
      }
    }
  }
}

/** The index of the piece starting at a line (pieces are in line order), or -1. */
function pieceStartingAt(pieces: readonly PiecePlace[], line: number): number {
  let low = 0;
  let high = pieces.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = pieces[mid]!.start;
    if (start === line) return mid;
    if (start < line) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

function parsedChunk(text: string): Piece {
  let piece = cache.get(text);
  if (!piece) {
    // The piece is a slice of the whole body: as a key (and as the source the blocks' text is
    // cut from) it would keep every version of the body alive, so it is copied first.
    const own = flatCopy(text);
    piece = { blocks: parseBlocks(own, 0), placed: new Map(), placeholder: looksLikePlaceholder(own) };
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

/** For tests: forget every cached piece, so the next parse is from scratch. */
export function clearParseCache(): void {
  cache.clear();
  recent.length = 0;
}
