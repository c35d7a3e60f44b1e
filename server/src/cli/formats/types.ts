import type { CheckedFile } from '../checkFile';

export type FormatName = 'text' | 'json' | 'sarif' | 'markdown' | 'github';
export const FORMATS: readonly FormatName[] = ['text', 'json', 'sarif', 'markdown', 'github'];

export interface FormatContext {
  /** Absolute working folder: paths are shown relative to it, SARIF's %SRCROOT%. */
  cwd: string;
  useColor: boolean;
  /** Findings below error left out by --quiet, counted so the summary can say so. */
  hidden: number;
}

export type Formatter = (files: readonly CheckedFile[], context: FormatContext) => string;
