import { createAgentdocService, type AgentdocService } from '../engine';
import { documentFileOptions } from './documentFiles';
import type { ServerPlatform } from './platform';

/** Agent documents indexed per workspace folder, at most; the user is told when there are more. */
export const MAX_WORKSPACE_FILES = 20_000;

/**
 * The engine's pipeline as the language server runs it over the workspace folders `roots`: the
 * CLI's file set, config lookup, cross-document checks and overrides, with the editor's answer to
 * where a document's files are looked for (documentFileOptions, which the indexing workers use too).
 */
export function createEditorService(platform: ServerPlatform, roots: readonly string[]): AgentdocService {
  return createAgentdocService({
    host: platform.host,
    roots,
    // A file opened on its own gets the config the CLI would give it.
    outsideRootsUseRepository: true,
    // The workspace walk reads nothing outside the folders: .gitignore files apply from each folder down.
    repositoryRoots: roots,
    // The index holds a compact result per file: bounded for a hostile or huge tree.
    maxFiles: MAX_WORKSPACE_FILES,
    // Evidence files inside the folders; agent files inside the document's folder (or, for a
    // file opened on its own, its repository): never outside, never through a link.
    ...documentFileOptions(roots, platform),
  });
}
