import type { DocumentOptions } from '../engine';
import { documentFileOptions, type DocumentFileLookup } from '../lsp/documentFiles';
import { evidenceChecker, repositoryRoot } from './evidenceFiles';
import { nodeHost, toEnginePath, toNativePath } from './nodeHost';

/**
 * The Node.js answers to where a document's files are: read through nodeHost, evidence checked
 * without following links (evidenceFiles.ts), a loose file's agent files inside its repository.
 * nodePlatform (the language server) is built from these.
 */
export const nodeDocumentFiles: DocumentFileLookup = {
  host: nodeHost,
  evidenceExists: (document, roots) => evidenceChecker(toNativePath(document), roots.map(toNativePath)),
  repositoryRoot: (dir) => {
    const root = repositoryRoot(toNativePath(dir));
    return root === undefined ? undefined : toEnginePath(root);
  },
};

/**
 * Where the language server on Node looks for a document's evidence files and agent files, for
 * the worker threads that index a workspace for it (cli/worker.ts): the same function the server
 * checks its own documents with (lsp/documentFiles.ts), given the same Node.js answers.
 */
export function editorDocumentOptions(roots: readonly string[]): DocumentOptions {
  return documentFileOptions(roots, nodeDocumentFiles);
}
