import type { AgentFileAccess, DocumentOptions } from '../engine';
import { evidenceChecker, repositoryRoot } from './evidenceFiles';
import { nodeHost, toEnginePath, toNativePath } from './nodeHost';

const isAbsolute = (document: string): boolean => document.startsWith('/') || /^[A-Za-z]:\//.test(document);

/**
 * Where the language server on Node looks for a document's evidence files (inside the workspace
 * folders) and agent files (inside the folder holding it; for a file opened on its own, its
 * repository or folder). The server (lsp/agentdocServer.ts with node/nodePlatform.ts) and the
 * worker threads that index a workspace for it (cli/worker.ts) both check documents this way.
 */
export function editorDocumentOptions(roots: readonly string[]): DocumentOptions {
  return {
    fileExists: (document) =>
      isAbsolute(document) ? evidenceChecker(toNativePath(document), roots.map(toNativePath)) : undefined,
    agentFileAccess: (document) => editorAgentFileAccess(document, roots),
  };
}

export function editorAgentFileAccess(document: string, roots: readonly string[]): AgentFileAccess | undefined {
  if (!isAbsolute(document)) return undefined;
  const folder = roots.find((root) => document.startsWith(`${root}/`));
  if (folder) return { host: nodeHost, root: folder };
  const directory = document.slice(0, document.lastIndexOf('/')) || '/';
  const repository = repositoryRoot(toNativePath(directory));
  return { host: nodeHost, root: repository === undefined ? directory : toEnginePath(repository) };
}
