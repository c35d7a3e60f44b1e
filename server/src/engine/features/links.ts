import { cellText, tablesOf, type DocumentModel } from '../model/documentModel';
import type { Range } from '../types';

export interface EvidenceLink {
  range: Range;
  /** As written: a relative path, or an http(s) URL. */
  target: string;
  external: boolean;
}

const MARKDOWN_LINK = /\[[^\]]*\]\(([^)\s]+)\)/g;
const BARE_PATH = /^[\w./-]+\.[A-Za-z0-9]{1,8}(#[\w-]*)?$/;

/** Evidence links of the Readiness review table: Markdown links or bare paths, with their ranges. */
export function evidenceLinks(model: DocumentModel): EvidenceLink[] {
  const links: EvidenceLink[] = [];
  for (const table of tablesOf(model, 'readiness', 'review')) {
    const at = table.columns.get('evidence');
    if (at === undefined) continue;
    for (const row of table.table.rows) {
      const cell = row.cells[at];
      const text = cell && cellText(table, row, 'evidence');
      if (!cell || !text) continue;
      const found = [...text.matchAll(MARKDOWN_LINK)].map((match) => ({
        target: match[1] ?? '',
        from: match.index ?? 0,
      }));
      if (found.length === 0 && BARE_PATH.test(text)) found.push({ target: text, from: 0 });
      for (const { target, from } of found) {
        if (target.startsWith('#')) continue;
        const offset = text.indexOf(target, from);
        const start = { line: cell.range.start.line, character: cell.range.start.character + offset };
        links.push({
          range: { start, end: { line: start.line, character: start.character + target.length } },
          target,
          external: /^https?:\/\//i.test(target),
        });
      }
    }
  }
  return links;
}
