import * as fs from 'node:fs';
import * as path from 'node:path';

/** The nearest folder at or above `dir` that holds a .git entry, or undefined. */
export function repositoryRoot(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * Existence checks for the files a document links to, resolved against the document's folder
 * and confined to `roots` (the workspace folders, or the repository): a link that climbs out of
 * them is reported as missing without touching the file system outside.
 */
export function evidenceChecker(documentPath: string, roots: readonly string[]): (relativePath: string) => boolean {
  const base = path.dirname(documentPath);
  const allowed = roots.length ? roots.map((root) => path.resolve(root)) : [repositoryRoot(base) ?? base];
  return (relativePath) => {
    const target = path.resolve(base, relativePath);
    if (!allowed.some((root) => target === root || target.startsWith(root + path.sep))) return false;
    try {
      // No exception for a missing file (most missing evidence is just that): building one per
      // link was a visible share of checking a large tree.
      return fs.statSync(target, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false;
    }
  };
}
