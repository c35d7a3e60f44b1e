import type { AgentFileAccess, DocumentOptions } from '../engine';
import type { ServerPlatform, UriMapping } from './platform';

/** What the server needs of its platform to tell where a document's own files are looked for. */
export type DocumentFileLookup = Pick<ServerPlatform, 'host' | 'evidenceExists' | 'repositoryRoot'>;

const isAbsolute = (document: string): boolean => document.startsWith('/') || /^[A-Za-z]:\//.test(document);

/**
 * Where the editor looks for a document's evidence files (inside the workspace folders `roots`)
 * and agent files (see agentFileAccess). The one answer for the server's own checks
 * (editorService.ts) and for the worker threads that index a workspace for it
 * (node/editorDocumentOptions.ts, cli/worker.ts): the two cannot disagree. Where the platform
 * cannot tell whether an evidence file exists (the web worker), missing ones are not reported;
 * a document without an absolute path (untitled) has neither evidence nor agent files looked for.
 */
export function documentFileOptions(
  roots: readonly string[],
  lookup: DocumentFileLookup,
): Pick<DocumentOptions, 'fileExists' | 'agentFileAccess'> {
  const evidenceExists = lookup.evidenceExists;
  return {
    ...(evidenceExists
      ? { fileExists: (document: string) => (isAbsolute(document) ? evidenceExists(document, roots) : undefined) }
      : {}),
    agentFileAccess: (document) => agentFileAccess(document, roots, lookup),
  };
}

/**
 * The agent files a document names are read inside its workspace folder (or, for a file opened
 * on its own, its repository): never outside, never through a link.
 */
export function agentFileAccess(
  document: string,
  roots: readonly string[],
  lookup: DocumentFileLookup,
): AgentFileAccess | undefined {
  if (!isAbsolute(document)) return undefined;
  const folder = roots.find((root) => document.startsWith(`${root}/`));
  const host = lookup.host;
  if (folder) return { host, root: folder };
  const directory = document.slice(0, document.lastIndexOf('/')) || '/';
  return { host, root: lookup.repositoryRoot?.(directory) ?? directory };
}

/**
 * The file URI a relative evidence link of a document names, when it lies inside the workspace
 * (the document's repository for a file opened on its own); undefined for anything else: a
 * scheme (`command:`, `file:`…), an absolute path, a path that climbs out, a broken %-escape.
 */
export function linkTarget(
  platform: Pick<ServerPlatform, 'linkedFile'> & { uris: UriMapping },
  roots: readonly string[],
  documentUri: string,
  target: string,
): string | undefined {
  const documentPath = platform.uris.toPath(documentUri);
  const hash = target.indexOf('#');
  const linked = hash >= 0 ? target.slice(0, hash) : target;
  const fragment = hash >= 0 ? target.slice(hash) : '';
  if (!documentPath || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(linked) || !/^(#[\w.-]*)?$/.test(fragment)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(linked);
  } catch {
    return undefined;
  }
  const found = platform.linkedFile?.(documentPath, roots, decoded);
  return found && `${platform.uris.toUri(found)}${fragment}`;
}
