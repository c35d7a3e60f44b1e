import { msg } from '../l10n';
import { tablesOf } from '../model/documentModel';
import { formatNumber, parseNumber } from '../model/values';
import type { Finding } from '../types';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, fmText, rowsOf, sectionAnchor, severityFrom } from './support';

const COST = /cost|spend|budget|token/i;

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? parseNumber(value) : undefined;
}

export const costAlert: Rule = {
  code: 'AD371',
  name: 'cost-alert-missing',
  description:
    'From the policy stage costFromStage (canary by default) an alert watches cost: an Alerts row whose metric mentions cost, spend or budget.',
  rationale:
    'Production volume turns a cheap pilot into a cost shock. A budget nobody is alerted about is found on the invoice; a cost alert finds it the day it happens.',
  sources: ['seed:000', 'seed:003', 'OWASP LLM10'],
  howToFix:
    'Define a cost metric (e.g. cost_per_task) in the Metrics table and add an alert on it with a threshold above the planned cost per task.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = severityFrom(context, context.model.schemas.policy.costFromStage);
    // Without an Operations section AD100 speaks; without an alerts table, gate item alerts-routed.
    if (!severity || tablesOf(context.model, 'operations', 'alerts').length === 0) return [];
    const alerts = rowsOf(context.model, 'operations', 'alerts');
    if (alerts.length === 0 || alerts.some((row) => COST.test(row.text('metric')) || COST.test(row.text('alert'))))
      return [];
    const table = tablesOf(context.model, 'operations', 'alerts')[0];
    const range = table?.table.header.cells[0]?.range ?? sectionAnchor(context.model, 'operations');
    return [
      makeFinding(
        this,
        severity,
        msg(
          'costControls.noAlertWatchesCost',
          'No alert watches cost: add a cost metric (e.g. cost_per_task) to the Metrics table and an alert with a threshold on it. Then an overrun is noticed the day it starts.',
        ),
        range,
        {
          subject: { kind: 'table', id: 'operations.alerts' },
        },
      ),
    ];
  },
};

export const costProjection: Rule = {
  code: 'AD372',
  name: 'cost-over-budget',
  description: 'From costFromStage, cost.per_task × volumes.tasks_per_day_target × 30 days fits cost.monthly_budget.',
  rationale:
    'The budget is approved against a projection at production volume. If the stated cost per task at the target volume already exceeds the budget, the approval rests on numbers that do not add up.',
  sources: ['seed:000', 'seed:003'],
  howToFix:
    'Raise cost.monthly_budget with an approval, lower the cost per task (smaller model, caching), or lower the target volume.',
  defaultSeverity: 'stage',
  check(context): Finding[] {
    const severity = severityFrom(context, context.model.schemas.policy.costFromStage);
    const perTask = numberOf(fm(context, 'cost.per_task'));
    const budget = numberOf(fm(context, 'cost.monthly_budget'));
    const tasks = numberOf(fm(context, 'volumes.tasks_per_day_target'));
    if (!severity || perTask === undefined || budget === undefined || tasks === undefined) return [];
    const monthly = perTask * tasks * 30;
    if (monthly <= budget) return [];
    const currency = fmText(context, 'cost.currency') ?? '';
    const money = (value: number) => `${currency ? `${currency} ` : ''}${formatNumber(Math.round(value * 100) / 100)}`;
    return [
      makeFinding(
        this,
        severity,
        msg(
          'costControls.projectedCostExceedsBudget',
          'The projected cost exceeds the budget: {perTask} per task × {tasks} tasks/day × 30 days = {monthly} a month, but cost.monthly_budget is {budget}. Raise the approved budget, lower the cost per task, or lower the target volume.',
          { perTask: money(perTask), tasks: formatNumber(tasks), monthly: money(monthly), budget: money(budget) },
        ),
        fmRange(context.model, 'cost.monthly_budget'),
        {
          subject: { kind: 'front-matter', id: 'cost.monthly_budget' },
        },
      ),
    ];
  },
};
