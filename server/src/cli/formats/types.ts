import type { DocumentFacts, Finding, Severity, Verdict } from '../../engine';

/** One checked file as the output formats see it. */
export interface ReportedFile {
  /** As shown: relative to the working folder, '/'-separated. */
  path: string;
  findings: Finding[];
  verdict: Verdict;
  tier: string | undefined;
  /** Who the agent is and its registry entry (the portfolio reads them from the JSON). */
  facts: DocumentFacts;
}

export type FormatName = 'text' | 'json' | 'sarif' | 'markdown' | 'github' | 'junit' | 'gitlab';
export const FORMATS: readonly FormatName[] = ['text', 'json', 'sarif', 'markdown', 'github', 'junit', 'gitlab'];

export interface FormatContext {
  /** Absolute working folder: paths are shown relative to it, SARIF's %SRCROOT%. */
  cwd: string;
  useColor: boolean;
  /** Why findings are left out, if they are: below error by --quiet, or hints by default. */
  hiding: '--quiet' | 'hints' | undefined;
  /** --repository: the name `agentdoc portfolio` shows for these files when it merges them. */
  repository?: string;
  /** The day dates were judged on (YYYY-MM-DD). */
  date: string;
}

/** What the run adds up, for a format's closing lines. */
export interface RunTotals {
  files: number;
  filesWithFindings: number;
  /** Findings shown, per severity. */
  counts: Record<Severity, number>;
  /** Findings left out (see FormatContext.hiding), counted so the summary can say so. */
  hidden: number;
}

/**
 * A format writes as the run goes, so memory stays flat however many files there are: `file` for
 * each checked file in path order, then `end` once. Everything goes through `write`; a format keeps
 * no file after its call returns. Every field that comes from a repository (paths, messages,
 * values) is escaped with the helpers in escape.ts.
 */
export interface FormatWriter {
  file(file: ReportedFile): void;
  end(totals: RunTotals): void;
}

export type Format = (write: (text: string) => void, context: FormatContext) => FormatWriter;
