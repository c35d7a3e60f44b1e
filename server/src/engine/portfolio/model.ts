import type { DocumentFacts } from '../analyze';
import type { FormerOwner, RetirementThreshold } from '../evaluation/registry';
import { StageLadder } from '../evaluation/stages';
import type { BlockerRef, StageRef, Verdict } from '../evaluation/verdict';
import { bundledSchemas } from '../schemaData/bundled';

/**
 * The portfolio across agents and repositories, as data: the dashboard, the Markdown summary, the
 * CSV and the database export all read it. Every number comes from each document's one verdict
 * and its registry facts (AnalysisResult.verdict and .facts, or the same fields in the JSON of
 * `agentdoc check`); nothing here judges readiness again.
 */
export interface PortfolioInput {
  /** Repository the document lives in, e.g. "acme/finance-agents"; "" for the local one. */
  repository: string;
  /** Path within the repository, '/'-separated. */
  path: string;
  facts: DocumentFacts;
  verdict: Verdict;
}

export interface PortfolioAgent {
  repository: string;
  path: string;
  id: string | undefined;
  name: string;
  owner: string | undefined;
  sponsor: string | undefined;
  type: string | undefined;
  tier: string | undefined;
  stage: StageRef | undefined;
  verdict: Verdict;
  facts: DocumentFacts;
  /** Its id is also used by an agent in another repository (or elsewhere in this one). */
  duplicateId: boolean;
  reviewOverdue: boolean;
  retirementCandidate: boolean;
  /** Why: "automation rate 28% < 30%". */
  retirementReasons: string[];
  overBudget: boolean;
}

export interface DuplicateId {
  id: string;
  places: Array<{ repository: string; path: string }>;
}

export interface HistoryPoint {
  commit: string;
  /** Commit date, YYYY-MM-DD. */
  date: string;
  subject: string;
  agents: number;
  /** Agents per stage id at that commit. */
  stages: Record<string, number>;
  /** Sum of every agent's blockers (the verdicts' counts). */
  blockers: number;
  /** Agents with nothing blocking the stage they are in. */
  ready: number;
}

export interface PortfolioOptions {
  title?: string;
  /** YYYY-MM-DD the portfolio is as of. */
  date: string;
  /** An owner with more agents than this is flagged (seed 002: past five or six agents, roles separate). */
  ownerLimit?: number;
  history?: HistoryPoint[];
}

export interface Portfolio {
  title: string;
  date: string;
  agents: PortfolioAgent[];
  repositories: string[];
  /** Stages in ladder order, then any the gates do not know (as written). */
  stages: StageRef[];
  duplicates: DuplicateId[];
  ownerLimit: number;
  history: HistoryPoint[];
}

export const TYPES = ['foundation', 'capability', 'orchestration'] as const;
export const UNKNOWN_STAGE: StageRef = { id: 'unknown', title: 'Stage unknown' };
export const DEFAULT_OWNER_LIMIT = 5;

