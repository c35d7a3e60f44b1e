/**
 * The engine's one public module: the language server, the CLI and the tests import from here.
 * Everything behind it (model, evaluation, rules, fixes, features, report) is the engine's own.
 */
export { createAgentdocService, type AgentdocService, type AgentdocServiceOptions } from './service';
export {
  analyze,
  sortFindings,
  withFindings,
  compactResult,
  DEFAULT_MAX_BYTES,
  type DocumentFacts,
  type AnalyzeOptions,
  type AnalysisLimits,
  type AnalysisResult,
} from './analyze';
export {
  checkDocument,
  checkDocumentWithFiles,
  readAndCheck,
  unreadableDocument,
  crossCheck,
  finishDocument,
  type DocumentCheck,
  type DocumentOptions,
  type CheckedFile,
} from './pipeline';
export type { ListedFile, FileSet } from './files/fileSet';
export type { FileHost, DirectoryEntry, EntryKind } from './host';
export type { ResolvedConfig } from './config/resolver';
export type { Finding, FixSuggestion, Position, Range, RelatedFinding, Severity, TextInsertion } from './types';
export { severityRank } from './types';
export type { Readiness, ItemResult, ItemStatus } from './evaluation/readiness';
export type { Verdict } from './evaluation/verdict';
export { allRules } from './rules';
export { ruleCatalogue, ruleInfo, knownRuleCodes, type RuleInfo } from './catalogue';
export { configInvalid } from './catalogue/engineCodes';
export { bundledSchemas } from './schemaData/bundled';
export type { SchemaSet } from './schemaData/types';
export {
  loadConfig,
  applySeverityOverrides,
  CONFIG_FILE_NAMES,
  type LoadedConfig,
  type ConfigProblem,
  type FileGlobs,
  type SeverityOverride,
  type SeverityOverrides,
} from './config';
export {
  isAgentDoc,
  declaresAgentdoc,
  mayBeAgentDoc,
  isChatToolFile,
  hasLegacySuffix,
  preferredName,
  AGENT_DOC_SUFFIX,
  LEGACY_SUFFIX,
  DEFAULT_INCLUDE,
} from './files/agentDocKind';
export { compileGlob, compileGlobs } from './files/glob';
export { basename, dirname, joinPath, relativeTo } from './host';
// Editor features: pure functions of an analysis, translated to LSP by server/src/lsp.
export { fixAll, quickFixes, type FixPlan } from './features/codeActions';
export { completionsAt, type CompletionOption } from './features/completion';
export { hoverAt } from './features/hover';
export { documentOutline, foldingSpans, type OutlineSymbol } from './features/outline';
export { buildSymbolIndex, definitionAt, referencesAt } from './features/references';
export { evidenceLinks } from './features/links';
export { assemblePrompt } from './features/promptText';
export { readinessView, portfolioEntry } from './features/checklist';
export { buildReport, renderReportHtml, renderReportMarkdown, escapeMarkdown, type ReadinessReport } from './report';
export { escapeControls, safeJson } from './text/displayText';
export { createSkeleton, ownerProblem, slugify, AGENT_ID_PATTERN, type SkeletonAnswers } from './skeleton';
export { renderRulesDoc } from './catalogue/rulesDoc';
export { renderRuleReferenceHtml } from './catalogue/ruleReferenceHtml';
export { describeSource, sourceLabels, sourceLinks, sourcesMarkdown, type SourceReference } from './catalogue/sources';
export * from './portfolio';
export type { RegistryFacts, FormerOwner, RetirementThreshold } from './evaluation/registry';
export type { BlockerRef, StageRef } from './evaluation/verdict';
// The agent's own files (agent_files): read through the host, never run (issue 17).
export { readAgentFiles, type AgentFileAccess, type AgentFileSet } from './agentFiles/read';
export { recordAgentFileHashes, applyTextEdits, type HashRecording, type TextEdit } from './agentFiles/record';
export { contentHash } from './agentFiles/hash';
export { exportDocument, renderEntities, EXPORT_FORMATS, type ExportFormat, type ExportResult } from './export';
export {
  setLocale,
  currentLocale,
  resolveLocale,
  localeFromEnvironment,
  msg,
  matchesMsg,
  LOCALES,
  PSEUDO_LOCALE,
  type Locale,
} from './l10n';
