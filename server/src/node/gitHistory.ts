import { spawnSync } from 'node:child_process';
import {
  createAgentdocService,
  historyPoint,
  type DirectoryEntry,
  type EntryKind,
  type FileHost,
  type HistoryPoint,
} from '../engine';
import { toEnginePath } from './nodeHost';

/**
 * Readiness over time from a repository's git history: sampled commits, each checked as it was
 * (its agent documents, configs and .gitignore read from the commit's tree, dates judged on the
 * commit's day) through the same engine pipeline as `agentdoc check`. git runs as a child process
 * with fixed arguments and no shell; it reads objects only (log, ls-tree, cat-file), which run
 * no hooks, filters or pagers. Only the CLI and an explicit editor command call this.
 */
export interface HistoryOptions {
  /** The repository's top folder (native path). */
  root: string;
  /** The paths the portfolio covers, relative to the root ('' for all of it). */
  scopes: readonly string[];
  /** At most this many commits, evenly spread, always with the newest and the oldest. */
  samples: number;
  /** Only commits on or after this day (YYYY-MM-DD). */
  since?: string;
  maxBytes?: number;
}

export interface SampledCommit {
  hash: string;
  /** Committer date, YYYY-MM-DD. */
  date: string;
  subject: string;
}

const AGENT_FILES = /(\.agentdoc\.md|\.agent\.md)$|(^|\/)(\.agentdoc\.(ya?ml|json)|\.gitignore)$/i;
const MAX_COMMITS = 5000;

export class GitError extends Error {}

function git(root: string, args: readonly string[], input?: string): Buffer {
  const result = spawnSync('git', ['--no-pager', '-c', 'core.quotePath=false', ...args], {
    cwd: root,
    input,
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    windowsHide: true,
  });
  if (result.error) throw new GitError(`git could not be run: ${result.error.message}`);
  if (result.status !== 0)
    throw new GitError(`git ${args[0]} failed: ${result.stderr.toString('utf8').trim().split('\n')[0] ?? ''}`);
  return result.stdout;
}

/** The repository's top folder for a folder inside it, or undefined outside a repository. */
export function repositoryTop(cwd: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** First-parent commits that touched agent documents or their configs, newest first, then sampled. */
export function sampleCommits(options: HistoryOptions): SampledCommit[] {
  const pathspecs = ['*.agentdoc.md', '*.agent.md', '.agentdoc.yaml', '.agentdoc.yml', '.agentdoc.json'].flatMap(
    (pattern) =>
      (options.scopes.length ? options.scopes : ['']).map((scope) => `:(glob)${scope ? `${scope}/` : ''}**/${pattern}`),
  );
  const args = ['log', '--first-parent', `--max-count=${MAX_COMMITS}`, '--format=%H%x1f%cs%x1f%s%x1e'];
  if (options.since) args.push(`--since=${options.since}T00:00:00`);
  const out = git(options.root, [...args, 'HEAD', '--', ...pathspecs]).toString('utf8');
  const commits = out
    .split('\x1e')
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [hash = '', date = '', subject = ''] = record.split('\x1f');
      return { hash, date, subject };
    })
    .filter((commit) => /^[0-9a-f]{40,64}$/.test(commit.hash));
  return sample(commits, options.samples).reverse();
}

/** Up to `count` items evenly spread over the list, keeping its first and last. */
export function sample<T>(items: readonly T[], count: number): T[] {
  if (count <= 0) return [];
  if (items.length <= count) return [...items];
  if (count === 1) return [items[0]!];
  const picked = new Set<number>();
  for (let i = 0; i < count; i++) picked.add(Math.round((i * (items.length - 1)) / (count - 1)));
  return [...picked].sort((a, b) => a - b).map((index) => items[index]!);
}

