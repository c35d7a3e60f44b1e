import type { SourceLink } from '../../protocol/sourceLink';
import type { ItemStatus } from '../evaluation/readiness';
import { STATUS_LABEL, type AgentReport, type ReadinessReport, type ReportItem } from './model';

/** Every piece of document text goes through this: the report must never carry the document's HTML. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}

const STATUS_CLASS: Record<ItemStatus, string> = {
  met: 'ok',
  waived: 'ok',
  pending: 'wait',
  missing: 'bad',
  placeholder: 'bad',
  failed: 'bad',
  'waiver-expired': 'bad',
  open: 'bad',
};

// Self-contained: inline CSS and no scripts, so the file can be attached to a decision as it is
// and opened in a webview under a strict content security policy.
const STYLE = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2328}
h1{font-size:1.6rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.3rem;margin-top:2.5rem}h3{font-size:1.05rem;margin-top:1.6rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f6f8fa}
.facts th{width:9rem}.verdict{font-weight:600}.status{white-space:nowrap;font-weight:600}.ok{color:#1a7f37}.wait{color:#9a6700}.bad{color:#cf222e}
.bar{background:#eaeef2;border-radius:3px;height:.9rem;min-width:10rem}.bar>span{display:block;height:100%;border-radius:3px;background:#2da44e}
.muted{color:#656d76}code{font-size:.9em}`;

export function renderReportHtml(report: ReadinessReport): string {
  const out = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(report.title)}</h1>`,
    `<p class="muted">As of ${escapeHtml(report.date)} · ${report.agents.length} agent${report.agents.length === 1 ? '' : 's'}</p>`,
  ];
  if (report.agents.length > 1) {
    out.push(
      '<table><thead><tr><th>Agent</th><th>Owner</th><th>Tier</th><th>Stage</th><th>Verdict</th><th>Errors</th></tr></thead><tbody>',
    );
    for (const agent of report.agents)
      out.push(
        `<tr><td>${escapeHtml(agent.name)}</td><td>${escapeHtml(agent.owner ?? '—')}</td><td>${escapeHtml(agent.tier ?? '—')}</td><td>${escapeHtml(agent.stage.title)}</td><td>${escapeHtml(agent.summary)}</td><td>${agent.counts.error}</td></tr>`,
      );
    out.push('</tbody></table>');
  }
  for (const agent of report.agents) out.push(...renderAgent(agent));
  out.push('</body>', '</html>');
  return out.join('\n') + '\n';
}

function renderAgent(agent: AgentReport): string[] {
  const out = [`<section><h2>${escapeHtml(agent.name)}</h2>`];
  if (agent.notAnalysed)
    return [
      ...out,
      `<p><code>${escapeHtml(agent.path)}</code> was not analysed: ${escapeHtml(agent.notAnalysed)}</p></section>`,
    ];
  const fact = (label: string, value: string | undefined): string =>
    `<tr><th>${label}</th><td>${escapeHtml(value ?? '—')}</td></tr>`;
  out.push(
    '<table class="facts"><tbody>',
    fact('File', agent.path),
    fact('Id', agent.id),
    fact('Owner', agent.owner),
    fact('Tier', agent.tier),
    fact('Stage', agent.stage.title),
    `<tr><th>Verdict</th><td class="verdict">${escapeHtml(agent.summary)}</td></tr>`,
    `<tr><th>Findings</th><td>${agent.counts.error} errors, ${agent.counts.warning} warnings</td></tr>`,
    '</tbody></table>',
    '<h3>Readiness by stage</h3>',
    '<table><thead><tr><th>Stage</th><th>Requirements met</th><th></th></tr></thead><tbody>',
  );
  for (const stage of agent.stages) {
    const share = stage.total === 0 ? 100 : Math.round((stage.met / stage.total) * 100);
    out.push(
      `<tr><td>${escapeHtml(stage.title)}</td><td><div class="bar" role="img" aria-label="${share}% met"><span style="width:${share}%"></span></div></td><td>${stage.met}/${stage.total}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  if (agent.blockers.length && agent.blockedStage) {
    out.push(`<h3>Blockers for ${escapeHtml(agent.blockedStage.toLowerCase())}</h3>`, '<ul>');
    for (const blocker of agent.blockers)
      out.push(
        `<li><span class="status bad">line ${blocker.line}</span> <code>${escapeHtml(blocker.code)}</code> ${escapeHtml(blocker.message)}</li>`,
      );
    out.push('</ul>');
  }
  for (const gate of agent.gates) {
    out.push(
      `<h3>${escapeHtml(gate.stage.title)}: ${escapeHtml(gate.title)}</h3>`,
      '<table><thead><tr><th>Item</th><th>Status</th><th>Signed off by</th><th>Date</th><th>Evidence</th></tr></thead><tbody>',
    );
    for (const item of gate.items) out.push(itemRow(item));
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out;
}

function itemRow(item: ReportItem): string {
  const waiver = item.waiver
    ? `<br><span class="muted">waiver by ${escapeHtml(item.waiver.approver || '?')} until ${escapeHtml(item.waiver.expires || '?')}: ${escapeHtml(item.waiver.justification)}</span>`
    : '';
  const sources = item.sources.length
    ? `<br><span class="muted">Sources: ${item.sources.map(sourceLinkHtml).join(', ')}</span>`
    : '';
  const frameworks = item.frameworks.length
    ? `<br><span class="muted">Frameworks: ${item.frameworks.map(sourceLinkHtml).join(', ')}</span>`
    : '';
  const toSign = item.awaitingSignoff
    ? `<br><span class="muted">to sign: ${escapeHtml(item.signers ?? '')}</span>`
    : '';
  return `<tr><td>${escapeHtml(item.title)} <code>${escapeHtml(item.id)}</code>${sources}${frameworks}</td><td><span class="status ${STATUS_CLASS[item.status]}">${STATUS_LABEL[item.status]}</span>${toSign}${waiver}</td><td>${escapeHtml(item.signer ?? '')}</td><td>${escapeHtml(item.date ?? '')}</td><td>${escapeHtml(item.evidence ?? '')}</td></tr>`;
}

function sourceLinkHtml(source: SourceLink): string {
  return source.url
    ? `<a href="${escapeHtml(source.url)}" title="${escapeHtml(source.title)}">${escapeHtml(source.label)}</a>`
    : `<span title="${escapeHtml(source.title)}">${escapeHtml(source.label)}</span>`;
}
