/**
 * Shapes shared by the engine, the server and the VS Code client. Plain types only (type-only
imports
 * from the engine at most), so the engine can produce them without depending on LSP.
 */
import type { SourceLink } from './sourceLink';

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export type ChecklistStatus =
  'met' | 'missing' | 'placeholder' | 'pending' | 'failed' | 'waived' | 'waiver-expired' | 'open';

export interface ChecklistItem {
  id: string;
  title: string;
  status: ChecklistStatus;
  /** Section requirement from the catalogue, or a gate item from gates.json. */
  kind: 'section' | 'gate-item';
  hint: string;
  rationale: string;
  /** What the item rests on, as a reader names it ("GDPR Art. 35(7)"), with a link where the text is public. */
  sources: SourceLink[];
  signoff?: { status: string; signer: string; date: string; evidence: string };
  waiver?: { justification: string; approver: string; expires: string; expired: boolean };
  /** The roles that may sign the item at the document's tier, as readers name them ("DPO or legal"). */
  signers?: string;
  /** Set when the item still waits for a sign-off by one of those roles. */
  awaitingSignoff?: boolean;
  /** Framework mappings (NIST AI RMF, ISO/IEC 42001, OWASP), with links where public. */
  frameworks?: SourceLink[];
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
  /** What the blockers are about: code and subject (gate item, section, table or front-matter key). */
  blocking: Array<{ code: string; subject?: { kind: string; id: string } }>;
  errors: number;
  warnings: number;
  /** The one phrase every view shows: "Canary · 3 findings block production". */
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
  /** Portfolio type (foundation, capability, orchestration); undefined when not stated. */
  type?: string | undefined;
  /** The last review is older than the cadence allows; the day it was due. */
  reviewOverdue?: string | undefined;
  /** The measured metrics are older than the cadence allows. */
  metricsStale?: boolean;
  /** Retirement thresholds the measured metrics cross, e.g. "automation rate 28% (retire below 30%)". */
  retirement?: string[];
}

/** The answers of the New-document flow: the engine's own type, so the two cannot drift. */
export type { SkeletonAnswers } from '../engine/skeleton';

/** The agentdoc.* settings, declared in package.json and typed once here for both sides. */
export interface AgentdocSettings {
  enable: boolean;
  debounceMs: number;
  maxDocumentBytes: number;
  checkWorkspace: boolean;
  /** Whose findings the Problems panel lists: open agent documents only, or every one in the workspace. */
  problems: 'open' | 'workspace';
  maxYamlNesting: number;
  maxFindingsPerRule: number;
}

/** The exports of a document (engine/export): each a CLI format and an editor command. */
export type ExportFormat = 'annex-iv' | 'a2a' | 'backstage';

export interface ExportResult {
  /** The exported text (Markdown, JSON or YAML). */
  text: string;
  /** A file name for it, e.g. ap-invoice-triage.agent-card.json. */
  fileName: string;
  /** What the document does not say that the export needs (headings left open, fields guessed). */
  gaps: string[];
  /** Where the export does not validate against its published schema (empty when it does). */
  problems: string[];
}

/** A folder entry and what it is, as the web worker's file access relays them: the engine's own types. */
export type { DirectoryEntry, EntryKind } from '../engine/host';
