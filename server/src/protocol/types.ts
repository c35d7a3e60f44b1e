/**
 * Shapes shared by the engine, the server and the VS Code client. Plain types only (type-only imports
 * from the engine at most), so the engine can produce them without depending on LSP.
 */

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export type ChecklistStatus = 'met' | 'missing' | 'pending' | 'failed' | 'waived' | 'waiver-expired' | 'open';

export interface ChecklistItem {
  id: string;
  title: string;
  status: ChecklistStatus;
  /** Section requirement from the catalogue, or a gate item from gates.json. */
  kind: 'section' | 'gate-item';
  hint: string;
  rationale: string;
  sources: string[];
  signoff?: { status: string; signer: string; date: string; evidence: string };
  waiver?: { justification: string; approver: string; expires: string; expired: boolean };
  /** Where to reveal the item: its finding, its sign-off row, or where a fix would insert it. */
  range: LspRange;
  /** Codes of the open findings about this item (used to find its quick fixes). */
  findingCodes: string[];
  hasFix: boolean;
}

export interface ChecklistGate {
  id: string;
  title: string;
  stage: string;
  stageTitle: string;
  items: ChecklistItem[];
}

/** The engine's verdict, as the views show it (see engine/evaluation/verdict.ts). */
export interface VerdictView {
  stage: { id: string; title: string } | undefined;
  readyFor: { id: string; title: string } | undefined;
  blockedStage: { id: string; title: string } | undefined;
  blockers: number;
  errors: number;
  warnings: number;
  /** The one phrase every view shows: "Canary · 3 items block production". */
  phrase: string;
}

export interface ReadinessView {
  uri: string;
  id: string | undefined;
  name: string | undefined;
  tier: string | undefined;
  verdict: VerdictView;
  /** Where the first blocker is, for "show me": the code lens and the status bar reveal it. */
  firstBlocker: LspRange | undefined;
  gates: ChecklistGate[];
}

export interface PortfolioEntry {
  uri: string;
  id: string | undefined;
  name: string | undefined;
  owner: string | undefined;
  tier: string | undefined;
  verdict: VerdictView;
}

/** The answers of the New-document flow: the engine's own type, so the two cannot drift. */
export type { SkeletonAnswers } from '../engine/skeleton';

/** The agentdoc.* settings, declared in package.json and typed once here for both sides. */
export interface AgentdocSettings {
  enable: boolean;
  debounceMs: number;
  maxDocumentBytes: number;
  checkWorkspace: boolean;
  maxYamlNesting: number;
  maxFindingsPerRule: number;
}

/** A folder entry and what it is, as the web worker's file access relays them: the engine's own types. */
export type { DirectoryEntry, EntryKind } from '../engine/host';
