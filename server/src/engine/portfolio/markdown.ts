import { escapeMarkdown, textBar } from '../report/markdown';
import { portfolioViews } from './aggregates';
import { plural } from './html';
import type { Portfolio, PortfolioAgent } from './model';

const TOP = 10;

/**
 * The portfolio as a Markdown summary for a pull-request comment: the same views as the dashboard,
 * as tables, each list cut to its first ten so the comment stays well inside GitHub's size limit.
 */
export function renderPortfolioMarkdown(portfolio: Portfolio): string {
  const views = portfolioViews(portfolio);
  const repositories = portfolio.repositories.filter((name) => name !== '');
  const out: string[] = [
    `## ${escapeMarkdown(portfolio.title)}`,
    '',
    `As of ${portfolio.date} · ${plural(views.totals.agents, 'agent')}${repositories.length ? ` in ${plural(repositories.length, 'repository', 'repositories')}` : ''} · ${views.totals.blocked} blocked at their stage · ${plural(views.totals.blockers, 'blocker')} · ${plural(views.totals.overdue, 'review')} overdue · ${plural(views.totals.retirement, 'retirement candidate')}${portfolio.duplicates.length ? ` · ${plural(portfolio.duplicates.length, 'duplicate id')}` : ''}`,
    '',
    '### Stage funnel',
    '',
    '| Stage | Agents | | Blockers |',
    '|---|---:|---|---:|',
    ...views.funnel.map(
      (row) =>
        `| ${escapeMarkdown(row.stage.title)} | ${row.agents} | ${textBar(row.agents, views.totals.agents).split(' ')[0]} | ${row.blockers} |`,
    ),
    '',
    '### Tier × stage',
    '',
    `| Stage | ${views.tiers.map(escapeMarkdown).join(' | ')} |`,
    `|---|${views.tiers.map(() => '---:').join('|')}|`,
    ...views.funnel.map(
      (row) =>
        `| ${escapeMarkdown(row.stage.title)} | ${views.tiers.map((tier) => views.matrix.get(row.stage.id)?.get(tier) ?? 0).join(' | ')} |`,
    ),
    '',
    '### What blocks most agents',
    '',
  ];
  if (views.blockersByItem.length) {
    out.push('| Gate item | Agents blocked |', '|---|---:|');
    for (const row of views.blockersByItem.slice(0, TOP)) out.push(`| ${escapeMarkdown(row.label)} | ${row.agents} |`);
    out.push(...more(views.blockersByItem.length, 'gate items'));
  } else out.push('Nothing blocks any agent at its stage.');
  out.push('', '### Most blocked agents', '');
  list(
    out,
    views.blockedAgents,
    '| Agent | Stage | Verdict | Blockers |\n|---|---|---|---:|',
    (agent) =>
      `| ${name(agent)} | ${escapeMarkdown(agent.stage?.title ?? '—')} | ${escapeMarkdown(agent.verdict.phrase)} | ${agent.verdict.blockers} |`,
    'agents',
  );
  out.push('', '### Load per owner', '');
  out.push('| Owner | Agents | Blockers | |', '|---|---:|---:|---|');
  for (const row of views.owners.slice(0, TOP))
    out.push(
      `| ${escapeMarkdown(row.owner)} | ${row.agents.length} | ${row.blockers} | ${row.overLimit ? `⚠️ more than ${portfolio.ownerLimit}` : ''} |`,
    );
  out.push(...more(views.owners.length, 'owners'));
  out.push('', '### Overdue reviews', '');
  list(
    out,
    views.overdue,
    '| Agent | Owner | Cadence | Last review | Due |\n|---|---|---|---|---|',
    (agent) => {
      const review = agent.facts.registry?.review;
      return `| ${name(agent)} | ${escapeMarkdown(agent.owner ?? '—')} | ${escapeMarkdown(review?.cadence ?? '—')} | ${escapeMarkdown(review?.last ?? '—')} | ${escapeMarkdown(review?.due ?? '—')} |`;
    },
    'agents',
  );
  out.push('', '### Cost against budget', '');
  if (views.costs.length) {
    out.push('| Currency | Agents | Run rate / month | Budget / month | Over budget |', '|---|---:|---:|---:|---|');
    for (const row of views.costs)
      out.push(
        `| ${escapeMarkdown(row.currency)} | ${row.agents} | ${money(row.runRate)} | ${money(row.budget)} | ${names(row.overBudget)} |`,
      );
  } else out.push('No agent states a cost or a budget.');
  out.push('', '### Retirement candidates', '');
  list(
    out,
    views.retirement,
    '| Agent | Owner | Stage | Why |\n|---|---|---|---|',
    (agent) =>
      `| ${name(agent)} | ${escapeMarkdown(agent.owner ?? '—')} | ${escapeMarkdown(agent.stage?.title ?? '—')} | ${escapeMarkdown(agent.retirementReasons.join('; '))} |`,
    'agents',
  );
  out.push('', '### Agent types', '', '| Type | Agents | Live |', '|---|---:|---:|');
  for (const row of views.types)
    if (row.agents > 0 || row.type !== 'unclassified') out.push(`| ${row.type} | ${row.agents} | ${row.live} |`);
  out.push(
    '',
    ...(views.typeAdvice.length
      ? views.typeAdvice.map((line) => `- ${escapeMarkdown(line)}`)
      : ['Heavy on foundation agents, as seed 002 advises.']),
  );
  if (portfolio.history.length) {
    const stages = portfolio.stages.filter((stage) => portfolio.history.some((point) => point.stages[stage.id]));
    out.push(
      '',
      '### Readiness over time',
      '',
      `| Commit | Date | ${stages.map((stage) => escapeMarkdown(stage.title)).join(' | ')} | Ready | Blockers |`,
      `|---|---|${stages.map(() => '---:').join('|')}|---:|---:|`,
      ...portfolio.history.map(
        (point) =>
          `| \`${point.commit.slice(0, 7)}\` | ${point.date} | ${stages.map((stage) => point.stages[stage.id] ?? 0).join(' | ')} | ${point.ready} | ${point.blockers} |`,
      ),
    );
  }
  if (portfolio.duplicates.length) {
    out.push('', '### Duplicate ids', '');
    for (const duplicate of portfolio.duplicates)
      out.push(
        `- ${code(duplicate.id)}: ${duplicate.places.map((where) => escapeMarkdown(where.repository ? `${where.repository}: ${where.path}` : where.path)).join(', ')}`,
      );
  }
  return out.join('\n').trimEnd() + '\n';
}

