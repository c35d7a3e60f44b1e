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
 * Where a document's relative link may lead: the workspace folders, or (none given) the
 * document's repository, or its own folder outside one.
 */
export function linkRoots(documentPath: string, roots: readonly string[]): string[] {
  const base = path.dirname(documentPath);
  return roots.length ? roots.map((root) => path.resolve(root)) : [repositoryRoot(base) ?? base];
}

/**
 * The native path a relative link from the document names and the root it lies in, when it stays
 * inside one of `allowed` (see linkRoots); undefined for a path that climbs out, an absolute path
 * or a drive. `relativePath` is already decoded (no %-escapes).
 */
export function linkedPath(
  documentPath: string,
  allowed: readonly string[],
  relativePath: string,
): { path: string; root: string } | undefined {
  if (relativePath === '' || path.isAbsolute(relativePath) || /^[A-Za-z]:|^[\\/]/.test(relativePath)) return undefined;
  const target = path.resolve(path.dirname(documentPath), relativePath);
  const root = allowed.find((candidate) => target === candidate || target.startsWith(candidate + path.sep));
  return root === undefined ? undefined : { path: target, root };
}

/**
 * Whether `target` is a regular file reached from `root` without a symbolic link on the way:
 * each folder below the root and the file itself are looked at with lstat, so a link that
 * points outside neither counts as present nor lets a document probe what lies there.
 */
function regularFileWithoutLinks(root: string, target: string): boolean {
  const parts = path.relative(root, target).split(path.sep).filter(Boolean);
  let current = root;
  for (let index = 0; index < parts.length; index++) {
    current = path.join(current, parts[index]!);
    let stats: fs.Stats | undefined;
    try {
      // No exception for a missing file (most missing evidence is just that): building one per
      // link was a visible share of checking a large tree.
      stats = fs.lstatSync(current, { throwIfNoEntry: false });
    } catch {
      return false;
    }
    if (!stats) return false;
    const last = index === parts.length - 1;
    if (last ? !stats.isFile() : !stats.isDirectory()) return false;
  }
  return parts.length > 0;
}

/**
 * Existence checks for the files a document links to, resolved against the document's folder
 * and confined to `roots` (the workspace folders, or the repository): a link that climbs out of
 * them, or that passes through a symbolic link, is reported as missing without touching the
 * file system outside.
 */
export function evidenceChecker(documentPath: string, roots: readonly string[]): (relativePath: string) => boolean {
  const allowed = linkRoots(documentPath, roots);
  return (relativePath) => {
    const target = linkedPath(documentPath, allowed, relativePath);
    return target !== undefined && regularFileWithoutLinks(target.root, target.path);
  };
}
