import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { ConfigResolver } from './configFiles';
import { type GitIgnore } from './gitignore';

export const AGENT_DOC_SUFFIX = '.agent.md';
const DEFAULT_INCLUDE = ['**/*.agent.md'];
// Never worth walking into, whatever .gitignore says: they hold no documentation of the user's.
const ALWAYS_SKIP = new Set(['.git', 'node_modules']);

export interface Collected {
  files: string[];
  /** Inputs that named nothing: a missing path, or a glob that matched no file. */
  unmatched: string[];
}

/**
 * The files `check` and `report` look at. A file named on the command line is always taken. A
 * folder is walked recursively for files its config's `files.include` selects (default every
 * *.agent.md), minus `files.exclude` and .gitignore. A glob ("docs/**\/*.agent.md") selects the
 * files it matches under its static base, minus `files.exclude` and .gitignore. Symbolic links are
 * not followed, so a link cannot lead the walk outside the tree. The result is sorted.
 */
export function collectFiles(
  inputs: readonly string[],
  cwd: string,
  configs: ConfigResolver,
  gitignore: GitIgnore,
): Collected {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const input of inputs) {
    const before = files.size;
    const scan = picomatch.scan(input.split(path.sep).join('/'));
    if (scan.isGlob) {
      const base = path.resolve(cwd, scan.base || '.');
      const matches = picomatch(scan.glob, { dot: false });
      walk(base, gitignore, (file) => {
        if (matches(path.relative(base, file).split(path.sep).join('/')) && !excluded(file, configs)) files.add(file);
      });
      if (files.size === before) unmatched.push(input);
      continue;
    }
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(absolute);
    } catch {
      unmatched.push(input);
      continue;
    }
    if (stat.isFile()) files.add(absolute);
    else if (stat.isDirectory())
      walk(absolute, gitignore, (file) => {
        if (included(file, configs)) files.add(file);
      });
  }
  return { files: [...files].sort(comparePaths), unmatched };
}

/** Byte order of the '/'-separated path: the same on every platform and locale. */
export function comparePaths(a: string, b: string): number {
  const x = a.split(path.sep).join('/');
  const y = b.split(path.sep).join('/');
  return x < y ? -1 : x > y ? 1 : 0;
}

function walk(dir: string, gitignore: GitIgnore, visit: (file: string) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: skipped like git does
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!ALWAYS_SKIP.has(entry.name) && !gitignore.ignores(full, true)) walk(full, gitignore, visit);
    } else if (entry.isFile() && !gitignore.ignores(full, false)) {
      visit(full);
    }
  }
}

const matcherCache = new Map<string, (path: string) => boolean>();
function matcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\u0000');
  let compiled = matcherCache.get(key);
  if (!compiled) {
    compiled = picomatch([...globs], { dot: true });
    matcherCache.set(key, compiled);
  }
  return compiled;
}

/** The file's path relative to its config's folder; undefined when the file lies outside it (a --config elsewhere). */
function relativeToConfig(file: string, configPath: string | undefined): string | undefined {
  if (configPath === undefined) return undefined;
  const relative = path.relative(path.dirname(configPath), file).split(path.sep).join('/');
  return relative.startsWith('../') || path.isAbsolute(relative) ? undefined : relative;
}

function included(file: string, configs: ConfigResolver): boolean {
  const config = configs.forFile(file);
  const relative = relativeToConfig(file, config.path);
  // Globs are relative to the config's folder, so they only speak for files inside it.
  const include =
    relative !== undefined && config.loaded?.files.include.length ? config.loaded.files.include : DEFAULT_INCLUDE;
  if (!matcher(include)(relative ?? path.basename(file))) return false;
  return !excluded(file, configs);
}

function excluded(file: string, configs: ConfigResolver): boolean {
  const config = configs.forFile(file);
  const exclude = config.loaded?.files.exclude ?? [];
  const relative = relativeToConfig(file, config.path);
  return exclude.length > 0 && relative !== undefined && matcher(exclude)(relative);
}