function list(
  out: string[],
  agents: readonly PortfolioAgent[],
  head: string,
  row: (agent: PortfolioAgent) => string,
  what: string,
): void {
  if (!agents.length) {
    out.push('None.');
    return;
  }
  out.push(...head.split('\n'), ...agents.slice(0, TOP).map(row), ...more(agents.length, what));
}

function name(agent: PortfolioAgent): string {
  const where = agent.repository ? `${agent.repository}: ${agent.path}` : agent.path;
  return `${escapeMarkdown(agent.name)}<br>${escapeMarkdown(where)}`;
}

/** The first few names and how many more: a cell stays one line. */
function names(agents: readonly PortfolioAgent[], shown = 5): string {
  if (!agents.length) return '—';
  const first = agents.slice(0, shown).map((agent) => escapeMarkdown(agent.name));
  return `${agents.length}: ${first.join(', ')}${agents.length > shown ? ` and ${agents.length - shown} more` : ''}`;
}

function more(total: number, what: string): string[] {
  return total > TOP ? ['', `…and ${total - TOP} more ${what}.`] : [];
}

/** An id in a code span when it is a plain id; anything else (hostile JSON) escaped as text. */
function code(id: string): string {
  return /^[A-Za-z0-9._-]{1,64}$/.test(id) ? `\`${id}\`` : escapeMarkdown(id);
}

function money(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(value);
}
