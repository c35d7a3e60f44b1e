import { msg } from '../l10n';
import { RATE_METRICS, type RetirementThreshold } from '../evaluation/registry';
import { formatNumber, formatPercent } from '../model/values';
import { makeFinding, type Rule, type RuleInfo } from './rule';
import type { Finding } from '../types';
import { fmRange, fmText, registryOf, registryStage, severityFrom } from './support';

export const retirementMet: RuleInfo = {
  code: 'AD431',
  name: 'retirement-criteria-met',
  description:
    "The measured metrics (metrics.*) do not cross the agent's own retirement thresholds (retirement.*): an agent that does is a retirement candidate.",
  rationale:
    'Not every agent should run forever. One whose automation rate has plateaued at 30%, or whose process changed under it, limps along and costs trust in the whole programme; a portfolio of ten well-performing agents beats fifteen where five are limping. The thresholds the team set in advance decide, not a debate after the fact.',
  sources: ['seed:002'],
  howToFix:
    'Take the agent to the next portfolio review and decide: retire it (stage: retired, with the retirement-approved sign-off), improve it and record the new metrics, or change the threshold with the reason written down.',
  defaultSeverity: 'warning',
};

export const retirementCriteria: Rule = {
  code: 'AD430',
  name: 'retirement-criteria-missing',
  description:
    'From production on (the stage of gate item review-cadence) the front matter states at least one retirement threshold (retirement.automation_rate_below, escalation_rate_above, cost_per_task_above or tasks_per_day_below).',
  rationale:
    'Retirement is decided on criteria agreed before they bite. Without a threshold nobody can tell a plateaued agent from a healthy one, and the portfolio review keeps agents that should have been retired.',
  sources: ['seed:002', 'seed:000'],
  howToFix:
    'Add a retirement block to the front matter with the threshold the owner and sponsor agreed, e.g. `retirement: { automation_rate_below: 30% }`, and any criteria in words under retirement.when.',
  defaultSeverity: 'stage',
  alsoReports: [retirementMet],
  check(context) {
    const registry = registryOf(context);
    // A retired agent has been retired: its criteria and thresholds no longer matter.
    if (context.stage.terminal) return [];
    const findings: Finding[] = [];
    const severity = severityFrom(context, registryStage(context));
    if (severity && registry.retirement.thresholds.length === 0) {
      const words = registry.retirement.when
        ? msg('retirement.retirementWhenWordsOnly', ' retirement.when is in words only;')
        : '';
      findings.push(
        makeFinding(
          this,
          severity,
          msg(
            'retirement.noRetirementThresholdAdd',
            'No retirement threshold:{words} add one to compare the metrics with (e.g. retirement.automation_rate_below: 30%) so the review knows when to retire the agent.',
            { words },
          ),
          fmRange(context.model, 'retirement'),
          { subject: { kind: 'front-matter', id: 'retirement' } },
        ),
      );
    }
    const currency = fmText(context, 'cost.currency');
    for (const threshold of registry.retirement.thresholds) {
      if (!threshold.met || threshold.measured === undefined) continue;
      const asOf = registry.metrics?.asOf;
      findings.push(
        makeFinding(
          retirementMet,
          'warning',
          msg(
            'retirement.retirementCandidateWasRetirement',
            'Retirement candidate: {metric} was {value}{value2}, {direction} the retirement threshold of {value3} ({key}). Decide at the next portfolio review: retire, improve, or change the threshold with a reason.',
            {
              metric: label(threshold.metric),
              value: value(threshold, threshold.measured, currency),
              value2: asOf ? msg('retirement.onDate', ' on {asOf}', { asOf }) : '',
              direction:
                threshold.direction === 'below' ? msg('retirement.below', 'below') : msg('retirement.above', 'above'),
              value3: value(threshold, threshold.threshold, currency),
              key: threshold.key,
            },
          ),
          fmRange(context.model, threshold.key),
          { subject: { kind: 'front-matter', id: threshold.key } },
        ),
      );
    }
    return findings;
  },
};

function label(metric: RetirementThreshold['metric']): string {
  return metric === 'tasks_per_day' ? 'the volume' : `the ${metric.replace(/_/g, ' ')}`;
}

function value(threshold: RetirementThreshold, amount: number, currency: string | undefined): string {
  if (RATE_METRICS.has(threshold.metric)) return formatPercent(amount);
  if (threshold.metric === 'cost_per_task') return `${currency ? `${currency} ` : ''}${formatNumber(amount)}`;
  return `${formatNumber(amount)} tasks a day`;
}
