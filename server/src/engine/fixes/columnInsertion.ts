import { msg } from '../l10n';
import type { BoundTable, DocumentModel } from '../model/documentModel';
import type { ColumnSpec } from '../schemaData/types';
import type { FixSuggestion, TextInsertion } from '../types';

/**
 * A missing column appended at the right of a pipe table: the title in the header, a delimiter
 * cell, and TODO in every row (so the placeholder checks keep asking for the values). Each line
 * only gains text at its end; nothing the user wrote moves.
 */
export function columnInsertionFix(
  model: DocumentModel,
  table: BoundTable,
  column: ColumnSpec,
): FixSuggestion | undefined {
  const lines: { line: number; cell: string }[] = [
    { line: table.table.startLine, cell: column.title },
    { line: table.table.startLine + 1, cell: '---' },
    ...table.table.rows.map((row) => ({ line: row.line, cell: 'TODO' })),
  ];
  const insertions: TextInsertion[] = [];
  for (const { line, cell } of lines) {
    const text = model.index.lineText(line);
    const trimmed = text.trimEnd();
    if (trimmed === '') return undefined;
    // "| a | b |" gains " c |"; a row written without the closing pipe gains " | c".
    const addition = trimmed.endsWith('|') && !trimmed.endsWith('\\|') ? ` ${cell} |` : ` | ${cell}`;
    insertions.push({ position: { line, character: trimmed.length }, text: addition });
  }
  return {
    title: msg('columnInsertion.addColumnTable', 'Add the "{columnTitle}" column to the {value} table', {
      columnTitle: column.title,
      value: table.spec?.title.toLowerCase() ?? '',
    }),
    insertions,
    safe: false,
  };
}
