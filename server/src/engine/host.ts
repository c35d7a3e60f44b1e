/**
 * File access, injected into the engine. The CLI and the language server pass a Node.js host
 * (server/src/node/nodeHost.ts), a web worker the editor's workspace API, tests an in-memory one;
 * the engine itself never touches a file system.
 *
 * Paths are absolute and '/'-separated ("/repo/docs/a.agentdoc.md", "C:/repo/..."). A host never
 * follows a symbolic link for the engine: a link is reported as a link and not read, so nothing
 * outside the folders being checked is reached through one.
 */
export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

export interface DirectoryEntry {
  name: string;
  kind: EntryKind;
}

export interface FileHost {
  /** The entries of a folder; empty when it cannot be read. */
  readDirectory(path: string): Promise<DirectoryEntry[]>;
  /** What a path is, without following a link at its end; undefined when nothing is there. */
  kind(path: string): Promise<EntryKind | undefined>;
  /** A regular file's text, decoded as UTF-8. Rejects when the file cannot be read. */
  readFile(path: string): Promise<string>;
}

/** The folder part of a '/'-separated path. */
export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return '.';
  if (slash === 0) return '/';
  if (/^[A-Za-z]:$/.test(path.slice(0, slash))) return path.slice(0, slash + 1);
  return path.slice(0, slash);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

/** `path` relative to `base` ('/'-separated), or undefined when it is not inside it. */
export function relativeTo(base: string, path: string): string | undefined {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (path === base || path === prefix.slice(0, -1)) return '';
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}
