import { dirname, joinPath, relativeTo, type FileHost } from '../host';
import { agentFilePaths } from './declared';

/** Where a document's agent files may be read from: the host, and the folder reads are confined to. */
export interface AgentFileAccess {
  host: FileHost;
  /** The repository or workspace folder: nothing outside it is read. */
  root: string;
}

/** One named file: its text, or why it was not read. */
export type AgentFileRead =
  { ok: true; path: string; text: string } | { ok: false; path: string | undefined; problem: string };

/** What the pipeline read for one document, keyed by the path as the document writes it. */
export interface AgentFileSet {
  reads: ReadonlyMap<string, AgentFileRead>;
}

/** Agent files larger than this are not parsed: prompts and configs are small, a 50 MB "prompt" is not one. */
export const MAX_AGENT_FILE_CHARS = 1_000_000;

/**
 * Reads the files a document names, through the host only: relative to the document, never
 * outside `root`, never through a symbolic link anywhere on the way (every folder on the path is
 * checked, not only the file), never anything but a regular file. Nothing is run or fetched.
 */
export async function readAgentFiles(
  documentPath: string,
  text: string,
  access: AgentFileAccess,
): Promise<AgentFileSet | undefined> {
  const paths = agentFilePaths(text);
  if (paths.length === 0) return undefined;
  const reads = new Map<string, AgentFileRead>();
  for (const written of new Set(paths)) reads.set(written, await readOne(documentPath, written, access));
  return { reads };
}

/** The absolute paths a set read or tried to read: the editor watches them. */
export function agentFileTargets(set: AgentFileSet | undefined): string[] {
  if (!set) return [];
  return [...set.reads.values()].flatMap((read) => (read.path ? [read.path] : []));
}

async function readOne(documentPath: string, written: string, access: AgentFileAccess): Promise<AgentFileRead> {
  const resolved = resolveInside(dirname(documentPath), written, access.root);
  if (typeof resolved !== 'string') return { ok: false, path: undefined, problem: resolved.problem };
  const inside = relativeTo(access.root, resolved);
  if (inside === undefined || inside === '') {
    return { ok: false, path: undefined, problem: 'it lies outside the repository, and agentdoc reads nothing there' };
  }
  // Every step from the root down must be a real folder, and the last a regular file.
  let current = access.root;
  const segments = inside.split('/');
  for (const [at, segment] of segments.entries()) {
    current = joinPath(current, segment);
    const kind = await access.host.kind(current);
    const last = at === segments.length - 1;
    if (kind === undefined) return { ok: false, path: resolved, problem: 'it does not exist' };
    if (kind === 'symlink')
      return {
        ok: false,
        path: resolved,
        problem: `${last ? 'it is' : `"${segment}" on its path is`} a symbolic link, and agentdoc never follows links`,
      };
    if (!last && kind !== 'directory') return { ok: false, path: resolved, problem: 'it does not exist' };
    if (last && kind !== 'file')
      return {
        ok: false,
        path: resolved,
        problem: kind === 'directory' ? 'it is a folder' : 'it is not a regular file',
      };
  }
  try {
    const content = await access.host.readFile(resolved);
    if (content.length > MAX_AGENT_FILE_CHARS)
      return {
        ok: false,
        path: resolved,
        problem: `it is larger than ${MAX_AGENT_FILE_CHARS.toLocaleString('en-US')} characters`,
      };
    return { ok: true, path: resolved, text: content };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return { ok: false, path: resolved, problem: `it cannot be read (${typeof code === 'string' ? code : 'error'})` };
  }
}

/**
 * The absolute path a relative one names from `base`, or why it names none: absolute paths, URLs
 * and home-relative paths are refused, and `..` may not climb above `root`.
 */
export function resolveInside(base: string, written: string, root: string): string | { problem: string } {
  const path = written.replace(/\\/g, '/');
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path) || path.startsWith('/') || path.startsWith('~'))
    return { problem: 'it is not a path relative to this document (write it like .vscode/mcp.json)' };
  const segments = base.split('/');
  const drive = segments[0] ?? '';
  const stack = segments.slice(1).filter((segment) => segment !== '');
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (stack.length === 0) return { problem: 'it lies outside the repository, and agentdoc reads nothing there' };
      stack.pop();
    } else stack.push(segment);
  }
  const absolute = `${drive}/${stack.join('/')}`;
  return relativeTo(root, absolute) === undefined
    ? { problem: 'it lies outside the repository, and agentdoc reads nothing there' }
    : absolute;
}
