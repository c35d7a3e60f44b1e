import { msg } from '../l10n';
import { formatNumber, formatPercent, parseNumber, parseRate } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, gateStage, severityFrom } from './support';

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? parseNumber(value) : undefined;
}

function rateOf(value: unknown): number | undefined {
  const rate = parseRate(value);
  // A rate written as a bare 5 means 5%, as in the percent columns.
  return rate !== undefined && rate > 1 ? rate / 100 : rate;
}

/** The load arithmetic, kept separate so the message and the tests show the same numbers. */
export function capacityArithmetic(
  tasks: number,
  escalation: number,
  sample: number | undefined,
  capacity: number,
  cap: number,
): { load: number; usable: number; text: string } {
  const load = tasks * (escalation + (sample ?? 0));
  const usable = capacity * cap;
  const rates = sample
    ? msg('escalationCapacity.ratesWithSamples', '({escalation} escalations + {sample} review samples)', {
        escalation: formatPercent(escalation),
        sample: formatPercent(sample),
      })
    : msg('escalationCapacity.rates', '{escalation} escalations', { escalation: formatPercent(escalation) });
  const text = msg(
    'escalationCapacity.arithmetic',
    '{tasks} tasks/day × {rates} = {load} reviews/day, but the stated capacity is {capacity}/day (cap {cap} = {usable}/day)',
    {
      tasks: formatNumber(tasks),
      rates,
      load: formatNumber(Math.round(load * 100) / 100),
      capacity: formatNumber(capacity),
      cap: formatPercent(cap),
      usable: formatNumber(Math.round(usable * 100) / 100),
    },
  );
  return { load, usable, text };
}

export const escalationCapacity: Rule = {
  code: 'AD321',
  name: 'escalation-capacity-exceeded',
  description:
    'volumes.tasks_per_day_target × (escalation_rate + review_sample_rate) fits volumes.review_capacity_per_day × the policy utilisation cap (capacityUtilisationCap).',
  rationale:
    'Exceptions scale with volume: 5% of 1,000 tasks is 50 reviews a day, 5% of 10,000 is 500. If human review capacity does not scale with the agent, the queue breaks. A queue run at 100% has no slack for peaks, hence the utilisation cap.',
  sources: ['seed:001', 'seed:004'],
  howToFix:
    'Plan more review capacity (volumes.review_capacity_per_day), lower the escalation or sampling rate with evidence, or lower the target volume until capacity exists.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = severityFrom(context, gateStage(context, 'escalation-capacity') ?? 'shadow');
    const tasks = numberOf(fm(context, 'volumes.tasks_per_day_target'));
    const escalation = rateOf(fm(context, 'volumes.escalation_rate'));
    const sample = rateOf(fm(context, 'volumes.review_sample_rate'));
    const capacity = numberOf(fm(context, 'volumes.review_capacity_per_day'));
    // Missing inputs are gate item escalation-capacity's finding.
    if (!severity || tasks === undefined || escalation === undefined || capacity === undefined) return [];
    const cap = context.model.schemas.policy.capacityUtilisationCap;
    const result = capacityArithmetic(tasks, escalation, sample, capacity, cap);
    if (result.load <= result.usable + 1e-9) return [];
    // Rates like 0.07 are not exact in binary; round before ceil so 700 / 0.8 stays 875.
    const needed = Math.ceil(Math.round((result.load / cap) * 1e6) / 1e6);
    return [
      makeFinding(
        this,
        severity,
        msg(
          'escalationCapacity.escalationsAtTargetScale',
          'Escalations at target scale do not fit review capacity: {resultText}. Plan capacity for at least {needed} reviews/day, or lower the escalation or sampling rate.',
          { resultText: result.text, needed: formatNumber(needed) },
        ),
        fmRange(context.model, 'volumes.review_capacity_per_day'),
        {
          subject: { kind: 'front-matter', id: 'volumes.review_capacity_per_day' },
        },
      ),
    ];
  },
};
