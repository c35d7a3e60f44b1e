import type { ConfigResolver } from '../config/resolver';
import { basename, dirname, joinPath, relativeTo, type EntryKind, type FileHost } from '../host';
import { DEFAULT_INCLUDE, mayBeAgentDoc } from './agentDocKind';
import { IgnoreFile } from './gitignore';
import { compileGlobs, globBase, isGlob, type GlobMatcher } from './glob';

/** Folders never walked, whatever .gitignore says: they hold no documentation of the user's. */
const ALWAYS_SKIP = new Set(['.git', 'node_modules']);

export interface FileSetOptions {
  host: FileHost;
  configs: ConfigResolver;
  /**
   * Where .gitignore files start to apply: the repository root for the CLI, each workspace folder
   * for the editor (which reads nothing outside the workspace). The deepest that holds a path wins.
   */
  repositoryRoots?: readonly string[];
  /** Globs excluded on top of .gitignore and the config, relative to each walk's root (the editor's files.exclude). */
  excludes?: readonly string[];
  /** A walk stops after this many files (hostile trees); the caller is told. */
  maxFiles?: number;
  isCancelled?: () => boolean;
}

export interface ListedFile {
  path: string;
  /** Named on the command line: checked even when its name or text would not make it an agent doc. */
  explicit: boolean;
  /** What it is when it is not a regular file (a link, a FIFO): reported, never read. */
  kind: EntryKind;
}

export interface FileSet {
  files: ListedFile[];
  /** Inputs that named nothing: a missing path, or a glob that matched no file. */
  unmatched: string[];
  /** The walk stopped at maxFiles. */
  truncated: boolean;
}

/**
 * The files the CLI and the language server look at, decided the same way for both: a folder is
 * walked for the names its config's `files.include` selects (default *.agentdoc.md and *.agent.md),
 * minus `files.exclude`, .gitignore, the editor's files.exclude and the folders of VS Code's own
 * chat files; a glob selects what it matches under its base, minus the same; a path names a file.
 * Symbolic links are never followed. Paths are absolute and '/'-separated; the result is sorted.
 * Whether a listed *.agent.md really is an agent document is decided by its text (agentDocKind.ts).
 */
export async function listFiles(inputs: readonly string[], options: FileSetOptions): Promise<FileSet> {
  const walker = new Walker(options);
  const found = new Map<string, ListedFile>();
  const unmatched: string[] = [];
  for (const input of inputs) {
    const before = found.size;
    // A path that exists is a path, even when its name has glob characters ("notes[1]").
    const kind = await options.host.kind(input);
    if (kind === 'directory') await walker.walk(input, input, undefined, found);
    else if (kind !== undefined) found.set(input, { path: input, explicit: true, kind });
    else if (isGlob(input)) {
      const base = globBase(input) || '/';
      const matches = compileGlobs([relativeTo(base, input) ?? input]);
      await walker.walk(base, base, (file) => matches(relativeTo(base, file) ?? file), found);
      if (found.size === before) unmatched.push(input);
    } else unmatched.push(input);
  }
  const files = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, unmatched, truncated: walker.truncated };
}

class Walker {
  private readonly ignoreFiles = new Map<string, Promise<IgnoreFile | undefined>>();
  private readonly includeCache = new Map<string, GlobMatcher>();
  truncated = false;

  constructor(private readonly options: FileSetOptions) {}

