import { msg } from '../l10n';
import { tablesOf, type DocumentModel } from '../model/documentModel';
import type { FixSuggestion, Position } from '../types';

const WAIVER_DAYS = 90;

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Where a new line goes after `line`: the start of the next line, or the end of the document. */
function afterLine(model: DocumentModel, line: number): { position: Position; prefix: string } {
  if (line + 1 < model.index.lineCount) return { position: { line: line + 1, character: 0 }, prefix: '' };
  return { position: { line, character: model.index.lineText(line).length }, prefix: model.index.eol };
}

/**
 * A waiver row for a gate item, to fill in: the justification and approver are TODO, so the
 * waiver does not count until someone writes them. Added to the waivers table, or as a new
 * waivers table at the end of the Readiness review section.
 */
export function waiverFix(model: DocumentModel, itemId: string, today: number): FixSuggestion | undefined {
  const eol = model.index.eol;
  const row = `| ${itemId} | TODO: why this item can wait | TODO: who approves | ${isoDay(today + WAIVER_DAYS)} |`;
  const table = tablesOf(model, 'readiness', 'waivers')[0];
  if (table) {
    let last = table.table.endLine - 1;
    while (last > table.table.startLine && model.index.lineText(last).trim() === '') last--;
    const { position, prefix } = afterLine(model, last);
    return {
      title: msg('waiverInsertion.addWaiver', 'Add a waiver for "{itemId}"', { itemId }),
      insertions: [{ position, text: `${prefix}${row}${eol}` }],
      safe: false,
    };
  }
  const section = model.sectionsById.get('readiness')?.[0];
  if (!section) return undefined;
  let last = section.endLine - 1;
  while (last > section.startLine && model.index.lineText(last).trim() === '') last--;
  const { position, prefix } = afterLine(model, last);
  const header = ['| Waived item | Justification | Approver | Expires |', '|---|---|---|---|', row].join(eol);
  return {
    title: msg('waiverInsertion.addWaiver', 'Add a waiver for "{itemId}"', { itemId }),
    insertions: [{ position, text: `${prefix}${eol}${header}${eol}` }],
    safe: false,
  };
}
