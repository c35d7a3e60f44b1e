import { escapeHtml } from '../report/html';
import { NO_TIER, portfolioViews, type PortfolioViews } from './aggregates';
import { barChart, heatmap, historyChart, stackedBars, type StackRow } from './charts';
import { measure, stageIdOf, type Portfolio, type PortfolioAgent } from './model';
import { DASHBOARD_STYLE } from './style';

const TOP = 12;

/**
 * The portfolio dashboard: one self-contained HTML file (inline CSS and SVG, no script, nothing
 * fetched) that opens offline, in a VS Code webview under a strict CSP, and prints to PDF.
 */
export function renderPortfolioHtml(portfolio: Portfolio): string {
  const views = portfolioViews(portfolio);
  const stageClass = (id: string): string =>
    ['pilot', 'shadow', 'canary', 'production', 'retired', 'unknown'].includes(id) ? `s-${id}` : 's-other';
  const shown = portfolio.stages.filter((stage) => portfolio.agents.some((agent) => stageIdOf(agent) === stage.id));
  const stageLegend = shown.map((stage) => ({ className: stageClass(stage.id), title: stage.title }));
  const repositories = portfolio.repositories.filter((name) => name !== '');
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(portfolio.title)}</title>`,
    `<style>${DASHBOARD_STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(portfolio.title)}</h1>`,
    `<p class="muted">As of ${escapeHtml(portfolio.date)} · ${plural(views.totals.agents, 'agent')}${repositories.length ? ` in ${plural(repositories.length, 'repository', 'repositories')}` : ''}</p>`,
    kpis(views, portfolio),
    '<div class="grid">',
    card(
      'Stage funnel',
      barChart(
        'Agents per stage',
        views.funnel.map((row) => ({
          label: row.stage.title,
          value: row.agents,
          className: stageClass(row.stage.id),
          note: row.blockers ? `· ${plural(row.blockers, 'blocker')}` : '',
        })),
      ),
    ),
    card(
      'Tier × stage',
      heatmap(
        'Agents per tier and stage',
        views.funnel.map((row) => row.stage.title),
        views.tiers,
        (r, c) => views.matrix.get(views.funnel[r]!.stage.id)?.get(views.tiers[c] ?? NO_TIER) ?? 0,
      ),
    ),
    card(
      'What blocks most agents',
      views.blockersByItem.length
        ? barChart(
            'Agents blocked per gate item',
            views.blockersByItem
              .slice(0, TOP)
              .map((row) => ({ label: row.label, value: row.agents, className: 'b-bad' })),
          ) + more(views.blockersByItem.length, TOP, 'gate items')
        : '<p>Nothing blocks any agent at its stage.</p>',
    ),
    card(
      'Load per owner',
      stackedBars(
        'Agents per owner by stage',
        views.owners.slice(0, TOP).map((row): StackRow => ({
          label: row.owner,
          parts: shown.map((stage) => ({
            value: row.agents.filter((agent) => stageIdOf(agent) === stage.id).length,
            className: stageClass(stage.id),
            title: stage.title,
          })),
          note: row.overLimit ? '· over limit' : '',
        })),
        stageLegend,
        { limit: portfolio.ownerLimit },
      ) +
        `<p class="muted small">Dashed line: ${portfolio.ownerLimit} agents per owner.${more(views.owners.length, TOP, 'owners', true)}</p>`,
    ),
    card('Agent types against the advice', typeMix(views)),
    card('Cost against budget', costs(views)),
    historyCard(portfolio, stageClass),
    '</div>',
    card('Most blocked agents', agentTable(views.blockedAgents.slice(0, TOP), ['stage', 'verdict', 'blockers']), true),
    card('Overdue reviews', agentTable(views.overdue, ['owner', 'review']), true),
    card('Retirement candidates', agentTable(views.retirement, ['owner', 'stage', 'retirement']), true),
  ];
  if (portfolio.duplicates.length) out.push(card('Duplicate ids', duplicates(portfolio), true));
  out.push(
    card('Registry', agentTable(portfolio.agents, ['type', 'owner', 'sponsor', 'stage', 'verdict', 'metrics']), true),
  );
  out.push('</body>', '</html>');
  return out.join('\n') + '\n';
}

function kpis(views: PortfolioViews, portfolio: Portfolio): string {
  const kpi = (value: number, label: string, alert = false): string =>
    `<div class="kpi${alert && value > 0 ? ' alert' : ''}"><b>${value}</b>${escapeHtml(label)}</div>`;
  return [
    '<div class="kpis">',
    kpi(views.totals.agents, 'agents'),
    kpi(views.totals.blocked, 'blocked at their stage', true),
    kpi(views.totals.blockers, 'blockers'),
    kpi(views.totals.overdue, 'reviews overdue', true),
    kpi(views.totals.retirement, 'retirement candidates', true),
    kpi(views.owners.filter((owner) => owner.overLimit).length, `owners with more than ${portfolio.ownerLimit}`, true),
    ...(portfolio.duplicates.length ? [kpi(portfolio.duplicates.length, 'duplicate ids', true)] : []),
    '</div>',
  ].join('');
}

function card(title: string, body: string, wide = false): string {
  return `<section class="card${wide ? ' wide' : ''}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

