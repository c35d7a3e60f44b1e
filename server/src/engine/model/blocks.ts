import { BoundedCache } from '../boundedCache';
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
// Only the block structure is read (headings, tables, paragraphs and their raw text), so the
// inline pass is switched off: it was most of the cost on hostile input (a 2 MB line of
// backticks took over a second) and its tokens were never used. Block nesting stays capped by
// the preset's maxNesting (20), so deeply nested lists or blockquotes cannot exhaust the stack.
const markdown = new MarkdownIt('commonmark').enable('table').disable(['inline', 'text_join']);
keepTableExtentOnly(markdown);

type BlockRule = (state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/**
 * markdown-it's table rule builds six tokens per cell: on a 50,000-row table that was most of the
 * analysis time. tables.ts re-reads rows from the text, so only the table's extent is needed. The
 * original rule still decides where a table starts and ends (exactly as markdown-it does); only
 * table_open/table_close become real tokens, the row and cell tokens go to one scratch token.
 * (`__rules__` is markdown-it's rule list; if a future version renames it, nothing changes but speed.)
 */
function keepTableExtentOnly(md: InstanceType<typeof MarkdownIt>): void {
  const rules = (md.block.ruler as unknown as { __rules__?: { name: string; fn: BlockRule; alt: string[] }[] })
    .__rules__;
  const entry = rules?.find((rule) => rule.name === 'table');
  if (!entry) return;
  const original = entry.fn;
  const extentOnly: BlockRule = (state, startLine, endLine, silent) => {
    if (silent) return original(state, startLine, endLine, true);
    const push = state.push;
    const scratch = new state.Token('table_part', '', 0);
    // Nesting stays balanced: only table_open and table_close change state.level, in pairs.
    state.push = (type, tag, nesting) =>
      type === 'table_open' || type === 'table_close' ? push.call(state, type, tag, nesting) : scratch;
    try {
      return original(state, startLine, endLine, false);
    } finally {
      state.push = push;
    }
  };
  // `at` resets the rule's alt chains unless given: without them a table could no longer
  // interrupt a paragraph (the differential fuzz test against stock markdown-it caught that).
  md.block.ruler.at('table', extentOnly, { alt: [...entry.alt] });
}

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
        blocks.push({
          kind: 'heading',
          level: Number(token.tag.slice(1)),
          text: (inline?.content ?? '').trim(),
          startLine,
          endLine,
        });
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
  let slug = slugs.get(heading);
  if (slug === undefined) {
    slug = heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    // Headings repeat from one keystroke to the next; the Unicode-aware regex is the costly part.
    // The key is copied: a heading's text is a slice of the whole parsed piece, and as a key it
    // would keep that piece alive (V8 sliced strings), 10,000 pieces of a long typing session.
    slugs.set(flatCopy(heading), slug);
  }
  return slug;
}

const slugs = new BoundedCache<string, string>(2_000, 200_000, (heading, slug) => heading.length + slug.length);

/** A copy of a string that shares no memory with the string it was cut from. */
export function flatCopy(text: string): string {
  return (' ' + text).slice(1);
}
