import { escapeControls } from '../text/displayText';
import { sourceLinkMarkdown, type SourceLink } from '../../protocol/sourceLink';
import type { ItemStatus } from '../evaluation/readiness';
import { STATUS_LABEL, type AgentReport, type ReadinessReport, type ReportItem, type StageProgress } from './model';

const ICON: Record<ItemStatus, string> = {
  met: '✅',
  waived: '☑️',
  pending: '⏳',
  missing: '❌',
  placeholder: '📝',
  failed: '❌',
  'waiver-expired': '⚠️',
  open: '❌',
};

/**
 * Text in a Markdown table cell or line: no pipes, line breaks, control characters or raw HTML
 * from the document, and no @mentions: GitHub notifies @name and @org/team in a pull-request
 * comment or job summary, so a zero-width space after the @ keeps the text and drops the ping.
 */
export function escapeMarkdown(value: string): string {
  return escapeControls(value.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' '))
    .replace(/[\\|`*_[\]<>]/g, (char) => (char === '<' ? '&lt;' : char === '>' ? '&gt;' : `\\${char}`))
    .replace(/(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])/g, '@\u200b');
}

/** "████████░░ 8/10" — a bar readable in plain text as well as rendered. */
export function textBar(met: number, total: number, width = 10): string {
  const filled = total === 0 ? width : Math.round((met / total) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${met}/${total}`;
}

export function renderReportMarkdown(report: ReadinessReport): string {
  const out: string[] = [
    `# ${escapeMarkdown(report.title)}`,
    '',
    `As of ${report.date} · ${report.agents.length} agent${report.agents.length === 1 ? '' : 's'}`,
    '',
  ];
  if (report.agents.length > 1) {
    out.push('| Agent | Owner | Tier | Stage | Verdict | Errors |', '|---|---|---|---|---|---:|');
    for (const agent of report.agents) {
      out.push(
        `| ${escapeMarkdown(agent.name)} | ${escapeMarkdown(agent.owner ?? '—')} | ${escapeMarkdown(agent.tier ?? '—')} | ${escapeMarkdown(agent.stage.title)} | ${escapeMarkdown(agent.summary)} | ${agent.counts.error} |`,
      );
    }
    out.push('');
  }
  for (const agent of report.agents) out.push(...renderAgent(agent));
  out.push(...sourcesCited(report));
  return out.join('\n').trimEnd() + '\n';
}

function renderAgent(agent: AgentReport): string[] {
  const out = [`## ${escapeMarkdown(agent.name)}`, ''];
  if (agent.notAnalysed)
    return [...out, `\`${escapeMarkdown(agent.path)}\` was not analysed: ${escapeMarkdown(agent.notAnalysed)}`, ''];
  out.push(
    '| | |',
    '|---|---|',
    `| File | ${escapeMarkdown(agent.path)} |`,
    `| Id | ${escapeMarkdown(agent.id ?? '—')} |`,
    `| Owner | ${escapeMarkdown(agent.owner ?? '—')} |`,
    `| Tier | ${escapeMarkdown(agent.tier ?? '—')} |`,
    `| Stage | ${escapeMarkdown(agent.stage.title)} |`,
    `| Verdict | **${escapeMarkdown(agent.summary)}** |`,
    `| Findings | ${agent.counts.error} errors, ${agent.counts.warning} warnings |`,
    '',
    '### Readiness by stage',
    '',
    '| Stage | Requirements met | |',
    '|---|---|---:|',
    ...agent.stages.map(
      (stage) => `| ${escapeMarkdown(stage.title)} | \`${textBar(stage.met, stage.total)}\` | ${percent(stage)} |`,
    ),
    '',
  );
  if (agent.blockers.length && agent.blockedStage) {
    out.push(`### Blockers for ${escapeMarkdown(agent.blockedStage.toLowerCase())}`, '');
    for (const blocker of agent.blockers)
      out.push(`- ❌ line ${blocker.line}: ${codeSpan(blocker.code)} ${escapeMarkdown(blocker.message)}`);
    out.push('');
  }
  for (const gate of agent.gates) {
    out.push(
      `### ${escapeMarkdown(gate.stage.title)}: ${escapeMarkdown(gate.title)}`,
      '',
      '| Item | Status | Signed off by | Date | Evidence |',
      '|---|---|---|---|---|',
    );
    for (const item of gate.items) out.push(itemRow(item));
    out.push('');
  }
  return out;
}

function itemRow(item: ReportItem): string {
  const waiver = item.waiver
    ? ` — waiver by ${escapeMarkdown(item.waiver.approver || '?')} until ${escapeMarkdown(item.waiver.expires || '?')}`
    : '';
  const toSign = item.awaitingSignoff ? ` — to sign: ${escapeMarkdown(item.signers ?? '')}` : '';
  return `| ${escapeMarkdown(item.title)} (${codeSpan(item.id)}) | ${ICON[item.status]} ${STATUS_LABEL[item.status]}${toSign}${waiver} | ${escapeMarkdown(item.signer ?? '')} | ${escapeMarkdown(item.date ?? '')} | ${escapeMarkdown(item.evidence ?? '')} |`;
}

/** Ids go in code spans, where backslash escapes would show: drop what could end the span instead. */
function codeSpan(value: string): string {
  return `\`${value.replace(/[`\r\n|]/g, '')}\``;
}

function percent(stage: StageProgress): string {
  return stage.total === 0 ? '—' : `${Math.round((stage.met / stage.total) * 100)}%`;
}

/** The gate items' sources once, at the end, by document: a reviewer can follow each to its text. */
function sourcesCited(report: ReadinessReport): string[] {
  const byDocument = new Map<string, Map<string, SourceLink>>();
  for (const agent of report.agents)
    for (const gate of agent.gates)
      for (const item of gate.items)
        for (const source of [...item.sources, ...item.frameworks]) {
          const cited = byDocument.get(source.title) ?? new Map<string, SourceLink>();
          cited.set(source.label, source);
          byDocument.set(source.title, cited);
        }
  if (!byDocument.size) return [];
  const numeric = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });
  const lines = [...byDocument.entries()]
    .sort(([a], [b]) => numeric(a, b))
    .map(([title, cited]) => {
      const parts = [...cited.values()].sort((a, b) => numeric(a.label, b.label));
      const whole = parts.length === 1 && !parts[0]?.url;
      return whole
        ? `- ${escapeMarkdown(title)} (${escapeMarkdown(parts[0]?.label ?? '')})`
        : `- ${escapeMarkdown(title)}: ${parts.map((part) => sourceLinkMarkdown({ label: part.label, title: '', ...(part.url ? { url: part.url } : {}) })).join(', ')}`;
    });
  return ['## Sources cited', '', ...lines, ''];
}
