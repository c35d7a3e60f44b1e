import MarkdownIt from 'markdown-it';

/** A top-level Markdown block, with document line numbers [startLine, endLine). */
export type Block =
  | { kind: 'heading'; level: number; text: string; startLine: number; endLine: number }
  | { kind: 'table'; startLine: number; endLine: number }
  | { kind: 'code'; info: string; content: string; startLine: number; endLine: number }
  | { kind: 'paragraph'; text: string; startLine: number; endLine: number }
  | { kind: 'html'; content: string; startLine: number; endLine: number }
  | { kind: 'other'; startLine: number; endLine: number };

// One parser for the process: markdown-it is stateless between renders once configured.
const markdown = new MarkdownIt('commonmark').enable('table');

/**
 * Top-level blocks of a Markdown body. `lineOffset` is the document line the body starts on,
 * so every block carries document line numbers.
 */
export function parseBlocks(body: string, lineOffset: number): Block[] {
  const tokens = markdown.parse(body, {});
  const blocks: Block[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.level !== 0 || !token.map) continue;
    const startLine = token.map[0] + lineOffset;
    const endLine = token.map[1] + lineOffset;
    switch (token.type) {
      case 'heading_open': {
        const inline = tokens[i + 1];
        blocks.push({ kind: 'heading', level: Number(token.tag.slice(1)), text: (inline?.content ?? '').trim(), startLine, endLine });
        break;
      }
      case 'table_open':
        blocks.push({ kind: 'table', startLine, endLine });
        break;
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'code', info: token.info.trim(), content: token.content, startLine, endLine });
        break;
      case 'paragraph_open':
        blocks.push({ kind: 'paragraph', text: tokens[i + 1]?.content ?? '', startLine, endLine });
        break;
      case 'html_block':
        blocks.push({ kind: 'html', content: token.content, startLine, endLine });
        break;
      default:
        if (token.nesting >= 0) blocks.push({ kind: 'other', startLine, endLine });
    }
  }
  return blocks;
}

/** GitHub-style heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slugify(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
