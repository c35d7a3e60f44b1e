import { CONFIG_FILE_NAMES } from './types';

/**
 * The config that applies to a file: in the file's folder, then each parent up to `stopAt` (or the
 * file system root), the first folder holding one of CONFIG_FILE_NAMES wins, .yaml before .yml
 * before .json. No merging across folders: the nearest config is the whole config.
 * Pure: paths are '/'-separated absolute strings and `exists` is injected (fs in the CLI, the
 * workspace in the server). Returns undefined when no config is found.
 */
export function findConfigPath(
  fileDir: string,
  exists: (path: string) => boolean,
  stopAt?: string,
): string | undefined {
  let dir: string | undefined = normalise(fileDir);
  const stop = stopAt === undefined ? undefined : normalise(stopAt);
  while (dir !== undefined) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
      if (exists(candidate)) return candidate;
    }
    if (dir === stop) return undefined;
    dir = parentOf(dir);
  }
  return undefined;
}

function parentOf(dir: string): string | undefined {
  if (dir.endsWith('/')) return undefined; // "/" or "C:/": the root
  const slash = dir.lastIndexOf('/');
  if (slash < 0) return undefined;
  return slash === 0 || /^[A-Za-z]:$/.test(dir.slice(0, slash)) ? dir.slice(0, slash + 1) : dir.slice(0, slash);
}

function normalise(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  if (slashed === '/' || /^[A-Za-z]:\/$/.test(slashed)) return slashed;
  return slashed.endsWith('/') ? slashed.slice(0, -1) : slashed;
}
