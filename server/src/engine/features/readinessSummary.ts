import { isSatisfied, type ItemResult, type Readiness } from '../evaluation/readiness';
import type { StageLadder } from '../evaluation/stages';
import type { StageSpec } from '../schemaData/types';

export interface ReadinessSummary {
  /** e.g. "Ready for shadow · 3 items block canary" */
  text: string;
  readyFor: string | undefined;
  blockedStage: string | undefined;
  blockers: ItemResult[];
}

/** The one-line verdict for a code lens, a status bar or a report heading. */
export function summarizeReadiness(readiness: Readiness, ladder: StageLadder): ReadinessSummary {
  if (readiness.stage.terminal) {
    const open = readiness.items.filter((item) => item.gate.stage === readiness.stage.id && !isSatisfied(item));
    return {
      text: open.length ? `${readiness.stage.title} · ${plural(open.length)} open` : `${readiness.stage.title}`,
      readyFor: undefined,
      blockedStage: undefined,
      blockers: open,
    };
  }
  const blockedStage: StageSpec | undefined = readiness.readyFor ? ladder.next(readiness.readyFor) : ladder.first;
  const blockers = blockedStage
    ? readiness.items.filter((item) => item.gate.stage === blockedStage.id && !isSatisfied(item))
    : [];
  const ready = readiness.readyFor ? `Ready for ${readiness.readyFor.title.toLowerCase()}` : 'Not ready for any stage';
  const text = blockedStage
    ? `${ready} · ${plural(blockers.length)} block ${blockedStage.title.toLowerCase()}`
    : `${ready} · every gate met`;
  return { text, readyFor: readiness.readyFor?.id, blockedStage: blockedStage?.id, blockers };
}

function plural(count: number): string {
  return `${count} item${count === 1 ? '' : 's'}`;
}
