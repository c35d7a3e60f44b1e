export { analyze, sortFindings, DEFAULT_MAX_BYTES, type AnalyzeOptions, type AnalysisResult } from './analyze';
export type { Finding, FixSuggestion, Position, Range, Severity, TextInsertion } from './types';
export type { Readiness, ItemResult, ItemStatus } from './evaluation/readiness';
export { allRules } from './rules';
export { bundledSchemas } from './schemaData/bundled';
export type { SchemaSet } from './schemaData/types';
export {
  loadConfig,
  analyzeWithConfig,
  applySeverityOverrides,
  findConfigPath,
  knownRuleCodes,
  CONFIG_FILE_NAMES,
  type LoadedConfig,
  type ConfigProblem,
  type FileGlobs,
  type SeverityOverride,
  type SeverityOverrides,
} from './config';
