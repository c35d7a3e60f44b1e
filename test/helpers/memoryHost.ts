import type { DirectoryEntry, EntryKind, FileHost } from '../../server/src/engine';

/**
 * An in-memory file tree for engine tests: paths are '/'-separated and absolute. A value is a
 * file's text; `{ link: target }` a symbolic link, `{ special: true }` a FIFO or device.
 */
export type MemoryEntry = string | { link: string } | { special: true };

export function memoryHost(tree: Record<string, MemoryEntry>): FileHost & { reads: string[] } {
  const reads: string[] = [];
  const kindOf = (path: string): EntryKind | undefined => {
    const entry = tree[path];
    if (entry === undefined) {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      return Object.keys(tree).some((key) => key.startsWith(prefix)) ? 'directory' : undefined;
    }
    if (typeof entry === 'string') return 'file';
    return 'link' in entry ? 'symlink' : 'other';
  };
  return {
    reads,
    async readDirectory(dir) {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const names = new Set<string>();
      for (const key of Object.keys(tree))
        if (key.startsWith(prefix)) names.add(key.slice(prefix.length).split('/')[0]!);
      return [...names].map((name): DirectoryEntry => ({ name, kind: kindOf(`${prefix}${name}`)! }));
    },
    async kind(path) {
      return kindOf(path);
    },
    async readFile(path) {
      const entry = tree[path];
      if (typeof entry !== 'string')
        throw Object.assign(new Error(`cannot read ${path}`), { code: entry ? 'ENOTREG' : 'ENOENT' });
      reads.push(path);
      return entry;
    },
  };
}
