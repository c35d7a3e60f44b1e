import { compileGlob, type GlobMatcher } from './glob';

interface IgnoreRule {
  matches: GlobMatcher;
  negated: boolean;
  directoryOnly: boolean;
}

/** The rules of one .gitignore file (or .git/info/exclude), relative to its folder. */
export class IgnoreFile {
  private readonly rules: IgnoreRule[];

  constructor(text: string) {
    this.rules = text.split(/\r?\n/).flatMap((line) => parseLine(line) ?? []);
  }

  /**
   * `ignored` or `included` when a rule speaks for the path (relative to this file's folder,
   * '/'-separated), the last matching rule winning as in git; undefined when none does.
   */
  test(relative: string, isDirectory: boolean): 'ignored' | 'included' | undefined {
    for (let index = this.rules.length - 1; index >= 0; index--) {
      const rule = this.rules[index]!;
      if (rule.directoryOnly && !isDirectory) continue;
      if (rule.matches(relative)) return rule.negated ? 'included' : 'ignored';
    }
    return undefined;
  }
}

/** One gitignore line (gitignore(5)): comments, `!`, a trailing `/`, anchoring by a `/`. */
function parseLine(raw: string): IgnoreRule | undefined {
  let line = trimTrailingBlanks(raw);
  if (line === '' || line.startsWith('#')) return undefined;
  let negated = false;
  if (line.startsWith('!')) {
    negated = true;
    line = line.slice(1);
  } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
    line = line.slice(1);
  }
  let directoryOnly = false;
  if (line.endsWith('/')) {
    directoryOnly = true;
    let end = line.length;
    while (end > 0 && line[end - 1] === '/') end--;
    line = line.slice(0, end);
  }
  if (line === '') return undefined;
  // A slash at the start or in the middle anchors the pattern to the .gitignore's folder;
  // otherwise it matches at any depth.
  const anchored = line.includes('/');
  const glob = anchored ? line.replace(/^\//, '') : `**/${line}`;
  return { matches: compileGlob(glob, { braces: false, trailingStarStarMatchesBase: false }), negated, directoryOnly };
}

/** Trailing blanks go unless escaped with a backslash; a loop, as a regex would be quadratic on long blank runs. */
function trimTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  if (end < line.length && end > 0 && line[end - 1] === '\\') end++;
  return line.slice(0, end);
}
