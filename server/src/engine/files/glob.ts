import { RE2JS } from 're2js';
import { BoundedCache } from '../boundedCache';

/**
 * Glob matching in linear time. Globs come from a workspace config, a .gitignore or the command
 * line, so from whoever wrote the repository: picomatch and minimatch compile them to backtracking
 * RegExps, where `**\/*a*a*a*a*a*a*a*a*a*a*a*a*b.md` against a long file name takes a minute. Here a
 * glob becomes an RE2 expression (re2js: no backtracking), matched in time linear in the path.
 *
 * Syntax: `*` (within a path segment), `**` (any number of segments), `?`, `[abc]`, `[!a-z]`,
 * `{a,b}` (unless `braces` is off, as in .gitignore) and `\` escapes. A dot is an ordinary
 * character: `*` also matches ".github".
 */
export interface GlobOptions {
  /** `{a,b}` alternatives (globs from config and the command line); off for .gitignore lines. */
  braces?: boolean;
  /** How `dir/**` at the end treats `dir` itself: a glob matches it, a .gitignore line does not. */
  trailingStarStarMatchesBase?: boolean;
}

export type GlobMatcher = (path: string) => boolean;

const MAX_GLOB_LENGTH = 1000;
const MAX_BRACE_DEPTH = 10;
/** Compiled globs: at most 500, each of at most MAX_GLOB_LENGTH characters. */
const cache = new BoundedCache<string, GlobMatcher>(500);

/** A matcher for '/'-separated relative paths; a glob RE2 cannot take matches nothing. */
export function compileGlob(glob: string, options: GlobOptions = {}): GlobMatcher {
  const key = `${options.braces === false ? 0 : 1}${options.trailingStarStarMatchesBase === false ? 0 : 1}${glob}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const matcher = build(glob, options);
  cache.set(key, matcher);
  return matcher;
}

/** Why a glob cannot be used, or undefined when it can: for config validation. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH)
    return `the glob is ${glob.length} characters long; at most ${MAX_GLOB_LENGTH} are allowed`;
  try {
    RE2JS.compile(globToRegExpSource(glob, {}));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Matches any of the globs. */
export function compileGlobs(globs: readonly string[], options: GlobOptions = {}): GlobMatcher {
  const matchers = globs.map((glob) => compileGlob(glob, options));
  return (path) => matchers.some((matches) => matches(path));
}

function build(glob: string, options: GlobOptions): GlobMatcher {
  if (glob.length > MAX_GLOB_LENGTH) return () => false;
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(globToRegExpSource(glob, options));
  } catch {
    return () => false;
  }
  return (path) => compiled.matches(path);
}

/** The RE2 expression for a glob (exported for tests). */
export function globToRegExpSource(glob: string, options: GlobOptions): string {
  return `^(?:${translate(glob, options, 0)})$`;
}

function translate(glob: string, options: GlobOptions, depth: number): string {
  const braces = options.braces !== false;
  let out = '';
  let i = 0;
  while (i < glob.length) {
    const ch = glob[i]!;
    if (ch === '\\' && i + 1 < glob.length) {
      out += escapeLiteral(glob[i + 1]!);
      i += 2;
    } else if (ch === '*') {
      let end = i;
      while (glob[end] === '*') end++;
      const starStar = end - i >= 2;
      const atSegmentStart = i === 0 || glob[i - 1] === '/';
      const atSegmentEnd = end === glob.length || glob[end] === '/';
      if (starStar && atSegmentStart && atSegmentEnd) {
        if (end === glob.length) {
          // "dir/**" or a lone "**": everything below (and, for globs, the folder itself).
          if (i === 0) out += '.*';
          else {
            out = out.slice(0, -1); // the "/" before it
            out += options.trailingStarStarMatchesBase === false ? '/.*' : '(?:/.*)?';
          }
          i = end;
        } else {
          // "**/" : zero or more whole segments.
          out += '(?:[^/]*/)*';
          i = end + 1;
        }
      } else {
        out += '[^/]*';
        i = end;
      }
    } else if (ch === '?') {
      out += '[^/]';
      i++;
    } else if (ch === '[') {
      const cls = characterClass(glob, i);
      if (cls) {
        out += cls.source;
        i = cls.end;
      } else {
        out += '\\[';
        i++;
      }
    } else if (ch === '{' && braces && depth < MAX_BRACE_DEPTH) {
      const group = braceGroup(glob, i);
      if (group) {
        out += `(?:${group.alternatives.map((alternative) => translate(alternative, options, depth + 1)).join('|')})`;
        i = group.end;
      } else {
        out += '\\{';
        i++;
      }
    } else {
      out += escapeLiteral(ch);
      i++;
    }
  }
  return out;
}

function escapeLiteral(ch: string): string {
  return /[\\^$.|?*+()[\]{}]/.test(ch) ? `\\${ch}` : ch;
}

/** `[abc]`, `[a-z]`, `[!x]` or `[^x]`; never matches "/". Undefined when the bracket is not closed. */
function characterClass(glob: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (glob[i] === '!' || glob[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  while (i < glob.length && (glob[i] !== ']' || first)) {
    const ch = glob[i]!;
    if (ch === '\\' && i + 1 < glob.length) {
      body += `\\${glob[i + 1]!}`;
      i += 2;
    } else {
      body += ch === '/' ? '' : /[\\\]^[]/.test(ch) ? `\\${ch}` : ch;
      i++;
    }
    first = false;
  }
  if (i >= glob.length || body === '') return undefined;
  return { source: negate ? `[^/${body}]` : `[${body}]`, end: i + 1 };
}

/** `{a,b,{c,d}}` split at its top-level commas; undefined without a closing brace or a comma. */
function braceGroup(glob: string, start: number): { alternatives: string[]; end: number } | undefined {
  const alternatives: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = start + 1; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '\\' && i + 1 < glob.length) {
      current += ch + glob[i + 1]!;
      i++;
    } else if (ch === '{') {
      depth++;
      current += ch;
    } else if (ch === '}') {
      if (depth === 0) {
        alternatives.push(current);
        return alternatives.length > 1 ? { alternatives, end: i + 1 } : undefined;
      }
      depth--;
      current += ch;
    } else if (ch === ',' && depth === 0) {
      alternatives.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  return undefined;
}

/** Whether text has glob syntax, so a command-line argument is a glob rather than a path. */
export function isGlob(text: string): boolean {
  return /[*?[{]/.test(text);
}

/** The part of a glob before its first segment with glob syntax: where a walk for it starts. */
export function globBase(glob: string): string {
  const segments = glob.split('/');
  const base: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isGlob(segment)) break;
    base.push(segment);
  }
  return base.join('/');
}
