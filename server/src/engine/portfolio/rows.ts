import type { Portfolio, PortfolioAgent } from './model';

/**
 * The portfolio as flat rows for a spreadsheet or a database: one row per agent with named,
 * typed columns (the CSV header and the SQLite `agents` table both come from this list), plus the
 * detail a team queries across agents — blockers, former owners and readiness per sampled commit.
 */
export type ColumnType = 'text' | 'integer' | 'real';
export type Cell = string | number | null;

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  value: (agent: PortfolioAgent) => Cell;
}

const flag = (value: boolean): number => (value ? 1 : 0);
const opt = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

export const PORTFOLIO_COLUMNS: readonly ColumnSpec[] = [
  { name: 'repository', type: 'text', value: (agent) => agent.repository },
  { name: 'path', type: 'text', value: (agent) => agent.path },
  { name: 'id', type: 'text', value: (agent) => opt(agent.id) },
  { name: 'name', type: 'text', value: (agent) => agent.name },
  { name: 'type', type: 'text', value: (agent) => opt(agent.type) },
  { name: 'tier', type: 'text', value: (agent) => opt(agent.tier) },
  { name: 'stage', type: 'text', value: (agent) => opt(agent.stage?.id) },
  { name: 'ready_for', type: 'text', value: (agent) => opt(agent.verdict.readyFor?.id) },
  { name: 'blocked_stage', type: 'text', value: (agent) => opt(agent.verdict.blockedStage?.id) },
  { name: 'blockers', type: 'integer', value: (agent) => agent.verdict.blockers },
  { name: 'verdict', type: 'text', value: (agent) => agent.verdict.phrase },
  { name: 'errors', type: 'integer', value: (agent) => agent.verdict.errors },
  { name: 'warnings', type: 'integer', value: (agent) => agent.verdict.warnings },
  { name: 'owner', type: 'text', value: (agent) => opt(agent.owner) },
  { name: 'owner_since', type: 'text', value: (agent) => opt(agent.facts.registry?.ownerSince) },
  { name: 'sponsor', type: 'text', value: (agent) => opt(agent.sponsor) },
  { name: 'systems', type: 'text', value: (agent) => (agent.facts.registry?.systems ?? []).join('; ') },
  { name: 'depends_on', type: 'text', value: (agent) => (agent.facts.registry?.dependsOn ?? []).join('; ') },
  { name: 'review_cadence', type: 'text', value: (agent) => opt(agent.facts.registry?.review.cadence) },
  { name: 'review_last', type: 'text', value: (agent) => opt(agent.facts.registry?.review.last) },
  { name: 'review_due', type: 'text', value: (agent) => opt(agent.facts.registry?.review.due) },
  { name: 'review_overdue', type: 'integer', value: (agent) => flag(agent.reviewOverdue) },
  { name: 'metrics_as_of', type: 'text', value: (agent) => opt(agent.facts.registry?.metrics?.asOf) },
  {
    name: 'automation_rate',
    type: 'real',
    value: (agent) => opt(agent.facts.registry?.metrics?.values.automation_rate),
  },
  {
    name: 'escalation_rate',
    type: 'real',
    value: (agent) => opt(agent.facts.registry?.metrics?.values.escalation_rate),
  },
  { name: 'cost_per_task', type: 'real', value: (agent) => opt(agent.facts.registry?.cost.perTask) },
  { name: 'tasks_per_day', type: 'real', value: (agent) => opt(agent.facts.registry?.metrics?.values.tasks_per_day) },
  { name: 'metrics_stale', type: 'integer', value: (agent) => flag(Boolean(agent.facts.registry?.metrics?.stale)) },
  { name: 'retirement_candidate', type: 'integer', value: (agent) => flag(agent.retirementCandidate) },
  { name: 'retirement_reasons', type: 'text', value: (agent) => agent.retirementReasons.join('; ') },
  { name: 'currency', type: 'text', value: (agent) => opt(agent.facts.registry?.cost.currency) },
  { name: 'monthly_budget', type: 'real', value: (agent) => opt(agent.facts.registry?.cost.monthlyBudget) },
  { name: 'monthly_run_rate', type: 'real', value: (agent) => opt(agent.facts.registry?.cost.monthlyRunRate) },
  { name: 'over_budget', type: 'integer', value: (agent) => flag(agent.overBudget) },
  { name: 'duplicate_id', type: 'integer', value: (agent) => flag(agent.duplicateId) },
];

export interface PortfolioTables {
  agents: { columns: readonly ColumnSpec[]; rows: Cell[][] };
  blockers: Cell[][];
  formerOwners: Cell[][];
  history: Cell[][];
  historyStages: Cell[][];
}

export const BLOCKER_COLUMNS = ['repository', 'path', 'agent_id', 'code', 'subject_kind', 'subject_id'] as const;
export const FORMER_OWNER_COLUMNS = [
  'repository',
  'path',
  'agent_id',
  'name',
  'from_date',
  'to_date',
  'handover',
] as const;
export const HISTORY_COLUMNS = ['commit_hash', 'date', 'subject', 'agents', 'ready', 'blockers'] as const;
export const HISTORY_STAGE_COLUMNS = ['commit_hash', 'stage', 'agents'] as const;

export function portfolioRows(portfolio: Portfolio): PortfolioTables {
  const agents = portfolio.agents;
  return {
    agents: {
      columns: PORTFOLIO_COLUMNS,
      rows: agents.map((agent) => PORTFOLIO_COLUMNS.map((column) => column.value(agent))),
    },
    blockers: agents.flatMap((agent) =>
      agent.verdict.blocking.map((blocker) => [
        agent.repository,
        agent.path,
        opt(agent.id),
        blocker.code,
        opt(blocker.subject?.kind),
        opt(blocker.subject?.id),
      ]),
    ),
    formerOwners: agents.flatMap((agent) =>
      (agent.facts.registry?.ownerHistory ?? []).map((former) => [
        agent.repository,
        agent.path,
        opt(agent.id),
        former.name,
        opt(former.from),
        opt(former.to),
        opt(former.handover),
      ]),
    ),
    history: portfolio.history.map((point) => [
      point.commit,
      point.date,
      point.subject,
      point.agents,
      point.ready,
      point.blockers,
    ]),
    historyStages: portfolio.history.flatMap((point) =>
      Object.entries(point.stages).map(([stage, count]) => [point.commit, stage, count]),
    ),
  };
}
