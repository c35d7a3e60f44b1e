import { BoundedCache } from '../boundedCache';
import { parseBlocks, type Block } from './blocks';

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
const cache = new BoundedCache<string, Block[]>(CACHE_ENTRIES, CACHE_CHARS, (text) => text.length);

const HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RAW_HTML_TO_END = /^ {0,3}<(?:script|pre|style|textarea|\?|![A-Za-z]|!\[CDATA\[)/i;
const HTML_START = /^ {0,3}</;

export function parseBlocksIncrementally(body: string, lineOffset: number): Block[] {
  const normalized = body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
  const lines = normalized.split('\n');
  if (lines.length < MIN_LINES_TO_CHUNK) return parseBlocks(body, lineOffset);
  const cuts = cutLines(lines);
  const blocks: Block[] = [];
  let start = 0;
  for (let k = 1; k <= cuts.length; k++) {
    const end = cuts[k] ?? lines.length;
    const last = k === cuts.length;
    const text = last ? lines.slice(start).join('\n') : `${lines.slice(start, end).join('\n')}\n`;
    const parsed = parsedChunk(text);
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
    for (const block of parsed)
      blocks.push({
        ...block,
        startLine: block.startLine + start + lineOffset,
        endLine: block.endLine + start + lineOffset,
      });
    start = end;
  }
  return blocks;
}

function parsedChunk(text: string): Block[] {
  let blocks = cache.get(text);
  if (!blocks) {
    blocks = parseBlocks(text, 0);
    cache.set(text, blocks);
  }
  return blocks;
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
