import MarkdownIt from 'markdown-it';
import { parseBlocks } from '../../server/src/engine/model/blocks';

/**
 * Stock markdown-it, inline pass and table rule untouched: the oracle the engine's blocks must
 * agree with (the engine switches the inline pass off and keeps only a table's extent, for speed).
 */
const stock = new MarkdownIt('commonmark').enable('table');

/** Top-level blocks as stock markdown-it sees them: kind, lines, and a heading's level and text. */
export function stockBlocks(body: string, lineOffset: number): string[] {
  const tokens = stock.parse(body, {});
  const out: string[] = [];
  tokens.forEach((token, i) => {
    if (token.level !== 0 || !token.map || token.nesting < 0) return;
    const lines = `${token.map[0] + lineOffset}-${token.map[1] + lineOffset}`;
    if (token.type === 'heading_open')
      out.push(`heading h${token.tag.slice(1)} ${lines} ${(tokens[i + 1]?.content ?? '').trim()}`);
    else out.push(`${normalizeKind(token.type.replace(/_open$/, ''))} ${lines}`);
  });
  return out;
}

/** The same list from the engine's parseBlocks. */
export function engineBlocks(body: string, lineOffset: number): string[] {
  return parseBlocks(body, lineOffset).map((block) => {
    const lines = `${block.startLine}-${block.endLine}`;
    return block.kind === 'heading'
      ? `heading h${block.level} ${lines} ${block.text}`
      : `${normalizeKind(block.kind)} ${lines}`;
  });
}

/** Lists, quotes and rules are 'other' to the engine; fences and indented code are 'code'. */
function normalizeKind(kind: string): string {
  if (kind === 'code_block' || kind === 'fence') return 'code';
  if (kind === 'html_block') return 'html';
  return ['bullet_list', 'ordered_list', 'blockquote', 'hr'].includes(kind) ? 'other' : kind;
}

/** The first block where the engine and stock markdown-it disagree, or undefined. */
export function blockDifferences(
  body: string,
  lineOffset: number,
): { expected: string[]; difference: string | undefined } {
  const expected = stockBlocks(body, lineOffset);
  const actual = engineBlocks(body, lineOffset);
  const at = expected.findIndex((line, i) => actual[i] !== line);
  const difference =
    at >= 0 || actual.length !== expected.length
      ? `block ${at >= 0 ? at : expected.length}: engine ${JSON.stringify(actual[at >= 0 ? at : expected.length])}, markdown-it ${JSON.stringify(expected[at >= 0 ? at : expected.length])}`
      : undefined;
  return { expected, difference };
}