function typeMix(views: PortfolioViews): string {
  const rows = views.types.filter((row) => row.agents > 0 || row.type !== 'unclassified');
  const chart = barChart(
    'Agents per type',
    rows.map((row) => ({ label: row.type, value: row.agents, className: `t-${row.type}`, note: `· ${row.live} live` })),
  );
  const advice = views.typeAdvice.length
    ? `<ul class="advice">${views.typeAdvice.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`
    : '<p class="muted small">Heavy on foundation agents, as seed 002 advises.</p>';
  return `${chart}<p class="muted small">Live: canary or production. Seed 002: start heavy on foundation agents, add capability agents as comfort grows, orchestration last.</p>${advice}`;
}

function costs(views: PortfolioViews): string {
  if (!views.costs.length) return '<p>No agent states a cost or a budget.</p>';
  const rows = views.costs.map(
    (row) =>
      `<tr><td>${escapeHtml(row.currency)}</td><td class="n">${row.agents}</td><td class="n">${money(row.runRate)}</td><td class="n">${money(row.budget)}</td><td class="n">${row.budget ? `${Math.round((row.runRate / row.budget) * 100)}%` : '—'}</td><td>${row.overBudget.length ? `<span class="tag bad">${row.overBudget.length} over budget</span>` : ''}</td></tr>`,
  );
  const over = views.costs.flatMap((row) => row.overBudget);
  return [
    barChart(
      'Monthly run rate against budget per currency',
      views.costs.flatMap((row) => [
        { label: `${row.currency} budget`, value: row.budget, className: 'b-ok' },
        {
          label: `${row.currency} run rate`,
          value: row.runRate,
          className: row.runRate > row.budget ? 'b-bad' : 'b-default',
        },
      ]),
    ),
    '<table><thead><tr><th>Currency</th><th class="n">Agents</th><th class="n">Run rate / month</th><th class="n">Budget / month</th><th class="n">Used</th><th></th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
    over.length
      ? `<p class="small">Over budget: ${over
          .slice(0, 8)
          .map((agent) => escapeHtml(agent.name))
          .join(', ')}${over.length > 8 ? ` and ${over.length - 8} more` : ''}</p>`
      : '',
    '<p class="muted small">Run rate: measured cost per task × tasks per day × 30 (the plan where nothing was measured).</p>',
  ].join('');
}

function historyCard(portfolio: Portfolio, stageClass: (id: string) => string): string {
  if (!portfolio.history.length) return '';
  const legend = portfolio.stages
    .filter((stage) => portfolio.history.some((point) => (point.stages[stage.id] ?? 0) > 0))
    .map((stage) => ({ className: stageClass(stage.id), title: stage.title }));
  const chart = historyChart(
    'Agents per stage and blockers per sampled commit',
    portfolio.history.map((point) => ({
      label: point.date.slice(5),
      parts: portfolio.stages.map((stage) => ({
        value: point.stages[stage.id] ?? 0,
        className: stageClass(stage.id),
        title: stage.title,
      })),
      line: point.blockers,
    })),
    legend,
    'blockers',
  );
  const first = portfolio.history[0]!;
  const last = portfolio.history[portfolio.history.length - 1]!;
  return card(
    'Readiness over time',
    `${chart}<p class="muted small">${plural(portfolio.history.length, 'sampled commit')} from ${escapeHtml(first.date)} (${escapeHtml(first.commit.slice(0, 7))}) to ${escapeHtml(last.date)} (${escapeHtml(last.commit.slice(0, 7))}): blockers ${first.blockers} → ${last.blockers}, agents ready for their stage ${first.ready} → ${last.ready}.</p>`,
    true,
  );
}

