import { msg } from '../l10n';
import type { StageSpec } from '../schemaData/types';
import type { Finding } from '../types';
import type { StageLadder } from './stages';

export interface BlockerRef {
  code: string;
  subject?: { kind: string; id: string };
}

export interface StageRef {
  id: string;
  title: string;
}

/**
 * The one verdict on a document, computed from its final findings (after workspace checks and the
 * config's severity overrides). The status bar, code lens, checklist, portfolio, report and CLI
 * all show this object, so none of them can count differently.
 */
export interface Verdict {
  /** The document's stage; undefined when it declares none or one the gates do not know. */
  stage: StageRef | undefined;
  /** The highest stage every requirement up to which holds. */
  readyFor: StageRef | undefined;
  /** The first stage, from the document's own, that something blocks. */
  blockedStage: StageRef | undefined;
  /** How many findings block `blockedStage`. */
  blockers: number;
  /**
   * What those findings are about: their code and subject (a gate item, section, table or
   * front-matter key), without positions, so the portfolio can count blockers per gate item.
   */
  blocking: BlockerRef[];
  errors: number;
  warnings: number;
  /**
   * One phrase for every view: "Canary · 3 findings block production". It counts findings (one
   * finding can stand for several gate items, e.g. a missing front-matter block), never gate items:
   * the checklist and report count those, per gate, as requirements.
   */
  phrase: string;
}

/**
 * Whether a finding stops a document from being at `stage`: a stage-dependent finding from its
 * stage on, any other error always.
 */
export function blocksAt(finding: Finding, stage: StageSpec, ladder: StageLadder): boolean {
  if (finding.blocks === undefined) return finding.severity === 'error';
  const from = ladder.get(finding.blocks);
  if (!from) return finding.severity === 'error';
  if (from.terminal || stage.terminal) return from.id === stage.id;
  return from.order <= stage.order;
}

/** The findings that block a stage: exactly the errors a check at that stage reports. */
export function blockersAt(findings: readonly Finding[], stage: StageSpec, ladder: StageLadder): Finding[] {
  return findings.filter((finding) => blocksAt(finding, stage, ladder));
}

export function computeVerdict(
  findings: readonly Finding[],
  stage: StageSpec | undefined,
  ladder: StageLadder,
): Verdict {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (!stage) {
    return {
      stage: undefined,
      readyFor: undefined,
      blockedStage: undefined,
      blockers: 0,
      blocking: [],
      errors,
      warnings,
      phrase: msg('verdict.stageUnknown', 'Stage unknown'),
    };
  }
  if (stage.terminal) {
    const blocking = blockersAt(findings, stage, ladder);
    const open = blocking.length;
    return {
      stage: ref(stage),
      readyFor: undefined,
      blockedStage: open ? ref(stage) : undefined,
      blockers: open,
      blocking: blocking.map(blockerRef),
      errors,
      warnings,
      phrase: open ? openPhrase(stage, open) : stage.title,
    };
  }
  let readyFor: StageSpec | undefined;
  for (const candidate of ladder.stages) {
    if (candidate.terminal) continue;
    if (blockersAt(findings, candidate, ladder).length > 0) break;
    readyFor = candidate;
  }
  // Blocking is monotonic (what blocks a stage blocks every later one), so the first blocked stage
  // from the document's own on is its own stage when it is not ready for it.
  let blockedStage: StageSpec | undefined;
  let blocking: Finding[] = [];
  for (let candidate: StageSpec | undefined = stage; candidate; candidate = ladder.next(candidate)) {
    const found = blockersAt(findings, candidate, ladder);
    if (found.length > 0) {
      blockedStage = candidate;
      blocking = found;
      break;
    }
  }
  const blockers = blocking.length;
  return {
    stage: ref(stage),
    readyFor: readyFor && ref(readyFor),
    blockedStage: blockedStage && ref(blockedStage),
    blockers,
    blocking: blocking.map(blockerRef),
    errors,
    warnings,
    phrase: phrase(stage, readyFor, blockedStage, blockers),
  };
}

function phrase(
  stage: StageSpec,
  readyFor: StageSpec | undefined,
  blocked: StageSpec | undefined,
  count: number,
): string {
  const lower = (spec: StageSpec): string => spec.title.toLowerCase();
  if (blocked) {
    const args = { stage: stage.title, count, blocked: lower(blocked) };
    if (readyFor && readyFor.order > stage.order) {
      const ready = { ...args, ready: lower(readyFor) };
      return count === 1
        ? msg(
            'verdict.readyForOneFindingBlocks',
            '{stage} · ready for {ready} · {count} finding blocks {blocked}',
            ready,
          )
        : msg('verdict.readyForFindingsBlock', '{stage} · ready for {ready} · {count} findings block {blocked}', ready);
    }
    return count === 1
      ? msg('verdict.oneFindingBlocks', '{stage} · {count} finding blocks {blocked}', args)
      : msg('verdict.findingsBlock', '{stage} · {count} findings block {blocked}', args);
  }
  return readyFor && readyFor.id !== stage.id
    ? msg('verdict.readyFor', '{stage} · ready for {ready}', { stage: stage.title, ready: lower(readyFor) })
    : msg('verdict.ready', '{stage} · ready', { stage: stage.title });
}

/** A retired agent with findings left open. */
function openPhrase(stage: StageSpec, count: number): string {
  return count === 1
    ? msg('verdict.oneFindingOpen', '{stage} · {count} finding open', { stage: stage.title, count })
    : msg('verdict.findingsOpen', '{stage} · {count} findings open', { stage: stage.title, count });
}

function blockerRef(finding: Finding): BlockerRef {
  return finding.subject ? { code: finding.code, subject: { ...finding.subject } } : { code: finding.code };
}

function ref(stage: StageSpec): StageRef {
  return { id: stage.id, title: stage.title };
}
