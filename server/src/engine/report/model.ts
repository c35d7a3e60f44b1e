import type { AnalysisResult } from '../analyze';
import { summarizeReadiness } from '../features/readinessSummary';
import { isSatisfied, type ItemStatus } from '../evaluation/readiness';
import { StageLadder } from '../evaluation/stages';
import type { Severity } from '../types';

/** The readiness report as data; the Markdown and HTML renderers and the extension share it. */
export interface ReadinessReport {
  title: string;
  /** YYYY-MM-DD the report is "as of" (the date waivers and sign-offs were judged on). */
  date: string;
  agents: AgentReport[];
}

export interface AgentReport {
  path: string;
  id: string | undefined;
  name: string;
  owner: string | undefined;
  tier: string | undefined;
  stage: { id: string; title: string };
  readyFor: string | undefined;
  /** One line, e.g. "Ready for shadow · 3 items block canary". */
  summary: string;
  /** Readiness by stage: requirements of that stage met out of those that apply. */
  stages: StageProgress[];
  gates: GateReport[];
  /** What stands between the agent and the stage after the one it is ready for. */
  blockers: ReportItem[];
  counts: Record<Severity, number>;
  /** Set when the file could not be analysed as a document (too large, binary). */
  notAnalysed?: string;
}

export interface StageProgress {
  id: string;
  title: string;
  met: number;
  total: number;
}

export interface GateReport {
  id: string;
  title: string;
  stage: { id: string; title: string };
  items: ReportItem[];
}

export interface ReportItem {
  id: string;
  title: string;
  status: ItemStatus;
  gate: string;
  stage: string;
  hint: string;
  signer?: string;
  date?: string;
  evidence?: string;
  waiver?: { approver: string; expires: string; justification: string };
}

export const STATUS_LABEL: Record<ItemStatus, string> = {
  met: 'met',
  missing: 'missing',
  pending: 'pending',
  failed: 'failed',
  waived: 'waived',
  'waiver-expired': 'waiver expired',
};

/** Builds the report from analyses; pure, so the CLI and the extension produce the same report. */
export function buildReport(
  entries: ReadonlyArray<{ path: string; result: AnalysisResult }>,
  options: { date: string; title?: string },
): ReadinessReport {
  return {
    title: options.title ?? 'Agent readiness report',
    date: options.date,
    agents: entries.map(({ path, result }) => agentReport(path, result)),
  };
}

function agentReport(path: string, result: AnalysisResult): AgentReport {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const finding of result.findings) counts[finding.severity]++;
  const { model, readiness } = result;
  if (!model || !readiness) {
    return {
      path,
      id: undefined,
      name: path,
      owner: undefined,
      tier: undefined,
      stage: { id: 'unknown', title: 'Unknown' },
      readyFor: undefined,
      summary: 'Not analysed',
      stages: [],
      gates: [],
      blockers: [],
      counts,
      notAnalysed: result.findings[0]?.message ?? 'not analysed',
    };
  }
  const ladder = new StageLadder(model.schemas.gates);
  const data = (model.frontMatter?.data ?? {}) as Record<string, unknown>;
  const owner =
    typeof data['owner'] === 'object' && data['owner'] !== null
      ? text((data['owner'] as Record<string, unknown>)['name'])
      : undefined;
  const items = readiness.items.map((result): ReportItem => {
    const stage = ladder.get(result.gate.stage);
    return {
      id: result.item.id,
      title: result.item.title,
      status: result.status,
      gate: result.gate.title,
      stage: stage?.title ?? result.gate.stage,
      hint: result.item.hint,
      ...(result.signoff?.signer ? { signer: result.signoff.signer } : {}),
      ...(result.signoff?.date ? { date: result.signoff.date } : {}),
      ...(result.signoff?.evidence ? { evidence: result.signoff.evidence } : {}),
      ...(result.waiver
        ? {
            waiver: {
              approver: result.waiver.approver,
              expires: result.waiver.expires,
              justification: result.waiver.justification,
            },
          }
        : {}),
    };
  });
  const gates = new Map<string, GateReport>();
  readiness.items.forEach((result, index) => {
    const stage = ladder.get(result.gate.stage);
    // Section requirements and gate items of one stage are separate gates; key keeps them apart.
    const key = `${result.gate.stage}\u0000${result.gate.id}`;
    const gate = gates.get(key) ?? {
      id: result.gate.id,
      title: result.gate.title,
      stage: { id: result.gate.stage, title: stage?.title ?? result.gate.stage },
      items: [],
    };
    gate.items.push(items[index]!);
    gates.set(key, gate);
  });
  const order = (id: string): number => ladder.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  const stages = ladder.stages
    .filter((stage) => !stage.terminal || stage.id === readiness.stage.id)
    .map((stage) => {
      const applying = readiness.items.filter((item) => item.gate.stage === stage.id);
      return { id: stage.id, title: stage.title, met: applying.filter(isSatisfied).length, total: applying.length };
    });
  const summary = summarizeReadiness(readiness, ladder);
  const blockerIds = new Set(summary.blockers.map((item) => `${item.gate.id}\u0000${item.item.id}`));
  return {
    path,
    id: text(data['id']),
    name: text(data['name']) ?? model.title?.text ?? path,
    owner,
    tier: readiness.tier,
    stage: { id: readiness.stage.id, title: readiness.stage.title },
    readyFor: readiness.readyFor?.title,
    summary: summary.text,
    stages,
    gates: [...gates.values()].sort((a, b) => order(a.stage.id) - order(b.stage.id)),
    blockers: items.filter((_item, index) =>
      blockerIds.has(`${readiness.items[index]!.gate.id}\u0000${readiness.items[index]!.item.id}`),
    ),
    counts,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim()
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined;
}
