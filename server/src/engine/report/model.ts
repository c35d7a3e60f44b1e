import { sourceLinks } from '../catalogue/sources';
import type { SourceLink } from '../../protocol/sourceLink';
import type { AnalysisResult } from '../analyze';
import { belongsTo, isSatisfied, type ItemStatus } from '../evaluation/readiness';
import { StageLadder } from '../evaluation/stages';
import { blockersAt } from '../evaluation/verdict';
import { awaitsSignoff, roleTitles } from '../evaluation/signers';
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
  /** The verdict phrase every view shows, e.g. "Canary · 3 findings block production". */
  summary: string;
  /** Readiness by stage: requirements of that stage met out of those that apply. */
  stages: StageProgress[];
  gates: GateReport[];
  /** The stage the blockers are for: the first one, from the document's own, that something blocks. */
  blockedStage: string | undefined;
  /** Exactly the errors `agentdoc check --stage <blockedStage>` reports for this document. */
  blockers: ReportBlocker[];
  counts: Record<Severity, number>;
  /** Set when the file could not be analysed as a document (too large, binary). */
  notAnalysed?: string;
}

export interface ReportBlocker {
  code: string;
  message: string;
  /** 1-based line, as editors and the CLI show it. */
  line: number;
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
  /** What the item rests on, as readers name it, with links where the text is public. */
  sources: SourceLink[];
  /** Framework mappings of the item (NIST AI RMF, ISO/IEC 42001, OWASP), with links where public. */
  frameworks: SourceLink[];
  /** The roles that may sign, as readers name them ("DPO or legal"); absent when the item names none. */
  signers?: string;
  /** Set when the item still waits for a sign-off by one of those roles. */
  awaitingSignoff?: boolean;
  signer?: string;
  date?: string;
  evidence?: string;
  waiver?: { approver: string; expires: string; justification: string };
}

export const STATUS_LABEL: Record<ItemStatus, string> = {
  met: 'met',
  missing: 'missing',
  placeholder: 'placeholder text',
  pending: 'pending',
  failed: 'failed',
  waived: 'waived',
  'waiver-expired': 'waiver expired',
  open: 'open findings',
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
  const { model, readiness, verdict } = result;
  if (!model || !readiness) {
    return {
      path,
      id: undefined,
      name: path,
      owner: undefined,
      tier: undefined,
      stage: { id: 'unknown', title: 'Unknown' },
      readyFor: undefined,
      summary: verdict.phrase,
      stages: [],
      gates: [],
      blockedStage: undefined,
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
  const gates = new Map<string, GateReport>();
  for (const item of readiness.items) {
    const stage = ladder.get(item.gate.stage);
    // Section requirements and gate items of one stage are separate gates; key keeps them apart.
    const key = `${item.gate.stage}\u0000${item.gate.id}`;
    const gate = gates.get(key) ?? {
      id: item.gate.id,
      title: item.gate.title,
      stage: { id: item.gate.stage, title: stage?.title ?? item.gate.stage },
      items: [],
    };
    gate.items.push({
      id: item.item.id,
      title: item.item.title,
      status: item.status,
      gate: item.gate.title,
      stage: stage?.title ?? item.gate.stage,
      hint: item.item.hint,
      sources: sourceLinks(item.item.sources),
      frameworks: sourceLinks(item.item.frameworks ?? []),
      ...(item.signers.length
        ? {
            signers: roleTitles(item.signers, model.schemas.tiers.roles ?? []),
            awaitingSignoff: awaitsSignoff(
              item,
              result.findings.filter((finding) => belongsTo(finding, item)).map((finding) => finding.code),
            ),
          }
        : {}),
      ...(item.signoff?.signer ? { signer: item.signoff.signer } : {}),
      ...(item.signoff?.date ? { date: item.signoff.date } : {}),
      ...(item.signoff?.evidence ? { evidence: item.signoff.evidence } : {}),
      ...(item.waiver
        ? {
            waiver: {
              approver: item.waiver.approver,
              expires: item.waiver.expires,
              justification: item.waiver.justification,
            },
          }
        : {}),
    });
    gates.set(key, gate);
  }
  const order = (id: string): number => ladder.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  const stages = ladder.stages
    .filter((stage) => !stage.terminal || stage.id === readiness.stage.id)
    .map((stage) => {
      const applying = readiness.items.filter((item) => item.gate.stage === stage.id);
      return { id: stage.id, title: stage.title, met: applying.filter(isSatisfied).length, total: applying.length };
    });
  const blocked = verdict.blockedStage ? ladder.get(verdict.blockedStage.id) : undefined;
  const blockers = blocked
    ? blockersAt(result.findings, blocked, ladder).map((finding) => ({
        code: finding.code,
        message: finding.message,
        line: finding.range.start.line + 1,
      }))
    : [];
  return {
    path,
    id: text(data['id']),
    name: text(data['name']) ?? model.title?.text ?? path,
    owner,
    tier: readiness.tier,
    stage: verdict.stage ?? { id: 'unknown', title: 'Stage unknown' },
    readyFor: verdict.readyFor?.title,
    summary: verdict.phrase,
    stages,
    gates: [...gates.values()].sort((a, b) => order(a.stage.id) - order(b.stage.id)),
    blockedStage: verdict.blockedStage?.title,
    blockers,
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
