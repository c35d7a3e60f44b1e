import { msg } from '../l10n';
import { parseIsoDate } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { atLeastWarning, rowsOf, sectionSeverity } from './support';

export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export const signoffDates: Rule = {
  code: 'AD360',
  name: 'signoff-date-in-future',
  description: 'Sign-off dates in the Readiness review table are not in the future.',
  rationale:
    'A sign-off records that someone checked the evidence on that day. A date in the future is a sign-off that has not happened yet, or a typo that makes the record unreliable.',
  sources: ['seed:000', 'seed:003'],
  howToFix:
    'Record the date the sign-off actually happened; if it has not happened, set the status to pending and the date to "-".',
  defaultSeverity: 'stage',
  check(context) {
    const severity = atLeastWarning(sectionSeverity(context, 'readiness'));
    return rowsOf(context.model, 'readiness', 'review').flatMap((row) => {
      const cell = row.cell('date');
      const day = cell ? parseIsoDate(cell.text) : undefined;
      if (!cell || day === undefined || day <= context.today) return [];
      const item =
        row.text('item').replace(/`/g, '') || msg('support.onLine', 'on line {line}', { line: row.row.line + 1 });
      return [
        makeFinding(
          this,
          severity,
          msg(
            'signoffDates.signOffDatedAfter',
            'The sign-off of "{item}" is dated {cellText}, after today ({today}): record the date it actually happened, or mark it pending.',
            { item, cellText: cell.text, today: isoDay(context.today) },
          ),
          cell.range,
          {
            subject: { kind: 'gate-item', id: item },
          },
        ),
      ];
    });
  },
};
