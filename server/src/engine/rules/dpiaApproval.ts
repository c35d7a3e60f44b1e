import { msg } from '../l10n';
import { parseIsoDate } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, fmText, severityFrom } from './support';
import { isoDay } from './signoffDates';

/** Stage from which the agent handles real personal data: shadow runs it on real traffic. */
const REAL_DATA_STAGE = 'shadow';

export const dpiaApproval: Rule = {
  code: 'AD450',
  name: 'dpia-approval-date',
  description:
    'An approved DPIA records compliance.dpia.approved_on from the shadow stage, and that date is not in the future.',
  rationale:
    'A DPIA is carried out before the processing starts (Art. 35(1)). Shadow mode already runs the agent on real traffic, so by shadow the DPIA is approved, and its date shows it came first. A date after today is a plan, not an approval.',
  sources: ['GDPR Art. 35(1)'],
  howToFix: 'Write the day the DPIA was approved in compliance.dpia.approved_on (YYYY-MM-DD).',
  defaultSeverity: 'stage',
  obligations: ['gdpr'],
  check(context) {
    const due = severityFrom(context, REAL_DATA_STAGE);
    if (!due || fm(context, 'compliance.dpia.status') !== 'approved') return [];
    const subject = { kind: 'front-matter' as const, id: 'compliance.dpia.approved_on' };
    const written = fmText(context, 'compliance.dpia.approved_on');
    if (written === undefined) {
      return [
        makeFinding(
          this,
          due,
          msg(
            'dpiaApproval.dpiaApprovedButCompliance',
            'The DPIA is approved but compliance.dpia.approved_on is missing: add the approval date, which must come before the agent processes real personal data (GDPR Art. 35(1)).',
          ),
          fmRange(context.model, 'compliance.dpia.status'),
          { subject },
        ),
      ];
    }
    const day = parseIsoDate(written);
    // A malformed date is the front-matter schema's finding (AD003).
    if (day === undefined || day <= context.today) return [];
    return [
      makeFinding(
        this,
        due,
        msg(
          'dpiaApproval.complianceDpiaApprovedAfter',
          'compliance.dpia.approved_on is {written}, after today ({today}): a DPIA is approved before the processing starts (GDPR Art. 35(1)). Record the date it was approved, or set status to in-progress until then.',
          { written, today: isoDay(context.today) },
        ),
        fmRange(context.model, 'compliance.dpia.approved_on'),
        { subject },
      ),
    ];
  },
};
