import type { GateCatalogue, StageSpec } from '../schemaData/types';
import type { Due, Severity } from '../types';

/** Lifecycle stages in order, and how a requirement's stage turns into a finding's severity. */
export class StageLadder {
  readonly stages: StageSpec[];
  private readonly byId: Map<string, StageSpec>;

  constructor(gates: GateCatalogue) {
    this.stages = [...gates.stages].sort((a, b) => a.order - b.order);
    this.byId = new Map(this.stages.map((stage) => [stage.id, stage]));
  }

  get(id: string | undefined): StageSpec | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }

  get first(): StageSpec {
    const first = this.stages.find((stage) => !stage.terminal) ?? this.stages[0];
    if (!first) throw new Error('The stage list in gates.json is empty.');
    return first;
  }

  /** The document's stage, or the first stage when it declares none or an unknown one. */
  current(id: string | undefined): StageSpec {
    return this.get(id) ?? this.first;
  }

  next(stage: StageSpec): StageSpec | undefined {
    if (stage.terminal) return undefined;
    return this.stages.find((candidate) => !candidate.terminal && candidate.order > stage.order);
  }

  /**
   * What blocks the stage the document is in is an error, what blocks the next stage a warning,
   * later stages a hint. A terminal stage (retired) only answers to its own requirements.
   * Undefined means the requirement does not concern this document.
   */
  due(requiredStageId: string, documentStage: StageSpec): Due | undefined {
    const severity = this.severityFor(requiredStageId, documentStage);
    return severity === undefined ? undefined : { severity, stage: requiredStageId };
  }

  severityFor(requiredStageId: string, documentStage: StageSpec): Severity | undefined {
    const required = this.get(requiredStageId);
    if (!required) return undefined;
    if (documentStage.terminal || required.terminal) return required.id === documentStage.id ? 'error' : undefined;
    if (required.order <= documentStage.order) return 'error';
    if (required.id === this.next(documentStage)?.id) return 'warning';
    // Later stages are a hint: in the checklist and the editor, out of the Problems panel, where
    // only what blocks the current or the next stage belongs.
    return 'hint';
  }
}
