import { calendarLevel, notYet, withDateSources } from '../evaluation/calendar';
import { msg } from '../l10n';
import { isPresent } from '../model/values';
import { makeFinding, type Rule, type RuleContext } from './rule';
import { fm, fmRange, fmText, sectionSeverity } from './support';
import { aiActClass, aiActRoles, highRiskTiming } from './aiActFacts';

const UNIT_MONTHS: Record<string, number> = { day: 1 / 30.4375, week: 7 / 30.4375, month: 1, year: 12 };
const DURATION = /(\d+(?:[.,]\d+)?)[\s-]*(day|week|month|year)s?\b/gi;

/** Every duration in a retention text, in months ("13 months", "1 year", "180 days", "10-year"). */
export function retentionMonths(text: string): number[] {
  return retentionDurations(text).map((duration) => duration.months);
}

/** Every duration in a text with the words the document used for it ("30 days"). */
export function retentionDurations(text: string): Array<{ months: number; written: string }> {
  const found: Array<{ months: number; written: string }> = [];
  for (const match of text.matchAll(DURATION)) {
    const unit = UNIT_MONTHS[(match[2] ?? '').toLowerCase()];
    if (unit !== undefined)
      found.push({ months: Number((match[1] ?? '0').replace(',', '.')) * unit, written: match[0] });
  }
  return found;
}

/**
 * How long the logs are kept, as the document says it: compliance.log_retention, else the part of
 * compliance.retention that names the logs ("audit log 24 months" in "inputs 30 days; audit log
 * 24 months"). Other data's retention says nothing about the logs.
 */
export function logRetentionText(context: RuleContext): { text: string; key: string } | undefined {
  const own = fmText(context, 'compliance.log_retention');
  if (own !== undefined && isPresent(own)) return { text: own, key: 'compliance.log_retention' };
  const retention = fmText(context, 'compliance.retention');
  if (retention === undefined) return undefined;
  const clauses = retention.split(/[;\n]|,(?!\d)/).filter((clause) => /\blogs?\b|audit/i.test(clause));
  return clauses.length ? { text: clauses.join(';').trim(), key: 'compliance.retention' } : undefined;
}

export const logRetention: Rule = {
  code: 'AD354',
  name: 'high-risk-log-retention',
  description:
    'A high-risk agent keeps its logs at least logRetentionMinimumMonths (6 by default): compliance.log_retention (or the part of compliance.retention that names the logs) states a duration that long. Graded by the date the high-risk duties apply.',
  rationale:
    'High-risk systems log events automatically over their lifetime (Art. 12). The provider keeps the logs under its control (Art. 19(1)) and the deployer the logs under its control (Art. 26(6)) for at least six months, so incidents can be traced. The rule is about the logs: inputs or outputs kept for a shorter time are a data-protection question, not this one.',
  sources: ['EU AI Act Art. 12', 'EU AI Act Art. 19(1)', 'EU AI Act Art. 26(6)'],
  howToFix: 'State the log retention in compliance.log_retention, e.g. "13 months", at least the policy minimum.',
  defaultSeverity: 'stage',
  obligations: [
    'ai-act-high-risk-annex-iii-provider',
    'ai-act-high-risk-annex-iii-deployer',
    'ai-act-high-risk-annex-i-provider',
    'ai-act-high-risk-annex-i-deployer',
  ],
  check(context) {
    const due = sectionSeverity(context, 'compliance');
    if (!due || aiActClass(context) !== 'high') return [];
    const roles = aiActRoles(context);
    const timing = highRiskTiming(context, roles.has('provider') ? 'provider' : 'deployer');
    const level = calendarLevel(timing, due);
    const later = notYet(timing);
    const articles = [
      ...(roles.has('provider') ? ['EU AI Act Art. 19(1)'] : []),
      ...(roles.has('deployer') ? ['EU AI Act Art. 26(6)'] : []),
    ];
    const cite = msg('logRetention.cite', 'EU AI Act {articles}', {
      articles: articles.map((article) => article.replace('EU AI Act ', '')).join(', '),
    });
    const sources = withDateSources(['EU AI Act Art. 12', ...articles], timing);
    const minimum = context.model.schemas.policy.logRetentionMinimumMonths;
    const subject = { kind: 'front-matter' as const, id: 'compliance.log_retention' };
    const logs = logRetentionText(context);
    if (!logs) {
      const anchor = fm(context, 'compliance') !== undefined ? 'compliance' : 'risk.eu_ai_act.class';
      const retention = fmText(context, 'compliance.retention');
      const said =
        retention && isPresent(retention)
          ? msg('logRetention.retentionSilent', ' (compliance.retention does not mention the logs)')
          : '';
      return [
        makeFinding(
          this,
          level,
          msg(
            'logRetention.addComplianceLogRetention',
            'Add compliance.log_retention: a high-risk agent keeps its logs at least {minimum} months ({cite}){said}.{later}',
            { minimum, cite, said, later },
          ),
          fmRange(context.model, anchor, anchor === 'compliance' ? 'key' : 'value'),
          { subject, sources },
        ),
      ];
    }
    const durations = retentionDurations(logs.text);
    if (durations.length === 0) {
      return [
        makeFinding(
          this,
          level,
          msg(
            'logRetention.stateHowLongLogs',
            'State in {key} how long the logs are kept, e.g. "{minimum} months": "{logsText}" gives no duration.{later}',
            { key: logs.key, minimum, logsText: logs.text, later },
          ),
          fmRange(context.model, logs.key),
          { subject, sources },
        ),
      ];
    }
    const shortest = durations.reduce((a, b) => (b.months < a.months ? b : a));
    if (shortest.months + 1e-9 >= minimum) return [];
    return [
      makeFinding(
        this,
        level,
        msg(
          'logRetention.keepLogsAtLeast',
          "Keep the logs at least {minimum} months: {key} says {written}. A high-risk agent's logs are kept that long ({cite}).{later}",
          { minimum, key: logs.key, written: shortest.written, cite, later },
        ),
        fmRange(context.model, logs.key),
        { subject, sources },
      ),
    ];
  },
};
