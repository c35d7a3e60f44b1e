import { msg } from '../l10n';
import { columnInsertionFix } from '../fixes/columnInsertion';
import type { BoundTable, DocumentModel } from '../model/documentModel';
import type { Due, Finding } from '../types';
import { makeFinding, type RuleInfo } from './rule';
import { states, type DocumentedTool } from './toolFacts';

/**
 * Write tools in a Tools table that has no Approval column: one finding per table, at its header.
 * Leaving the column out must not switch the approval check off (the init template once had no
 * such column, so a new document was never asked); one finding per table, not per tool, because
 * the fix is one column.
 */
export function approvalColumnMissing(
  model: DocumentModel,
  rule: RuleInfo,
  severity: Due,
  tools: readonly DocumentedTool[],
  writes: (tool: DocumentedTool) => boolean,
): Finding[] {
  const byTable = new Map<BoundTable, DocumentedTool[]>();
  for (const tool of tools) {
    const table = tool.row.table;
    if (table.columns.has('approval') || tool.template || !writes(tool)) continue;
    if (states(tool.row.text('risk_acceptance'))) continue;
    const listed = byTable.get(table);
    if (listed) listed.push(tool);
    else byTable.set(table, [tool]);
  }
  return [...byTable].map(([table, unguarded]) => {
    const first = unguarded[0]!;
    const header = table.table.header.cells;
    const range =
      header[0] && header[header.length - 1]
        ? { start: header[0].range.start, end: header[header.length - 1]!.range.end }
        : first.row.anchor;
    const message =
      unguarded.length === 1
        ? msg(
            'toolApprovalColumn.oneTool',
            'The Tools table has no Approval column, so nothing says who approves tool "{toolId}" ({access} access). Add the column with human or policy for it, or name who accepted the risk in a Risk acceptance column.',
            { toolId: first.id, access: first.access },
          )
        : msg(
            'toolApprovalColumn.tools',
            'The Tools table has no Approval column, so nothing says who approves {count} tools that write or act ({toolIds}). Add the column with human or policy for each, or name who accepted the risk in a Risk acceptance column.',
            { count: unguarded.length, toolIds: toolList(unguarded) },
          );
    const column = table.spec?.columns.find((spec) => spec.id === 'approval');
    const fix = column && columnInsertionFix(model, table, column);
    return makeFinding(rule, severity, message, range, {
      subject: { kind: 'table', id: 'tools.tools' },
      ...(fix ? { fixes: [fix] } : {}),
    });
  });
}

/** The tools named in the message: the first few, then how many more (a table can have thousands). */
const LISTED = 5;

function toolList(tools: readonly DocumentedTool[]): string {
  const names = tools
    .slice(0, LISTED)
    .map((tool) => `"${tool.id}"`)
    .join(', ');
  return tools.length <= LISTED
    ? names
    : msg('toolApprovalColumn.andMore', '{names} and {count} more', { names, count: tools.length - LISTED });
}
