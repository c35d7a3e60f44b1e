import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/**
 * .gitignore semantics for a folder walk: every .gitignore from the repository root down to a
 * folder applies to it, deeper files win (a deeper "!pattern" re-includes), and
 * .git/info/exclude applies at the root. Outside a repository, .gitignore files still apply from
 * the folder the walk starts in, as most linters do.
 */
export class GitIgnore {
  private readonly perDir = new Map<string, Ignore | null>();
  readonly root: string;

  constructor(start: string) {
    this.root = findRepoRoot(start) ?? start;
  }

  /** Whether an absolute path (file or folder) is ignored. */
  ignores(absolute: string, isDir: boolean): boolean {
    const dirs = this.dirsAbove(path.dirname(absolute));
    let ignored = false;
    for (const dir of dirs) {
      const rules = this.rulesFor(dir);
      if (!rules) continue;
      const relative = path.relative(dir, absolute).split(path.sep).join('/');
      if (!relative || relative.startsWith('..')) continue;
      const result = rules.test(isDir ? `${relative}/` : relative);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  private dirsAbove(dir: string): string[] {
    const out: string[] = [];
    let current = dir;
    for (;;) {
      out.push(current);
      if (current === this.root) break;
      const parent = path.dirname(current);
      // Files outside the repository root get only their own folders' rules.
      if (parent === current || !isInside(this.root, current)) break;
      current = parent;
    }
    return out.reverse();
  }

  private rulesFor(dir: string): Ignore | null {
    if (this.perDir.has(dir)) return this.perDir.get(dir) ?? null;
    const sources = [
      path.join(dir, '.gitignore'),
      ...(dir === this.root ? [path.join(dir, '.git', 'info', 'exclude')] : []),
    ];
    let rules: Ignore | null = null;
    for (const source of sources) {
      let text: string;
      try {
        text = fs.readFileSync(source, 'utf8');
      } catch {
        continue; // no such file: nothing to apply
      }
      rules ??= ignore();
      rules.add(text);
    }
    this.perDir.set(dir, rules);
    return rules;
  }
}

function findRepoRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
