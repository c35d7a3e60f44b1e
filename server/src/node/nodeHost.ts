import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DirectoryEntry, EntryKind, FileHost } from '../engine';

/** Files larger than this are not read into memory; the engine reports them instead of checking them. */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

/** The engine's '/'-separated absolute path from a native one ("C:\\repo" → "C:/repo"). */
export function toEnginePath(native: string): string {
  const absolute = path.resolve(native);
  return path.sep === '\\' ? absolute.replace(/\\/g, '/') : absolute;
}

/** A native path from the engine's form. */
export function toNativePath(enginePath: string): string {
  return path.sep === '\\' ? enginePath.replace(/\//g, '\\') : enginePath;
}

function kindOf(stats: fs.Stats | fs.Dirent): EntryKind {
  if (stats.isSymbolicLink()) return 'symlink';
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'directory';
  return 'other';
}

/**
 * The engine's file access on Node.js. Links are reported, never followed (lstat, Dirent types).
 * A file is opened non-blocking and checked to still be a regular file before it is read, so a FIFO
 * swapped in after the walk cannot block the thread pool.
 */
/**
 * readFile with the same guards, blocking: for the CLI's worker threads, which have nothing else
 * to do meanwhile, and where four thread-pool round trips per file (open, stat, read, close) cost
 * more than the read.
 */
export function readFileBlocking(file: string): string {
  const fd = fs.openSync(
    toNativePath(file),
    fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0),
  );
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    if (stats.size > MAX_READ_BYTES)
      throw Object.assign(new Error(`larger than ${MAX_READ_BYTES / 1024 / 1024} MB`), { code: 'EFBIG' });
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

export const nodeHost: FileHost = {
  async readDirectory(dir) {
    try {
      const entries = await fs.promises.readdir(toNativePath(dir), { withFileTypes: true });
      return entries.map((entry): DirectoryEntry => ({ name: entry.name, kind: kindOf(entry) }));
    } catch {
      return [];
    }
  },
  async kind(file) {
    try {
      return kindOf(await fs.promises.lstat(toNativePath(file)));
    } catch {
      return undefined;
    }
  },
  async readFile(file) {
    const handle = await fs.promises.open(
      toNativePath(file),
      fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0),
    );
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
      if (stats.size > MAX_READ_BYTES)
        throw Object.assign(new Error(`larger than ${MAX_READ_BYTES / 1024 / 1024} MB`), { code: 'EFBIG' });
      return await handle.readFile({ encoding: 'utf8' });
    } finally {
      await handle.close();
    }
  },
};
