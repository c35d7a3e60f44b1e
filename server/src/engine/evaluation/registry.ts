import { isPresent, parseIsoDate, parseRate } from '../model/values';
import type { Policy } from '../schemaData/types';
import { valueAt } from './facts';

/**
 * An agent's registry entry (seed 002): what it is, who sponsors it, what it measured, when it
 * should be retired, who owned it before. Read from the front matter once, as plain data, so the
 * rules, the analysis result (`facts.registry`), the CLI's JSON and the portfolio all use the same
 * numbers; the dates are judged on the analysis' `today`.
 */
export interface RegistryFacts {
  type: string | undefined;
  sponsor: string | undefined;
  systems: string[];
  dependsOn: string[];
  ownerSince: string | undefined;
  review: ReviewTiming;
  metrics: MeasuredMetrics | undefined;
  retirement: RetirementCriteria;
  cost: CostFacts;
  ownerHistory: FormerOwner[];
}

export type MetricName = 'automation_rate' | 'escalation_rate' | 'cost_per_task' | 'tasks_per_day';
export const METRIC_NAMES: readonly MetricName[] = [
  'automation_rate',
  'escalation_rate',
  'cost_per_task',
  'tasks_per_day',
];
export const RATE_METRICS: ReadonlySet<MetricName> = new Set(['automation_rate', 'escalation_rate']);

export interface MeasuredMetrics {
  /** YYYY-MM-DD as written; undefined when missing or not a date. */
  asOf: string | undefined;
  values: Partial<Record<MetricName, number>>;
  /** Days since asOf; negative when in the future. */
  ageDays: number | undefined;
  /** Older than the review cadence (plus grace) allows. */
  stale: boolean;
}

export interface RetirementThreshold {
  metric: MetricName;
  /** below: retire when the metric is under the threshold; above: when it is over. */
  direction: 'below' | 'above';
  threshold: number;
  /** The front-matter key it was written under, e.g. retirement.automation_rate_below. */
  key: string;
  /** The measured value, when metrics give one. */
  measured: number | undefined;
  met: boolean;
}

export interface RetirementCriteria {
  thresholds: RetirementThreshold[];
  /** Criteria in words (retirement.when). */
  when: string | undefined;
}

export interface ReviewTiming {
  cadence: string | undefined;
  last: string | undefined;
  /** Days the cadence allows, without the grace days; undefined for an unknown cadence. */
  cadenceDays: number | undefined;
  /** The day the next review is due by (cadence plus grace), YYYY-MM-DD. */
  due: string | undefined;
  overdue: boolean;
  /** review.last lies after today. */
  inFuture: boolean;
}

export interface CostFacts {
  currency: string | undefined;
  perTask: number | undefined;
  monthlyBudget: number | undefined;
  /** Cost a month at the measured run rate (metrics), else at today's planned volume; 30 days. */
  monthlyRunRate: number | undefined;
  basis: 'metrics' | 'plan' | undefined;
}

export interface FormerOwner {
  /** Position in owner_history as written. */
  index: number;
  name: string;
  from: string | undefined;
  to: string | undefined;
  handover: string | undefined;
}

const CRITERIA: ReadonlyArray<{ key: string; metric: MetricName; direction: 'below' | 'above' }> = [
  { key: 'automation_rate_below', metric: 'automation_rate', direction: 'below' },
  { key: 'escalation_rate_above', metric: 'escalation_rate', direction: 'above' },
  { key: 'cost_per_task_above', metric: 'cost_per_task', direction: 'above' },
  { key: 'tasks_per_day_below', metric: 'tasks_per_day', direction: 'below' },
];

/** Metrics are compared against the cadence they are reviewed at; without one, a quarter. */
export const DEFAULT_METRICS_CADENCE = 'quarterly';

export function registryFacts(frontMatter: Record<string, unknown>, policy: Policy, today: number): RegistryFacts {
  const review = reviewTiming(frontMatter, policy, today);
  const metrics = measuredMetrics(frontMatter, policy, today);
  return {
    type: filled(frontMatter['type']),
    sponsor: filled(frontMatter['sponsor']),
    systems: texts(frontMatter['systems']),
    dependsOn: texts(frontMatter['depends_on']),
    ownerSince: text(valueAt(frontMatter, ['owner', 'since'])),
    review,
    metrics,
    retirement: retirementCriteria(frontMatter, metrics),
    cost: costFacts(frontMatter, metrics),
    ownerHistory: formerOwners(frontMatter),
  };
}

/** When the next review is due: review.last plus the cadence's days plus the policy's grace. */
export function reviewTiming(frontMatter: Record<string, unknown>, policy: Policy, today: number): ReviewTiming {
  const cadence = text(valueAt(frontMatter, ['review', 'cadence']))?.toLowerCase();
  const last = text(valueAt(frontMatter, ['review', 'last']));
  const lastDay = last === undefined ? undefined : parseIsoDate(last);
  const cadenceDays = cadenceDaysOf(cadence, policy);
  const dueDay =
    lastDay !== undefined && cadenceDays !== undefined ? lastDay + cadenceDays + policy.reviewGraceDays : undefined;
  return {
    cadence,
    last,
    cadenceDays,
    due: dueDay === undefined ? undefined : isoDate(dueDay),
    overdue: dueDay !== undefined && today > dueDay,
    inFuture: lastDay !== undefined && lastDay > today,
  };
}