export function buildPortfolio(inputs: readonly PortfolioInput[], options: PortfolioOptions): Portfolio {
  const byId = new Map<string, PortfolioInput[]>();
  for (const input of inputs) {
    const id = input.facts.id;
    if (id === undefined) continue;
    byId.set(id, [...(byId.get(id) ?? []), input]);
  }
  const duplicates = [...byId]
    .filter(([, places]) => places.length > 1)
    .map(([id, places]) => ({ id, places: places.map(({ repository, path }) => ({ repository, path })) }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const duplicated = new Set(duplicates.map((duplicate) => duplicate.id));
  const agents = inputs
    .map((input) => agentOf(input, duplicated))
    .sort(
      (a, b) =>
        a.repository.localeCompare(b.repository) || a.name.localeCompare(b.name) || a.path.localeCompare(b.path),
    );
  return {
    title: options.title ?? 'Agent portfolio',
    date: options.date,
    agents,
    repositories: [...new Set(agents.map((agent) => agent.repository))].sort(),
    stages: stagesOf(agents),
    duplicates,
    ownerLimit: options.ownerLimit ?? DEFAULT_OWNER_LIMIT,
    history: options.history ?? [],
  };
}

function agentOf(input: PortfolioInput, duplicated: ReadonlySet<string>): PortfolioAgent {
  const { facts, verdict } = input;
  const registry = facts.registry;
  // A retired agent has been retired: its thresholds no longer make it a candidate (as for AD431).
  const retired = verdict.stage !== undefined && LADDER.get(verdict.stage.id)?.terminal === true;
  const met = retired ? [] : (registry?.retirement.thresholds.filter((threshold) => threshold.met) ?? []);
  const cost = registry?.cost;
  return {
    repository: input.repository,
    path: input.path,
    id: facts.id,
    name: facts.name ?? facts.id ?? input.path,
    owner: facts.owner,
    sponsor: registry?.sponsor,
    type: registry?.type,
    tier: facts.tier,
    // A stage the gates do not know counts as unknown, here and in the history alike.
    stage: verdict.stage,
    verdict,
    facts,
    duplicateId: facts.id !== undefined && duplicated.has(facts.id),
    reviewOverdue: Boolean(registry?.review.overdue),
    retirementCandidate: met.length > 0,
    retirementReasons: retirementReasons(met),
    overBudget:
      cost?.monthlyRunRate !== undefined &&
      cost.monthlyBudget !== undefined &&
      cost.monthlyRunRate > cost.monthlyBudget,
  };
}

/** Why an agent is a retirement candidate, one phrase per threshold crossed. */
export function retirementReasons(met: readonly RetirementThreshold[]): string[] {
  return met.map(
    (threshold) =>
      `${threshold.metric.replace(/_/g, ' ')} ${measure(threshold.metric, threshold.measured ?? 0)} (retire ${threshold.direction} ${measure(threshold.metric, threshold.threshold)})`,
  );
}

/** A metric's value as people read it: rates in percent, the rest as numbers. */
export function measure(metric: string, value: number): string {
  if (metric.endsWith('_rate')) return `${round(value * 100)}%`;
  return String(round(value));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

const LADDER = new StageLadder(bundledSchemas.gates);
const SECTION_TITLES = new Map(bundledSchemas.sections.sections.map((section) => [section.id, section.title]));

function stagesOf(agents: readonly PortfolioAgent[]): StageRef[] {
  const known = LADDER.stages.map((stage) => ({ id: stage.id, title: stage.title }));
  const extra = new Map<string, StageRef>();
  for (const agent of agents) {
    const stage = agent.stage ?? UNKNOWN_STAGE;
    if (!known.some((candidate) => candidate.id === stage.id)) extra.set(stage.id, stage);
  }
  return [...known, ...[...extra.values()].sort((a, b) => (a.id === 'unknown' ? 1 : a.title.localeCompare(b.title)))];
}

/** The stage an agent is counted under: its verdict's, else unknown. */
export function stageIdOf(agent: PortfolioAgent): string {
  return agent.stage?.id ?? UNKNOWN_STAGE.id;
}

/** A readiness-over-time point from the verdicts at one commit. */
export function historyPoint(
  commit: { hash: string; date: string; subject: string },
  verdicts: readonly Verdict[],
): HistoryPoint {
  const stages: Record<string, number> = {};
  let blockers = 0;
  let ready = 0;
  for (const verdict of verdicts) {
    const id = verdict.stage?.id ?? UNKNOWN_STAGE.id;
    stages[id] = (stages[id] ?? 0) + 1;
    blockers += verdict.blockers;
    if (verdict.stage && verdict.blockedStage?.id !== verdict.stage.id) ready++;
  }
  return {
    commit: commit.hash,
    date: commit.date,
    subject: commit.subject,
    agents: verdicts.length,
    stages,
    blockers,
    ready,
  };
}

/** A blocker's label across agents: the gate item or section it is about, else its rule code. */
export function blockerLabel(blocker: BlockerRef): string {
  const subject = blocker.subject;
  if (!subject) return blocker.code;
  if (subject.kind === 'gate-item') return subject.id;
  if (subject.kind === 'section') return `section ${SECTION_TITLES.get(subject.id) ?? subject.id}`;
  if (subject.kind === 'table') return `table ${subject.id}`;
  return subject.id ? `${subject.id} (${blocker.code})` : blocker.code;
}

export type { FormerOwner };
