import type { AnalysisResult } from '../analyze';
import type { DocumentModel } from '../model/documentModel';
import { belongsTo, type ItemResult } from '../evaluation/readiness';
import { documentAnchor } from '../rules/rule';
import { StageLadder } from '../evaluation/stages';
import type { Finding, Range } from '../types';
import type { ChecklistGate, ChecklistItem, PortfolioEntry, ReadinessView } from '../../protocol/types';
import { blockersAt } from '../evaluation/verdict';
import { retirementReasons } from '../portfolio/model';
import { sourceLinks } from '../catalogue/sources';
import { awaitsSignoff, roleTitles } from '../evaluation/signers';

/** The item's findings: about it, or standing for it among the parts of a merged job. */
function findingsAbout(result: AnalysisResult, item: ItemResult): Finding[] {
  return result.findings.filter((finding) => belongsTo(finding, item) || partFor(finding, item) !== undefined);
}

/** The part of a merged finding (its related information) that is about the item. */
function partFor(finding: Finding, item: ItemResult): Range | undefined {
  return finding.related?.find((part) => part.subject && belongsTo({ ...finding, subject: part.subject }, item))?.range;
}

/** Where selecting the item takes the reader: its finding (its own part of one), its sign-off row, or its section. */
function revealRange(model: DocumentModel, item: ItemResult, findings: Finding[]): Range {
  if (findings[0])
    return belongsTo(findings[0], item) ? findings[0].range : (partFor(findings[0], item) ?? findings[0].range);
  if (item.signoff) return item.signoff.range;
  if (item.kind === 'section') {
    const section = model.sectionsById.get(item.item.id.slice('section-'.length))?.[0];
    if (section) return section.heading.range;
  }
  return documentAnchor(model);
}

function toItem(result: AnalysisResult, model: DocumentModel, item: ItemResult): ChecklistItem {
  const findings = findingsAbout(result, item);
  const codes = findings.map((finding) => finding.code);
  return {
    id: item.item.id,
    title: item.item.title,
    status: item.status,
    kind: item.kind,
    hint: item.item.hint,
    rationale: item.item.rationale,
    sources: sourceLinks(item.item.sources),
    ...(item.signers.length
      ? {
          signers: roleTitles(item.signers, model.schemas.tiers.roles ?? []),
          awaitingSignoff: awaitsSignoff(item, codes),
        }
      : {}),
    ...(item.item.frameworks?.length ? { frameworks: sourceLinks(item.item.frameworks) } : {}),
    ...(item.signoff
      ? {
          signoff: {
            status: item.signoff.status,
            signer: item.signoff.signer,
            date: item.signoff.date,
            evidence: item.signoff.evidence,
          },
        }
      : {}),
    ...(item.waiver
      ? {
          waiver: {
            justification: item.waiver.justification,
            approver: item.waiver.approver,
            expires: item.waiver.expires,
            expired: item.waiver.expired,
          },
        }
      : {}),
    range: revealRange(model, item, findings),
    findingCodes: [...new Set(codes)],
    hasFix: findings.some((finding) => (finding.fixes?.length ?? 0) > 0),
  };
}

/** The readiness checklist of one document: gates grouped by stage, in stage order. */
export function readinessView(result: AnalysisResult, uri: string): ReadinessView | null {
  const { model, readiness, verdict } = result;
  if (!model || !readiness) return null;
  const ladder = new StageLadder(model.schemas.gates);
  const gates = new Map<string, ChecklistGate>();
  for (const item of readiness.items) {
    const stage = ladder.get(item.gate.stage);
    const key = `${stage?.order ?? 99}:${item.gate.id}`;
    const gate = gates.get(key) ?? {
      id: item.gate.id,
      title: item.gate.title,
      stage: item.gate.stage,
      stageTitle: stage?.title ?? item.gate.stage,
      items: [],
    };
    gate.items.push(toItem(result, model, item));
    gates.set(key, gate);
  }
  const sorted = [...gates.entries()]
    .sort(([a], [b]) => Number(a.split(':')[0]) - Number(b.split(':')[0]) || a.localeCompare(b))
    .map(([, gate]) => gate);
  const blocked = verdict.blockedStage ? ladder.get(verdict.blockedStage.id) : undefined;
  const firstBlocker = blocked ? blockersAt(result.findings, blocked, ladder)[0]?.range : undefined;
  return {
    uri,
    ...identity(result),
    verdict,
    firstBlocker,
    gates: sorted,
  };
}

/** One row of the agent portfolio. */
export function portfolioEntry(result: AnalysisResult, uri: string): PortfolioEntry {
  const registry = result.facts.registry;
  // A retired agent is no longer a candidate for retirement (as for AD431 and the dashboard).
  const retired = result.stage?.terminal === true;
  const retirement = retired
    ? []
    : retirementReasons((registry?.retirement.thresholds ?? []).filter((threshold) => threshold.met));
  return {
    uri,
    ...identity(result),
    verdict: result.verdict,
    type: registry?.type,
    reviewOverdue: registry?.review.overdue ? registry.review.due : undefined,
    metricsStale: registry?.metrics?.stale ?? false,
    retirement,
  };
}

function identity(result: AnalysisResult): {
  id: string | undefined;
  name: string | undefined;
  owner: string | undefined;
  tier: string | undefined;
} {
  const { id, name, owner, tier } = result.facts;
  return { id, name, owner, tier };
}
