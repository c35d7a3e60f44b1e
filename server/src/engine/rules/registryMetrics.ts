import { msg } from '../l10n';
import { cadenceDaysOf, DEFAULT_METRICS_CADENCE } from '../evaluation/registry';
import type { Finding } from '../types';
import { makeFinding, type Rule, type RuleInfo } from './rule';
import { fmRange, registryOf, registryStage, severityFrom } from './support';
import { isoDay } from './signoffDates';

export const metricsStale: RuleInfo = {
  code: 'AD433',
  name: 'metrics-stale',
  description:
    "metrics.as_of is not in the future and not older than the review cadence (review.cadence, or a quarter without one) plus the policy's reviewGraceDays.",
  rationale:
    'The programme lead decides which agents to extend, fix or retire from the registry. Figures older than the review that should have refreshed them describe an agent that may no longer exist in that form.',
  sources: ['seed:002', 'seed:000'],
  howToFix: 'Measure again, update the figures under metrics and set metrics.as_of to the day they were measured.',
  defaultSeverity: 'stage',
};

export const registryMetrics: Rule = {
  code: 'AD432',
  name: 'metrics-missing',
  description:
    'From production on (the stage of gate item review-cadence) the front matter records current metrics: a metrics block with as_of and at least one figure (automation_rate, escalation_rate, cost_per_task, tasks_per_day).',
  rationale:
    'An agent registry lists what every agent does, who owns it and how it performs now. A production agent without measured figures cannot be compared, budgeted or retired on evidence, and the programme lead cannot report its return.',
  sources: ['seed:002', 'seed:000', 'seed:003'],
  howToFix:
    'Add a metrics block: as_of (the day measured) and the automation rate, escalation rate, cost per task and tasks per day from the Operations dashboards.',
  defaultSeverity: 'stage',
  alsoReports: [metricsStale],
  check(context) {
    const severity = severityFrom(context, registryStage(context));
    if (!severity) return [];
    const { metrics } = registryOf(context);
    const findings: Finding[] = [];
    if (!metrics) {
      return [
        makeFinding(
          this,
          severity,
          msg(
            'registryMetrics.noCurrentMetricsAdd',
            'No current metrics: add a metrics block (as_of, automation and escalation rates, cost per task, tasks per day) so the registry shows how it performs.',
          ),
          fmRange(context.model, 'metrics'),
          { subject: { kind: 'front-matter', id: 'metrics' } },
        ),
      ];
    }
    if (Object.keys(metrics.values).length === 0) {
      findings.push(
        makeFinding(
          this,
          severity,
          msg(
            'registryMetrics.metricsBlockNoFigures',
            'The metrics block has no figures: add at least one of automation_rate, escalation_rate, cost_per_task and tasks_per_day.',
          ),
          fmRange(context.model, 'metrics', 'key'),
          { subject: { kind: 'front-matter', id: 'metrics' } },
        ),
      );
    }
    const age = metrics.ageDays;
    if (age === undefined || metrics.asOf === undefined) return findings;
    const range = fmRange(context.model, 'metrics.as_of');
    const subject = { kind: 'front-matter' as const, id: 'metrics.as_of' };
    if (age < 0) {
      findings.push(
        makeFinding(
          metricsStale,
          severity,
          msg(
            'registryMetrics.metricsAsAfterToday',
            'metrics.as_of is {asOf}, after today ({today}): record the day the figures were measured.',
            { asOf: metrics.asOf, today: isoDay(context.today) },
          ),
          range,
          { subject },
        ),
      );
    } else if (metrics.stale) {
      const policy = context.model.schemas.policy;
      const written = registryOf(context).review.cadence;
      const known = cadenceDaysOf(written, policy) !== undefined;
      const cadence = known ? written! : DEFAULT_METRICS_CADENCE;
      const days = cadenceDaysOf(cadence, policy) ?? 0;
      const basis = known
        ? msg('registryMetrics.reviewCadence', 'the {cadence} review cadence', { cadence })
        : msg('registryMetrics.cadenceReviewCadenceNot', 'a {cadence} cadence (review.cadence is not set)', {
            cadence,
          });
      findings.push(
        makeFinding(
          metricsStale,
          severity,
          msg(
            'registryMetrics.metricsDaysOldAs',
            "The metrics are {age} days old (as of {asOf}); {basis} allows {days} days plus {reviewGraceDays} days' grace: measure again and update metrics and metrics.as_of.",
            { age, asOf: metrics.asOf, basis, days, reviewGraceDays: policy.reviewGraceDays },
          ),
          range,
          { subject },
        ),
      );
    }
    return findings;
  },
};
