/** LSP-compatible position: 0-based line and UTF-16 column. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const severityRank: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * An edit a quick fix makes: text inserted at a position. Fixes add text and leave the user's in
 * place; the one exception is `replaces`, which swaps exactly the value a finding flagged (a
 * "did you mean" correction) and nothing else.
 */
export interface TextInsertion {
  position: Position;
  text: string;
  /** The end of the flagged value this edit replaces (from `position`). */
  replaces?: Position;
}

export interface FixSuggestion {
  title: string;
  insertions: TextInsertion[];
  /** Safe to apply together with other fixes without review (used by fix-all). */
  safe: boolean;
  /** Orders insertions that share a position when fixes are combined (catalogue order). */
  sortKey?: number;
  /** Fixes with the same key cannot be combined: fix-all applies the first and leaves the rest. */
  conflictKey?: string;
}

/**
 * A requirement's timing: the stage from which it must hold, and what that means for a document at
 * its current stage (an error from that stage on, a warning the stage before, a hint earlier).
 */
export interface Due {
  severity: Severity;
  /** Stage id from which the requirement blocks. */
  stage: string;
}

/** What a rule gives a finding: a fixed severity, or the timing it follows. */
export type Level = Severity | Due;

/** A place related to a finding: what it stands for, folded into it (LSP relatedInformation). */
export interface RelatedFinding {
  message: string;
  range: Range;
  code?: string;
  /** What the finding folded in here was about (a merged job's parts: each section, block, item). */
  subject?: Finding['subject'];
}

export interface Finding {
  /** Stable rule code, e.g. AD100. */
  code: string;
  /** Rule name, e.g. section-missing. */
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Seed articles and regulation articles the finding rests on, e.g. "seed:004", "GDPR Art. 35(3)". */
  sources?: string[];
  /** Framework references: NIST AI RMF subcategories, ISO/IEC 42001 Annex A controls, OWASP Top 10 ids. */
  frameworks?: string[];
  /** Gate item or section this finding is about, for readiness views and fixes. */
  subject?: { kind: 'section' | 'gate-item' | 'table' | 'front-matter'; id: string };
  fixes?: FixSuggestion[];
  /**
   * Stage id from which this finding blocks readiness; set for stage-dependent findings. A finding
   * without it blocks every stage when it is an error and none otherwise.
   */
  blocks?: string;
  /** Findings this one stands for (one finding per root cause). */
  related?: RelatedFinding[];
}
