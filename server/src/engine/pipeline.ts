import { msg } from './l10n';
import { readAgentFiles, agentFileTargets, type AgentFileAccess, type AgentFileSet } from './agentFiles/read';
import { analyze, notAnalysed, withFindings, type AnalysisLimits, type AnalysisResult } from './analyze';
import { fileUnreadable } from './catalogue/engineCodes';
import type { ConfigResolver, ResolvedConfig } from './config/resolver';
import { isAgentDoc } from './files/agentDocKind';
import type { ListedFile } from './files/fileSet';
import type { EntryKind, FileHost } from './host';
import type { Finding } from './types';
import { makeFinding } from './rules/rule';
import { bundledSchemas } from './schemaData/bundled';
import { agentIdentity, checkWorkspace, type AgentIdentity } from './workspace/crossDocument';

/**
 * The steps every set of files goes through, in the CLI and in the language server alike:
 * list → read → analyse each → cross-document checks → the config's overrides → findings and a
 * verdict per file. `checkFiles` runs them in order; the server and the CLI's worker threads run
 * the same step functions (`checkDocument`, `crossCheck`, `finishDocument`) on their own schedule.
 */
export interface DocumentOptions {
  today?: string;
  stage?: string;
  limits?: AnalysisLimits;
  maxBytes?: number;
  /** See AnalyzeOptions.reuseRuleResults: the editor's checks of open documents. */
  reuseRuleResults?: boolean;
  /** Whether a linked evidence file exists, for one document (see AnalyzeOptions.fileExists). */
  fileExists?: (documentPath: string) => ((relativePath: string) => boolean) | undefined;
  /**
   * Where a document's agent files (agent_files: prompt files, MCP configuration…) may be read:
   * the host and the folder reads are confined to. Without it they are not read.
   */
  agentFileAccess?: (documentPath: string) => AgentFileAccess | undefined;
}

/** One document after its own analysis, before the cross-document checks. */
export interface DocumentCheck {
  path: string;
  result: AnalysisResult;
  identity: AgentIdentity | undefined;
  config: ResolvedConfig;
  /** The agent files it names, as absolute paths: a change to one of them re-checks the document. */
  agentFiles?: string[];
}

export function checkDocument(
  path: string,
  text: string,
  config: ResolvedConfig,
  options: DocumentOptions = {},
  agentFiles?: AgentFileSet,
): DocumentCheck {
  const loaded = config.loaded;
  const fileExists = options.fileExists?.(path);
  const result = analyze(text, {
    ...(loaded ? { schemas: loaded.schemas, overrides: loaded.severityOverrides } : {}),
    ...(options.today ? { today: options.today } : {}),
    ...(options.stage ? { stageOverride: options.stage } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.reuseRuleResults ? { reuseRuleResults: true } : {}),
    ...(fileExists ? { fileExists } : {}),
    ...(agentFiles ? { agentFiles } : {}),
  });
  const targets = agentFileTargets(agentFiles);
  return {
    path,
    result,
    identity: result.model ? agentIdentity(path, result.model, result.stage) : undefined,
    config,
    ...(targets.length ? { agentFiles: targets } : {}),
  };
}

/**
 * The same with the agent files the text names read first, through the host (never through a
 * link, never outside the access root): how the CLI and the editor check a document.
 */
export async function checkDocumentWithFiles(
  path: string,
  text: string,
  config: ResolvedConfig,
  options: DocumentOptions = {},
): Promise<DocumentCheck> {
  const access = options.agentFileAccess?.(path);
  const files = access ? await readAgentFiles(path, text, access) : undefined;
  return checkDocument(path, text, config, options, files);
}

/** A file that could not be read (a link, a FIFO, no permission): one finding, never a crash. */
export function unreadableDocument(path: string, reason: string, config: ResolvedConfig): DocumentCheck {
  const finding = makeFinding(
    fileUnreadable,
    'error',
    msg('pipeline.agentdocDidNotCheck', 'agentdoc did not check this file: {reason}.', { reason }),
    {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    },
  );
  return { path, result: notAnalysed(finding, config.loaded?.severityOverrides), identity: undefined, config };
}

/** The cross-document findings (duplicate ids, unresolved depends_on), per document path. */
export function crossCheck(identities: readonly AgentIdentity[]): Map<string, Finding[]> {
  return checkWorkspace(identities);
}

/** A document's final result: its own findings, the cross-document ones, the overrides, the verdict. */
export function finishDocument(check: DocumentCheck, workspace: ReadonlyMap<string, Finding[]>): AnalysisResult {
  const extra = workspace.get(check.path) ?? [];
  const loaded = check.config.loaded;
  return withFindings(check.result, extra, loaded?.severityOverrides ?? {}, loaded?.schemas ?? bundledSchemas);
}

export interface CheckFilesOptions extends DocumentOptions {
  host: FileHost;
  configs: ConfigResolver;
  onProgress?: (done: number, total: number) => void;
}

export interface CheckedFile {
  path: string;
  result: AnalysisResult;
}

/**
 * The whole pipeline over listed files. Files a walk found are kept only when they are agent
 * documents (agentDocKind.ts); files named explicitly are always checked.
 */
export async function checkFiles(files: readonly ListedFile[], options: CheckFilesOptions): Promise<CheckedFile[]> {
  const checks: DocumentCheck[] = [];
  let done = 0;
  for (const file of files) {
    const config = await options.configs.forFile(file.path);
    const check = await readAndCheck(file, config, (path) => options.host.readFile(path), options);
    if (check) checks.push(check);
    options.onProgress?.(++done, files.length);
  }
  const workspace = crossCheck(checks.flatMap((check) => (check.identity ? [check.identity] : [])));
  return checks.map((check) => ({ path: check.path, result: finishDocument(check, workspace) }));
}

/**
 * Read one listed file and check it; undefined when a walk found it but its text makes it no
 * agent document. The main thread and the CLI's workers both run this, with their own reader.
 */
export async function readAndCheck(
  file: ListedFile,
  config: ResolvedConfig,
  read: (path: string) => Promise<string>,
  options: DocumentOptions,
): Promise<DocumentCheck | undefined> {
  if (file.kind !== 'file') return unreadableDocument(file.path, notRegular(file.kind), config);
  let text: string;
  try {
    text = await read(file.path);
  } catch (error) {
    return unreadableDocument(file.path, `it cannot be read (${errorCode(error)})`, config);
  }
  if (!file.explicit && !isAgentDoc(file.path, text)) return undefined;
  return checkDocumentWithFiles(file.path, text, config, options);
}

function notRegular(kind: EntryKind): string {
  return kind === 'symlink'
    ? 'it is a symbolic link, and agentdoc never follows links (they could lead outside the repository)'
    : kind === 'directory'
      ? 'it is a folder'
      : 'it is not a regular file (a pipe, socket or device)';
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}