/** One commit's tree as a FileHost: agent documents, configs and .gitignore files, read in one batch. */
export function commitHost(root: string, hash: string, maxBytes: number): { host: FileHost; files: Set<string> } {
  const base = toEnginePath(root);
  const listing = git(root, ['ls-tree', '-r', '-l', '-z', '--full-tree', hash]).toString('utf8');
  const kinds = new Map<string, EntryKind>();
  const blobs = new Map<string, string>();
  const directories = new Map<string, Map<string, EntryKind>>();
  // Every entry is listed in its folder, and each folder in its parent up to the root, once.
  const addEntry = (path: string, kind: EntryKind): void => {
    kinds.set(path, kind);
    let child = path;
    let childKind = kind;
    while (child.length > base.length) {
      const slash = child.lastIndexOf('/');
      const parent = child.slice(0, slash);
      const entries = directories.get(parent) ?? new Map<string, EntryKind>();
      entries.set(child.slice(slash + 1), childKind);
      directories.set(parent, entries);
      if (parent.length <= base.length || kinds.has(parent)) break;
      kinds.set(parent, 'directory');
      child = parent;
      childKind = 'directory';
    }
  };
  const wanted: Array<{ path: string; object: string }> = [];
  for (const entry of listing.split('\0')) {
    const match = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.+)$/s.exec(entry);
    if (!match) continue;
    const [, mode, type, object, size, relative] = match as unknown as [string, string, string, string, string, string];
    const path = `${base}/${relative}`;
    const kind: EntryKind = mode === '120000' ? 'symlink' : type === 'blob' ? 'file' : 'other';
    addEntry(path, kind);
    if (kind === 'file' && AGENT_FILES.test(relative) && Number(size) <= maxBytes) wanted.push({ path, object });
  }
  if (wanted.length) {
    const out = git(root, ['cat-file', '--batch'], wanted.map((entry) => entry.object).join('\n') + '\n');
    let offset = 0;
    for (const entry of wanted) {
      const headerEnd = out.indexOf(0x0a, offset);
      const header = out.subarray(offset, headerEnd).toString('utf8').split(' ');
      const length = Number(header[2]);
      if (header[1] !== 'blob' || !Number.isFinite(length)) break;
      blobs.set(entry.path, out.subarray(headerEnd + 1, headerEnd + 1 + length).toString('utf8'));
      offset = headerEnd + 1 + length + 1;
    }
  }
  const host: FileHost = {
    async readDirectory(path) {
      return [...(directories.get(path) ?? [])].map(([name, kind]): DirectoryEntry => ({ name, kind }));
    },
    async kind(path) {
      return path === base ? 'directory' : kinds.get(path);
    },
    async readFile(path) {
      const text = blobs.get(path);
      if (text === undefined) throw Object.assign(new Error(`not read from ${hash}: ${path}`), { code: 'ENOENT' });
      return text;
    },
  };
  return { host, files: new Set([...kinds].filter(([, kind]) => kind === 'file').map(([path]) => path)) };
}

/** Readiness at each sampled commit: the verdicts of its agent documents, counted. */
export async function readinessHistory(options: HistoryOptions): Promise<HistoryPoint[]> {
  const points: HistoryPoint[] = [];
  const base = toEnginePath(options.root);
  for (const commit of sampleCommits(options)) {
    const { host, files } = commitHost(options.root, commit.hash, options.maxBytes ?? 5_000_000);
    const service = createAgentdocService({
      host,
      roots: [base],
      repositoryRoots: [base],
      today: commit.date,
      fileExists: (document) => (relative) => files.has(resolve(document, relative)),
      ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    });
    const scopes = options.scopes.length ? options.scopes.map((scope) => (scope ? `${base}/${scope}` : base)) : [base];
    const present = [];
    for (const scope of scopes) if (await host.kind(scope)) present.push(scope);
    const listed = present.length ? await service.listFiles(present) : { files: [] };
    const checked = await service.checkFiles(listed.files);
    points.push(
      historyPoint(
        commit,
        checked.map((file) => file.result.verdict),
      ),
    );
  }
  return points;
}

/** A link relative to a document, as an absolute '/'-separated path (no escaping the root). */
function resolve(document: string, relative: string): string {
  const parts = document.split('/').slice(0, -1);
  for (const part of relative.split(/[\\/]/)) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
