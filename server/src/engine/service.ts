import type { AnalysisLimits, AnalysisResult } from './analyze';
import { ConfigResolver, type ResolvedConfig } from './config/resolver';
import { listFiles, type FileSet, type ListedFile } from './files/fileSet';
import type { FileHost } from './host';
import type { AgentFileAccess } from './agentFiles/read';
import {
  checkDocument,
  checkDocumentWithFiles,
  checkFiles,
  crossCheck,
  finishDocument,
  readAndCheck,
  type CheckedFile,
  type DocumentCheck,
} from './pipeline';
import type { SchemaSet } from './schemaData/types';
import type { Finding } from './types';
import type { AgentIdentity } from './workspace/crossDocument';

export interface AgentdocServiceOptions {
  /** File access; the only way the engine reaches files. */
  host: FileHost;
  /** Folders config discovery never climbs above (workspace folders, or the repository root). */
  roots: readonly string[];
  /** Files outside the roots look for a config up to their repository root (the editor's loose files). */
  outsideRootsUseRepository?: boolean;
  /** Where .gitignore files start to apply: the repository root, or each workspace folder. */
  repositoryRoots?: readonly string[];
  /** A config named by the user (--config): it applies to every file. */
  configPath?: string;
  /** Globs excluded on top of .gitignore and the config (the editor's files.exclude). */
  excludes?: readonly string[];
  /** Today as YYYY-MM-DD (dates are judged on it); default: the current UTC date. */
  today?: string;
  /** Judge every document as if it were at this stage. */
  stage?: string;
  limits?: AnalysisLimits;
  maxBytes?: number;
  maxFiles?: number;
  /** Evidence-file existence for a document (the host decides what lies outside the workspace). */
  fileExists?: (documentPath: string) => ((relativePath: string) => boolean) | undefined;
  /** Where a document's agent files may be read (the repository or workspace folder holding it). */
  agentFileAccess?: (documentPath: string) => AgentFileAccess | undefined;
  base?: SchemaSet;
}

/**
 * The engine as the CLI and the language server use it: one object, so both take the same steps
 * (see pipeline.ts) with the same file set, the same config lookup and the same options.
 */
export interface AgentdocService {
  readonly configs: ConfigResolver;
  listFiles(
    inputs: readonly string[],
    options?: { isCancelled?: () => boolean; excludes?: readonly string[] },
  ): Promise<FileSet>;
  /** The whole pipeline over listed files, with the cross-document checks. */
  checkFiles(files: FileSet['files'], onProgress?: (done: number, total: number) => void): Promise<CheckedFile[]>;
  /** One document's own analysis, with the config that applies to it. */
  checkText(path: string, text: string): Promise<DocumentCheck>;
  /** The same with a config already resolved, and per-document limits (the editor's settings). */
  checkTextWith(
    path: string,
    text: string,
    config: ResolvedConfig,
    limits?: { limits?: AnalysisLimits; maxBytes?: number; reuseRuleResults?: boolean },
  ): DocumentCheck;
  /** The same with the agent files the document names read first (what the editor runs). */
  checkTextWithFiles(
    path: string,
    text: string,
    config: ResolvedConfig,
    limits?: { limits?: AnalysisLimits; maxBytes?: number; reuseRuleResults?: boolean },
  ): Promise<DocumentCheck>;
  /** Read a listed file with the host and check it, with the config that applies and the service's options. */
  readAndCheck(file: ListedFile): Promise<DocumentCheck | undefined>;
  crossCheck(identities: readonly AgentIdentity[]): Map<string, Finding[]>;
  finish(check: DocumentCheck, workspace: ReadonlyMap<string, Finding[]>): AnalysisResult;
}

export function createAgentdocService(options: AgentdocServiceOptions): AgentdocService {
  const configs = new ConfigResolver(options.host, {
    roots: options.roots,
    ...(options.outsideRootsUseRepository ? { outsideRootsUseRepository: true } : {}),
    ...(options.configPath !== undefined ? { explicit: options.configPath } : {}),
    ...(options.base ? { base: options.base } : {}),
  });
  const documentOptions = {
    ...(options.today ? { today: options.today } : {}),
    ...(options.stage ? { stage: options.stage } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.fileExists ? { fileExists: options.fileExists } : {}),
    ...(options.agentFileAccess ? { agentFileAccess: options.agentFileAccess } : {}),
  };
  return {
    configs,
    listFiles: (inputs, extra = {}) => {
      const excludes = extra.excludes ?? options.excludes;
      return listFiles(inputs, {
        host: options.host,
        configs,
        ...(options.repositoryRoots ? { repositoryRoots: options.repositoryRoots } : {}),
        ...(excludes ? { excludes } : {}),
        ...(options.maxFiles !== undefined ? { maxFiles: options.maxFiles } : {}),
        ...(extra.isCancelled ? { isCancelled: extra.isCancelled } : {}),
      });
    },
    checkFiles: (files, onProgress) =>
      checkFiles(files, { ...documentOptions, host: options.host, configs, ...(onProgress ? { onProgress } : {}) }),
    checkText: async (path, text) => checkDocumentWithFiles(path, text, await configs.forFile(path), documentOptions),
    checkTextWith: (path, text, config, limits = {}) =>
      checkDocument(path, text, config, { ...documentOptions, ...limits }),
    checkTextWithFiles: (path, text, config, limits = {}) =>
      checkDocumentWithFiles(path, text, config, { ...documentOptions, ...limits }),
    readAndCheck: async (file) =>
      readAndCheck(file, await configs.forFile(file.path), (path) => options.host.readFile(path), documentOptions),
    crossCheck,
    finish: finishDocument,
  };
}
