import { msg } from '../l10n';
import { placeholderIn } from '../model/placeholders';
import { makeFinding, type Rule } from './rule';
import { isNonValue, rowsOf, sectionSeverity } from './support';

export const failureDetection: Rule = {
  code: 'AD311',
  name: 'failure-mode-undetected',
  description: 'Every failure mode names a detection signal (an alert, metric or check), not "-", "none" or "n/a".',
  rationale:
    'A failure nobody can see is found by customers. The detection signal is what turns a listed risk into something the on-call person is told about.',
  sources: ['seed:003', 'seed:004'],
  howToFix:
    'Name the alert, metric or check that reveals the failure in the Detection column, and define it in the Operations section.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'failures');
    if (!severity) return [];
    return rowsOf(context.model, 'failures', 'failures').flatMap((row) => {
      const cell = row.cell('detection');
      // Empty cells are AD112's, template text AD102's: this rule reports a cell that says "nothing".
      if (!cell || cell.text === '' || placeholderIn(context.model, cell.text) || !isNonValue(cell.text)) return [];
      const id = row.text('id') || msg('support.onLine', 'on line {line}', { line: row.row.line + 1 });
      return [
        makeFinding(
          this,
          severity,
          msg(
            'failureDetection.failureModeNoDetection',
            'Failure mode {id} has no detection signal ("{cellText}"): name the alert or metric that reveals it, or the check that catches it.',
            { id, cellText: cell.text },
          ),
          cell.range,
          {
            subject: { kind: 'table', id: `failures.${id}` },
          },
        ),
      ];
    });
  },
};
