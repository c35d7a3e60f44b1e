import {
  bundledSchemas,
  type BlockerRef,
  type DocumentFacts,
  type FormerOwner,
  type PortfolioInput,
  type RegistryFacts,
  type RetirementThreshold,
  type StageRef,
  type Verdict,
} from '../../engine';

/**
 * Reads the JSON of `agentdoc check --format json` (a CI artefact from any repository) back into
 * portfolio inputs. The file is untrusted: every field is checked for its type, strings are cut
 * to a sane length, and a file that is not check output is refused with a reason. Output from an
 * older agentdoc (no `agent`, no `readiness.blocking`) still merges, with fewer facts.
 */
export class CheckJsonError extends Error {}

const MAX_TEXT = 500;
const titles = new Map(bundledSchemas.gates.stages.map((stage) => [stage.id, stage.title]));

export function readCheckJson(
  text: string,
  fallbackRepository: string,
): { repository: string; date: string | undefined; inputs: PortfolioInput[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CheckJsonError(`it is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const root = object(data);
  const files = root && Array.isArray(root['files']) ? root['files'] : undefined;
  if (!root || !files)
    throw new CheckJsonError('it is not the output of `agentdoc check --format json` (no "files" list)');
  const repository = str(root['repository']) ?? fallbackRepository;
  const inputs = files.flatMap((entry): PortfolioInput[] => {
    const file = object(entry);
    const path = file && str(file['path']);
    if (!file || path === undefined) return [];
    const readiness = object(file['readiness']) ?? {};
    const findings = Array.isArray(file['findings']) ? file['findings'] : [];
    const count = (severity: string): number =>
      findings.filter((finding) => object(finding)?.['severity'] === severity).length;
    const stage = stageRef(readiness['stage']);
    const verdict: Verdict = {
      stage,
      readyFor: stageRef(readiness['readyFor']),
      blockedStage: stageRef(readiness['blockedStage']),
      blockers: int(readiness['blockers']) ?? 0,
      blocking: list(readiness['blocking']).flatMap(blocker),
      errors: int(readiness['errors']) ?? count('error'),
      warnings: int(readiness['warnings']) ?? count('warning'),
      phrase: str(readiness['verdict']) ?? (stage ? stage.title : 'Stage unknown'),
    };
    return [{ repository, path, verdict, facts: facts(object(file['agent']), str(readiness['tier'])) }];
  });
  return { repository, date: str(root['date']), inputs };
}

function facts(agent: Record<string, unknown> | undefined, tier: string | undefined): DocumentFacts {
  const registry = object(agent?.['registry']);
  return {
    id: str(agent?.['id']),
    name: str(agent?.['name']),
    owner: str(agent?.['owner']),
    tier: str(agent?.['tier']) ?? tier,
    declaredStage: str(agent?.['declaredStage']),
    registry: registry ? registryFacts(registry) : undefined,
  };
}

function registryFacts(data: Record<string, unknown>): RegistryFacts {
  const review = object(data['review']) ?? {};
  const metrics = object(data['metrics']);
  const metricValues = object(metrics?.['values']) ?? {};
  const retirement = object(data['retirement']) ?? {};
  const cost = object(data['cost']) ?? {};
  const values: NonNullable<RegistryFacts['metrics']>['values'] = {};
  for (const name of ['automation_rate', 'escalation_rate', 'cost_per_task', 'tasks_per_day'] as const) {
    const value = num(metricValues[name]);
    if (value !== undefined) values[name] = value;
  }
  return {
    type: str(data['type']),
    sponsor: str(data['sponsor']),
    systems: list(data['systems']).flatMap((entry) => str(entry) ?? []),
    dependsOn: list(data['dependsOn']).flatMap((entry) => str(entry) ?? []),
    ownerSince: str(data['ownerSince']),
    review: {
      cadence: str(review['cadence']),
      last: str(review['last']),
      cadenceDays: int(review['cadenceDays']),
      due: str(review['due']),
      overdue: review['overdue'] === true,
      inFuture: review['inFuture'] === true,
    },
    metrics: metrics
      ? { asOf: str(metrics['asOf']), values, ageDays: int(metrics['ageDays']), stale: metrics['stale'] === true }
      : undefined,
    retirement: { thresholds: list(retirement['thresholds']).flatMap(threshold), when: str(retirement['when']) },
    cost: {
      currency: str(cost['currency']),
      perTask: num(cost['perTask']),
      monthlyBudget: num(cost['monthlyBudget']),
      monthlyRunRate: num(cost['monthlyRunRate']),
      basis: cost['basis'] === 'metrics' || cost['basis'] === 'plan' ? cost['basis'] : undefined,
    },
    ownerHistory: list(data['ownerHistory']).flatMap((entry, index): FormerOwner[] => {
      const former = object(entry);
      const name = str(former?.['name']);
      return former && name
        ? [{ index, name, from: str(former['from']), to: str(former['to']), handover: str(former['handover']) }]
        : [];
    }),
  };
}

const METRICS = new Set(['automation_rate', 'escalation_rate', 'cost_per_task', 'tasks_per_day']);

function threshold(entry: unknown): RetirementThreshold[] {
  const data = object(entry);
  const metric = str(data?.['metric']);
  const value = num(data?.['threshold']);
  const direction = data?.['direction'];
  if (!data || !metric || !METRICS.has(metric) || value === undefined) return [];
  if (direction !== 'below' && direction !== 'above') return [];
  return [
    {
      metric: metric as RetirementThreshold['metric'],
      direction,
      threshold: value,
      key: str(data['key']) ?? `retirement.${metric}_${direction}`,
      measured: num(data['measured']),
      met: data['met'] === true,
    },
  ];
}

function blocker(entry: unknown): BlockerRef[] {
  const data = object(entry);
  const code = str(data?.['rule']);
  if (!data || !code) return [];
  const subject = object(data['subject']);
  const kind = str(subject?.['kind']);
  const id = str(subject?.['id']);
  return [kind && id ? { code, subject: { kind, id } } : { code }];
}

function stageRef(value: unknown): StageRef | undefined {
  const id = str(value);
  return id === undefined ? undefined : { id, title: titles.get(id) ?? id };
}

function object(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function int(value: unknown): number | undefined {
  const found = num(value);
  return found !== undefined && Number.isInteger(found) && found >= 0 ? found : undefined;
}
