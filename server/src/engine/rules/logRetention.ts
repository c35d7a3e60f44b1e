import { msg } from '../l10n';
import { isPresent } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, fmText, sectionSeverity } from './support';

const UNIT_MONTHS: Record<string, number> = { day: 1 / 30.4375, week: 7 / 30.4375, month: 1, year: 12 };

/** Every duration in a retention text, in months ("13 months", "1 year", "180 days", "10-year"). */
export function retentionMonths(text: string): number[] {
  return retentionDurations(text).map((duration) => duration.months);
}

/** Each duration with the words the author used for it, so a message can quote "30 days", not "1 months". */
function retentionDurations(text: string): { months: number; written: string }[] {
  const found: { months: number; written: string }[] = [];
  for (const match of text.matchAll(/(\d+(?:[.,]\d+)?)[\s-]*(day|week|month|year)s?\b/gi)) {
    const unit = UNIT_MONTHS[(match[2] ?? '').toLowerCase()];
    if (unit !== undefined)
      found.push({ months: Number((match[1] ?? '0').replace(',', '.')) * unit, written: match[0] });
  }
  return found;
}

export const logRetention: Rule = {
  code: 'AD354',
  name: 'high-risk-log-retention',
  description:
    'A high-risk agent keeps its logs at least logRetentionMinimumMonths (6 by default): compliance.retention states a duration that long.',
  rationale:
    'High-risk systems log events automatically over their lifetime (Art. 12), and providers and deployers keep those logs for at least six months (Art. 19(1), Art. 26(6)), so incidents can be traced after the fact.',
  sources: ['EU AI Act Art. 12', 'EU AI Act Art. 19(1)', 'EU AI Act Art. 26(6)'],
  howToFix: 'State the log retention in compliance.retention, e.g. "Audit log 13 months", at least the policy minimum.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'compliance');
    if (!severity || fmText(context, 'risk.eu_ai_act.class')?.trim().toLowerCase() !== 'high') return [];
    const minimum = context.model.schemas.policy.logRetentionMinimumMonths;
    const retention = fmText(context, 'compliance.retention');
    const subject = { kind: 'front-matter' as const, id: 'compliance.retention' };
    if (retention === undefined || !isPresent(retention)) {
      const anchor = fm(context, 'compliance') !== undefined ? 'compliance' : 'risk.eu_ai_act.class';
      return [
        makeFinding(
          this,
          severity,
          msg(
            'logRetention.highRiskAgentMust',
            'A high-risk agent must keep its logs at least {minimum} months (EU AI Act Art. 19(1), 26(6)): add compliance.retention with the log retention.',
            { minimum },
          ),
          fmRange(context.model, anchor, anchor === 'compliance' ? 'key' : 'value'),
          { subject },
        ),
      ];
    }
    const durations = retentionDurations(retention);
    if (durations.length === 0) {
      return [
        makeFinding(
          this,
          severity,
          msg(
            'logRetention.complianceRetentionGivesNo',
            'compliance.retention "{retention}" gives no duration: state how long logs are kept, e.g. "{minimum} months" or longer.',
            { retention, minimum },
          ),
          fmRange(context.model, 'compliance.retention'),
          { subject },
        ),
      ];
    }
    const shortest = durations.reduce((a, b) => (b.months < a.months ? b : a));
    if (shortest.months + 1e-9 >= minimum) return [];
    return [
      makeFinding(
        this,
        severity,
        msg(
          'logRetention.complianceRetentionKeepsSomething',
          "compliance.retention keeps something for only {written}; a high-risk agent's logs must be kept at least {minimum} months: extend the log retention. EU AI Act Art. 19(1) and 26(6) set the minimum.",
          { written: shortest.written, minimum },
        ),
        fmRange(context.model, 'compliance.retention'),
        { subject },
      ),
    ];
  },
};
