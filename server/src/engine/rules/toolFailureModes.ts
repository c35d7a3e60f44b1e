import { msg } from '../l10n';
import { tablesOf } from '../model/documentModel';
import { placeholderIn } from '../model/placeholders';
import { makeFinding, type Rule } from './rule';
import { appendRow, idList, isNonValue, plainId, rowsOf, sectionSeverity } from './support';

const TOOL_ID = /^[a-z0-9_.:-]+$/;

export const toolFailureModes: Rule = {
  code: 'AD310',
  name: 'tool-without-failure-mode',
  description:
    'Every tool in the Tools table has at least one row in the Failure modes table (Tool column; a row may list several tools).',
  rationale:
    'Every integration fails sometimes: timeouts, throttling, wrong data. A tool nobody thought about failing is the incident the runbook does not cover. Write access makes it worse (excessive agency).',
  sources: ['seed:000', 'seed:003', 'OWASP LLM06'],
  howToFix:
    'Add a row to the Failure modes table naming the tool, how its failure is detected, its impact and the runbook entry that recovers from it.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'failures');
    const failureTable = tablesOf(context.model, 'failures', 'failures')[0];
    // Without a failure-modes table (or its Tool column) the section and column rules speak.
    if (!severity || !failureTable || !failureTable.columns.has('tool')) return [];
    const failures = rowsOf(context.model, 'failures', 'failures');
    const covered = new Set(failures.flatMap((row) => idList(row.text('tool'))));
    const nextId = failures.length + 1;
    let added = 0;
    return rowsOf(context.model, 'tools', 'tools').flatMap((row) => {
      const cell = row.cell('tool');
      const id = plainId(row.text('tool'));
      // Not a tool id (prose that ended up in the table): AD112 reports the cell; no row can cover it.
      if (!cell || id === '' || isNonValue(id) || covered.has(id) || !TOOL_ID.test(id)) return [];
      // A row still holding TODOs is a template AD102 already reports; its failure mode is asked for once it is written.
      if (placeholderIn(context.model, context.model.index.lineText(row.row.line))) return [];
      const values = new Map([
        ['id', `FM-${nextId + added++}`],
        ['tool', row.text('tool').replace(/`/g, '')],
      ]);
      return [
        makeFinding(
          this,
          severity,
          msg(
            'toolFailureModes.toolNoFailureMode',
            'Tool "{id}" has no failure mode: add a row for it to the Failure modes table with its detection signal, impact and a recovery link to the runbook.',
            { id },
          ),
          cell.range,
          {
            // About the Failure modes table (where the fix adds the row): it waits while that table is a template.
            subject: { kind: 'table', id: `failures.${id}` },
            fixes: [
              {
                title: msg('toolFailureModes.addFailureMode', 'Add a failure mode for "{id}"', { id }),
                insertions: [appendRow(context.model, failureTable, values)],
                safe: true,
              },
            ],
          },
        ),
      ];
    });
  },
};
