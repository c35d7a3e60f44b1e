import { analyze, sortFindings, type AnalysisResult, type AnalyzeOptions } from '../analyze';
import { applySeverityOverrides } from './severity';
import type { LoadedConfig } from './types';

/**
 * analyze() with a loaded config: its schema set, then its severity overrides. The CLI and the
 * language server both call this, so they give identical findings for the same text and config.
 */
export function analyzeWithConfig(
  text: string,
  config: LoadedConfig | undefined,
  options: Omit<AnalyzeOptions, 'schemas'> = {},
): AnalysisResult {
  if (!config) return analyze(text, options);
  const result = analyze(text, { ...options, schemas: config.schemas });
  return { ...result, findings: sortFindings(applySeverityOverrides(result.findings, config.severityOverrides)) };
}