type Column = 'type' | 'owner' | 'sponsor' | 'stage' | 'verdict' | 'blockers' | 'review' | 'retirement' | 'metrics';

function agentTable(agents: readonly PortfolioAgent[], columns: readonly Column[]): string {
  if (!agents.length) return '<p class="muted">None.</p>';
  const heads: Record<Column, string> = {
    type: '<th>Type</th>',
    owner: '<th>Owner</th>',
    sponsor: '<th>Sponsor</th>',
    stage: '<th>Stage</th>',
    verdict: '<th>Verdict</th>',
    blockers: '<th class="n">Blockers</th>',
    review: '<th>Review</th>',
    retirement: '<th>Why</th>',
    metrics: '<th>Metrics</th>',
  };
  const cell = (agent: PortfolioAgent, column: Column): string => {
    const registry = agent.facts.registry;
    switch (column) {
      case 'type':
        return `<td>${escapeHtml(agent.type ?? '—')}</td>`;
      case 'owner':
        return `<td>${escapeHtml(agent.owner ?? '—')}</td>`;
      case 'sponsor':
        return `<td>${escapeHtml(agent.sponsor ?? '—')}</td>`;
      case 'stage':
        return `<td>${escapeHtml(agent.stage?.title ?? '—')}</td>`;
      case 'verdict':
        return `<td>${escapeHtml(agent.verdict.phrase)}</td>`;
      case 'blockers':
        return `<td class="n">${agent.verdict.blockers}</td>`;
      case 'review':
        return `<td>${escapeHtml(registry?.review.cadence ?? '—')}, last ${escapeHtml(registry?.review.last ?? '—')}, due ${escapeHtml(registry?.review.due ?? '—')} <span class="tag bad">overdue</span></td>`;
      case 'retirement':
        return `<td>${escapeHtml(agent.retirementReasons.join('; '))}</td>`;
      case 'metrics': {
        const metrics = registry?.metrics;
        if (!metrics) return '<td class="muted">—</td>';
        const values = Object.entries(metrics.values).map(
          ([name, value]) => `${name.replace(/_/g, ' ')} ${measure(name, value)}`,
        );
        const flags = [
          ...(metrics.stale ? ['<span class="tag warn">stale</span>'] : []),
          ...(agent.retirementCandidate ? ['<span class="tag bad">retire?</span>'] : []),
        ];
        return `<td>${escapeHtml(values.join(', '))} <span class="muted small">(${escapeHtml(metrics.asOf ?? 'undated')})</span> ${flags.join(' ')}</td>`;
      }
    }
  };
  return [
    `<table><thead><tr><th>Agent</th>${columns.map((column) => heads[column]).join('')}</tr></thead><tbody>`,
    ...agents.map(
      (agent) =>
        `<tr><td>${escapeHtml(agent.name)}<br><span class="muted small">${escapeHtml(place(agent))}</span>${agent.duplicateId ? ' <span class="tag bad">duplicate id</span>' : ''}</td>${columns.map((column) => cell(agent, column)).join('')}</tr>`,
    ),
    '</tbody></table>',
  ].join('');
}

function duplicates(portfolio: Portfolio): string {
  return `<table><thead><tr><th>Id</th><th>Documents</th></tr></thead><tbody>${portfolio.duplicates
    .map(
      (duplicate) =>
        `<tr><td><code>${escapeHtml(duplicate.id)}</code></td><td>${duplicate.places.map((where) => escapeHtml(where.repository ? `${where.repository}: ${where.path}` : where.path)).join('<br>')}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

function place(agent: PortfolioAgent): string {
  return agent.repository ? `${agent.repository} · ${agent.path}` : agent.path;
}

function more(total: number, shown: number, what: string, inline = false): string {
  if (total <= shown) return '';
  const text = `${total - shown} more ${what} not shown.`;
  return inline ? ` ${text}` : `<p class="muted small">${text}</p>`;
}

function money(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(value);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
