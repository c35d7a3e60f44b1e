import type { StageRef } from '../evaluation/verdict';
import { blockerLabel, stageIdOf, TYPES, type Portfolio, type PortfolioAgent } from './model';

/**
 * The views the programme lead decides from, computed once from the portfolio so the dashboard
 * and the Markdown summary cannot disagree: counts only, no readiness judgement of their own.
 */
export interface PortfolioViews {
  funnel: Array<{ stage: StageRef; agents: number; blockers: number }>;
  tiers: string[];
  /** Agents per stage id and tier ("—" for none). */
  matrix: Map<string, Map<string, number>>;
  /** Gate items (or sections, or rule codes) that block agents, most agents first. */
  blockersByItem: Array<{ label: string; agents: number }>;
  blockedAgents: PortfolioAgent[];
  owners: Array<{ owner: string; agents: PortfolioAgent[]; blockers: number; overLimit: boolean }>;
  overdue: PortfolioAgent[];
  costs: Array<{ currency: string; runRate: number; budget: number; agents: number; overBudget: PortfolioAgent[] }>;
  retirement: PortfolioAgent[];
  types: Array<{ type: string; agents: number; live: number }>;
  typeAdvice: string[];
  totals: { agents: number; blocked: number; blockers: number; overdue: number; retirement: number };
}

export const NO_TIER = '—';
export const UNCLASSIFIED = 'unclassified';

export function portfolioViews(portfolio: Portfolio): PortfolioViews {
  const agents = portfolio.agents;
  const funnel = portfolio.stages.map((stage) => {
    const here = agents.filter((agent) => stageIdOf(agent) === stage.id);
    return { stage, agents: here.length, blockers: sum(here.map((agent) => agent.verdict.blockers)) };
  });
  const tiers = [...new Set(agents.map((agent) => agent.tier ?? NO_TIER))].sort((a, b) =>
    a === NO_TIER ? 1 : b === NO_TIER ? -1 : a.localeCompare(b),
  );
  const matrix = new Map<string, Map<string, number>>();
  for (const agent of agents) {
    const row = matrix.get(stageIdOf(agent)) ?? new Map<string, number>();
    const tier = agent.tier ?? NO_TIER;
    row.set(tier, (row.get(tier) ?? 0) + 1);
    matrix.set(stageIdOf(agent), row);
  }
  const items = new Map<string, Set<PortfolioAgent>>();
  for (const agent of agents) {
    for (const blocker of agent.verdict.blocking) {
      const label = blockerLabel(blocker);
      items.set(label, (items.get(label) ?? new Set()).add(agent));
    }
  }
  const blockersByItem = [...items]
    .map(([label, set]) => ({ label, agents: set.size }))
    .sort((a, b) => b.agents - a.agents || a.label.localeCompare(b.label));
  const blockedAgents = agents
    .filter((agent) => agent.verdict.blockers > 0)
    .sort((a, b) => b.verdict.blockers - a.verdict.blockers || a.name.localeCompare(b.name));
  const byOwner = new Map<string, PortfolioAgent[]>();
  for (const agent of agents) {
    const owner = agent.owner ?? '(no owner)';
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), agent]);
  }
  const owners = [...byOwner]
    .map(([owner, list]) => ({
      owner,
      agents: list,
      blockers: sum(list.map((agent) => agent.verdict.blockers)),
      overLimit: list.length > portfolio.ownerLimit,
    }))
    .sort((a, b) => b.agents.length - a.agents.length || a.owner.localeCompare(b.owner));
  const overdue = agents
    .filter((agent) => agent.reviewOverdue)
    .sort((a, b) => (a.facts.registry?.review.due ?? '').localeCompare(b.facts.registry?.review.due ?? ''));
  const retirement = agents.filter((agent) => agent.retirementCandidate);
  const types = [...TYPES, UNCLASSIFIED].map((type) => {
    const list = agents.filter((agent) => (agent.type ?? UNCLASSIFIED) === type);
    return { type, agents: list.length, live: list.filter(isLive).length };
  });
  return {
    funnel,
    tiers,
    matrix,
    blockersByItem,
    blockedAgents,
    owners,
    overdue,
    costs: costsOf(agents),
    retirement,
    types,
    typeAdvice: typeAdvice(types),
    totals: {
      agents: agents.length,
      blocked: agents.filter(
        (agent) => agent.verdict.stage && agent.verdict.blockedStage?.id === agent.verdict.stage.id,
      ).length,
      blockers: sum(agents.map((agent) => agent.verdict.blockers)),
      overdue: overdue.length,
      retirement: retirement.length,
    },
  };
}

/** In production or on the way (canary): what the type mix is about in practice. */
function isLive(agent: PortfolioAgent): boolean {
  return agent.stage?.id === 'production' || agent.stage?.id === 'canary';
}

function costsOf(agents: readonly PortfolioAgent[]): PortfolioViews['costs'] {
  const byCurrency = new Map<string, PortfolioAgent[]>();
  for (const agent of agents) {
    const cost = agent.facts.registry?.cost;
    if (cost?.monthlyRunRate === undefined && cost?.monthlyBudget === undefined) continue;
    const currency = cost.currency ?? '(no currency)';
    byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), agent]);
  }
  return [...byCurrency]
    .map(([currency, list]) => ({
      currency,
      runRate: round(sum(list.map((agent) => agent.facts.registry?.cost.monthlyRunRate ?? 0))),
      budget: round(sum(list.map((agent) => agent.facts.registry?.cost.monthlyBudget ?? 0))),
      agents: list.length,
      overBudget: list.filter((agent) => agent.overBudget),
    }))
    .sort((a, b) => b.agents - a.agents || a.currency.localeCompare(b.currency));
}

/** Seed 002: start heavy on foundation agents; orchestration last, on proven foundations. */
function typeAdvice(types: PortfolioViews['types']): string[] {
  const count = (type: string): number => types.find((entry) => entry.type === type)?.agents ?? 0;
  const live = (type: string): number => types.find((entry) => entry.type === type)?.live ?? 0;
  const advice: string[] = [];
  const typed = count('foundation') + count('capability') + count('orchestration');
  if (typed > 0 && count('foundation') < Math.max(count('capability'), count('orchestration')))
    advice.push(
      `Foundation agents are not the largest group (${count('foundation')} of ${typed}): the seed advises starting heavy on foundation agents, which build credibility and give the clearest return.`,
    );
  if (count('orchestration') > 0 && live('orchestration') > live('foundation'))
    advice.push(
      `More orchestration agents are live (${live('orchestration')}) than foundation agents (${live('foundation')}): orchestration should come later, built on proven foundation agents.`,
    );
  if (count(UNCLASSIFIED) > 0)
    advice.push(
      `${count(UNCLASSIFIED)} agent${count(UNCLASSIFIED) === 1 ? ' has' : 's have'} no type: add type to the front matter.`,
    );
  return advice;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
