import type { DocumentFacts, Finding, Verdict } from '../../engine';

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
  /** Findings left out (below error by --quiet, or hints by default), counted so the summary can say so. */
  hidden: { count: number; reason: '--quiet' | 'hints' } | undefined;
  /** --repository: the name `agentdoc portfolio` shows for these files when it merges them. */
  repository?: string;
  /** The day dates were judged on (YYYY-MM-DD). */
  date: string;
}

export type Formatter = (files: readonly ReportedFile[], context: FormatContext) => string;