export function cadenceDaysOf(cadence: string | undefined, policy: Policy): number | undefined {
  return cadence === 'weekly' || cadence === 'monthly' || cadence === 'quarterly'
    ? policy.reviewCadenceDays[cadence]
    : undefined;
}

function measuredMetrics(
  frontMatter: Record<string, unknown>,
  policy: Policy,
  today: number,
): MeasuredMetrics | undefined {
  const block = frontMatter['metrics'];
  if (!block || typeof block !== 'object' || Array.isArray(block)) return undefined;
  const data = block as Record<string, unknown>;
  const values: Partial<Record<MetricName, number>> = {};
  for (const name of METRIC_NAMES) {
    const value = RATE_METRICS.has(name) ? parseRate(data[name]) : numberOf(data[name]);
    if (value !== undefined && Number.isFinite(value)) values[name] = value;
  }
  const asOf = text(data['as_of']);
  const day = asOf === undefined ? undefined : parseIsoDate(asOf);
  const cadence = text(valueAt(frontMatter, ['review', 'cadence']))?.toLowerCase();
  const allowed =
    (cadenceDaysOf(cadence, policy) ?? policy.reviewCadenceDays[DEFAULT_METRICS_CADENCE]) + policy.reviewGraceDays;
  const ageDays = day === undefined ? undefined : today - day;
  return {
    asOf: day === undefined ? undefined : asOf,
    values,
    ageDays,
    stale: ageDays !== undefined && ageDays > allowed,
  };
}

function retirementCriteria(
  frontMatter: Record<string, unknown>,
  metrics: MeasuredMetrics | undefined,
): RetirementCriteria {
  const block = frontMatter['retirement'];
  const data = block && typeof block === 'object' && !Array.isArray(block) ? (block as Record<string, unknown>) : {};
  const thresholds = CRITERIA.flatMap(({ key, metric, direction }): RetirementThreshold[] => {
    const threshold = RATE_METRICS.has(metric) ? parseRate(data[key]) : numberOf(data[key]);
    if (threshold === undefined || !Number.isFinite(threshold)) return [];
    const measured = metrics?.values[metric];
    const met = measured !== undefined && (direction === 'below' ? measured < threshold : measured > threshold);
    return [{ metric, direction, threshold, key: `retirement.${key}`, measured, met }];
  });
  return { thresholds, when: text(data['when']) };
}

function costFacts(frontMatter: Record<string, unknown>, metrics: MeasuredMetrics | undefined): CostFacts {
  const perTask = numberOf(valueAt(frontMatter, ['cost', 'per_task']));
  const monthlyBudget = numberOf(valueAt(frontMatter, ['cost', 'monthly_budget']));
  const measuredCost = metrics?.values.cost_per_task;
  const measuredVolume = metrics?.values.tasks_per_day;
  const planVolume = numberOf(valueAt(frontMatter, ['volumes', 'tasks_per_day']));
  let monthlyRunRate: number | undefined;
  let basis: CostFacts['basis'];
  if (measuredVolume !== undefined && (measuredCost ?? perTask) !== undefined) {
    monthlyRunRate = (measuredCost ?? perTask ?? 0) * measuredVolume * 30;
    basis = 'metrics';
  } else if (perTask !== undefined && planVolume !== undefined) {
    monthlyRunRate = perTask * planVolume * 30;
    basis = 'plan';
  }
  return {
    currency: text(valueAt(frontMatter, ['cost', 'currency'])),
    perTask: measuredCost ?? perTask,
    monthlyBudget,
    monthlyRunRate: monthlyRunRate === undefined ? undefined : Math.round(monthlyRunRate * 100) / 100,
    basis,
  };
}

function formerOwners(frontMatter: Record<string, unknown>): FormerOwner[] {
  const list = frontMatter['owner_history'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index): FormerOwner[] => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return [];
    const data = entry as Record<string, unknown>;
    const name = text(data['name']);
    if (name === undefined) return [];
    const handover = text(data['handover']);
    return [
      {
        index,
        name,
        from: text(data['from']),
        to: text(data['to']),
        handover: handover !== undefined && isPresent(handover) ? handover : undefined,
      },
    ];
  });
}

export function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A value that says something: "TBD" or "TODO" is no sponsor. */
function filled(value: unknown): string | undefined {
  const found = text(value);
  return found !== undefined && isPresent(found) ? found : undefined;
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((entry) => text(entry) ?? []) : [];
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const number = Number(value.replace(/,/g, '').trim());
  return value.trim() !== '' && Number.isFinite(number) ? number : undefined;
}
