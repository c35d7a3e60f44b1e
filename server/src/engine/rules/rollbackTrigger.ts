import { msg } from '../l10n';
import { tablesOf } from '../model/documentModel';
import { isPlaceholderValue } from '../model/values';
import type { Finding } from '../types';
import { makeFinding, type Rule, type RuleContext } from './rule';
import { fmRange, fmText, gateStage, plainId, rowsOf, sectionSeverity, severityFrom } from './support';

export const rollbackTrigger: Rule = {
  code: 'AD314',
  name: 'rollback-trigger-undefined',
  description:
    'rollback.trigger_metric is a metric defined in the Operations Metrics table, and rollback.threshold has a number.',
  rationale:
    'The rollback trigger is one of the four artifacts to write before any rollout: an observable metric and the threshold at which the rollout halts. A metric nobody measures cannot trigger anything.',
  sources: ['seed:004'],
  howToFix:
    'Set rollback.trigger_metric to a metric id from the Metrics table (or add the metric there) and write rollback.threshold with a number, e.g. "< 92% over 24h".',
  defaultSeverity: 'stage',
  check(context) {
    const findings: Finding[] = [];
    const stage = gateStage(context, 'rollback-trigger') ?? 'shadow';
    const metric = fmText(context, 'rollback.trigger_metric');
    const threshold = fmText(context, 'rollback.threshold');
    // A Metrics table that is still template text is not judged yet (its section says so).
    const metricsTemplate = rowsOf(context.model, 'operations', 'metrics').some((row) =>
      isPlaceholderValue(row.text('metric')),
    );
    // Missing values are gate item rollback-trigger's (AD200); this rule checks what is written.
    if (metricsTemplate) {
      // Nothing to compare against yet.
    } else if (
      metric !== undefined &&
      !isPlaceholderValue(metric) &&
      tablesOf(context.model, 'operations', 'metrics').length > 0
    ) {
      const metrics = rowsOf(context.model, 'operations', 'metrics')
        .map((row) => plainId(row.text('metric')))
        .filter(Boolean);
      const severity = severityFrom(context, stage);
      if (severity && !metrics.includes(plainId(metric))) {
        findings.push(
          makeFinding(
            this,
            severity,
            msg(
              'rollbackTrigger.rollbackTriggerMetricNot',
              'The rollback trigger metric "{metric}" is not in the Metrics table{value}: define it there, or name a defined metric in rollback.trigger_metric.',
              { metric, value: metrics.length ? ` (${metrics.slice(0, 8).join(', ')})` : '' },
            ),
            fmRange(context.model, 'rollback.trigger_metric'),
            {
              subject: { kind: 'front-matter', id: 'rollback.trigger_metric' },
            },
          ),
        );
      }
    } else if (metric !== undefined && !isPlaceholderValue(metric)) {
      // No metrics table yet: the metric cannot be checked until Operations is written.
      const severity = sectionSeverity(context, 'operations');
      if (severity && firstOperations(context)) {
        findings.push(
          makeFinding(
            this,
            severity,
            msg(
              'rollbackTrigger.rollbackTriggerMetricNot2',
              'The rollback trigger metric "{metric}" is not defined anywhere: add a Metrics table to the Operations section with a row for it.',
              { metric },
            ),
            fmRange(context.model, 'rollback.trigger_metric'),
            {
              subject: { kind: 'front-matter', id: 'rollback.trigger_metric' },
            },
          ),
        );
      }
    }
    const severity = severityFrom(context, stage);
    if (severity && threshold !== undefined && !isPlaceholderValue(threshold) && !/\d/.test(threshold)) {
      findings.push(
        makeFinding(
          this,
          severity,
          msg(
            'rollbackTrigger.rollbackThresholdNoNumber',
            'The rollback threshold "{threshold}" has no number: write the value at which the rollout halts, e.g. "< 92% over 24h".',
            { threshold },
          ),
          fmRange(context.model, 'rollback.threshold'),
          {
            subject: { kind: 'front-matter', id: 'rollback.threshold' },
          },
        ),
      );
    }
    return findings;
  },
};

function firstOperations(context: RuleContext): boolean {
  return (context.model.sectionsById.get('operations') ?? []).length > 0;
}