  /**
   * Walks `dir` (inside `root`, which editor excludes are relative to). `select` replaces the
   * config's include globs for a glob input; excludes and .gitignore always apply.
   */
  async walk(
    root: string,
    dir: string,
    select: ((file: string) => boolean) | undefined,
    found: Map<string, ListedFile>,
  ): Promise<void> {
    if (this.options.isCancelled?.()) return;
    const entries = await this.options.host.readDirectory(dir);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = joinPath(dir, entry.name);
      if (entry.kind === 'directory') {
        if (ALWAYS_SKIP.has(entry.name)) continue;
        if ((await this.gitIgnored(full, true)) || this.editorExcluded(root, full, true)) continue;
        await this.walk(root, full, select, found);
      } else if (entry.kind === 'file') {
        if (!mayBeAgentDoc(full)) continue;
        if (select ? !select(full) : !(await this.included(full))) continue;
        if (await this.configExcluded(full)) continue;
        if ((await this.gitIgnored(full, false)) || this.editorExcluded(root, full, false)) continue;
        if (this.options.maxFiles !== undefined && found.size >= this.options.maxFiles) {
          this.truncated = true;
          return;
        }
        found.set(full, { path: full, explicit: false, kind: 'file' });
      }
      // Links and special files met in a walk are skipped: never followed, never read.
    }
  }

  private async included(file: string): Promise<boolean> {
    const config = await this.options.configs.forFile(file);
    const relative = config.path ? relativeTo(dirname(config.path), file) : undefined;
    // Globs are relative to the config's folder, so they only speak for files inside it.
    const globs =
      relative !== undefined && config.loaded?.files.include.length ? config.loaded.files.include : DEFAULT_INCLUDE;
    return this.matcher(globs)(relative ?? basename(file));
  }

  private async configExcluded(file: string): Promise<boolean> {
    const config = await this.options.configs.forFile(file);
    const exclude = config.loaded?.files.exclude ?? [];
    const relative = config.path ? relativeTo(dirname(config.path), file) : undefined;
    return exclude.length > 0 && relative !== undefined && this.matcher(exclude)(relative);
  }

  private editorExcluded(root: string, path: string, isDirectory: boolean): boolean {
    const excludes = this.options.excludes;
    if (!excludes?.length) return false;
    const relative = relativeTo(root, path);
    if (relative === undefined) return false;
    const matches = this.matcher(excludes);
    return matches(relative) || (isDirectory && matches(`${relative}/`));
  }

  private matcher(globs: readonly string[]): GlobMatcher {
    const key = globs.join('\u0000');
    let matcher = this.includeCache.get(key);
    if (!matcher) {
      matcher = compileGlobs(globs);
      this.includeCache.set(key, matcher);
    }
    return matcher;
  }

  /** git's rules: every .gitignore from the repository root down applies, the deepest deciding. */
  private async gitIgnored(path: string, isDirectory: boolean): Promise<boolean> {
    const root = (this.options.repositoryRoots ?? [])
      .filter((candidate) => relativeTo(candidate, path) !== undefined)
      .sort((a, b) => b.length - a.length)[0];
    if (root === undefined) return false;
    let ignored = false;
    for (const dir of foldersFrom(root, dirname(path))) {
      const rules = await this.ignoreFile(dir, dir === root);
      const relative = relativeTo(dir, path);
      if (!rules || !relative) continue;
      const verdict = rules.test(relative, isDirectory);
      if (verdict) ignored = verdict === 'ignored';
    }
    return ignored;
  }

  private ignoreFile(dir: string, atRoot: boolean): Promise<IgnoreFile | undefined> {
    let loading = this.ignoreFiles.get(dir);
    if (!loading) {
      loading = this.readIgnoreFile(dir, atRoot);
      this.ignoreFiles.set(dir, loading);
    }
    return loading;
  }

  private async readIgnoreFile(dir: string, atRoot: boolean): Promise<IgnoreFile | undefined> {
    const sources = [joinPath(dir, '.gitignore'), ...(atRoot ? [joinPath(dir, '.git/info/exclude')] : [])];
    const texts: string[] = [];
    for (const source of sources) {
      // Only regular files: a .gitignore that is a link or a FIFO is not read.
      if ((await this.options.host.kind(source)) !== 'file') continue;
      try {
        texts.push(await this.options.host.readFile(source));
      } catch {
        // Unreadable: nothing to apply, as git does.
      }
    }
    // .git/info/exclude comes first, so the .gitignore's rules (read later) win over it.
    return texts.length ? new IgnoreFile(texts.reverse().join('\n')) : undefined;
  }
}

/** The folders from `root` down to `dir`, both included. */
function foldersFrom(root: string, dir: string): string[] {
  const out: string[] = [];
  for (let current = dir; ; current = dirname(current)) {
    out.push(current);
    if (current === root || dirname(current) === current) break;
  }
  return out.reverse();
}
