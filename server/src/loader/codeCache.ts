import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * A V8 code cache for one bundle: the bytecode of the functions a warm process has compiled, kept in
 * a per-user cache folder so the next start neither parses the bundle nor compiles those functions
 * again (a third of start-up and most of the first check's cost in a fresh process).
 *
 * The cache is untrusted input: any file that is missing, too large, not ours, or not what we wrote
 * (our own SHA-256 over the payload; V8 itself does not checksum code caches in release builds) is
 * ignored, and V8 rejects data made by another V8 or for another source. Nothing here may stop the
 * program: every failure falls back to compiling the source as `require` would.
 */

/** File header: a magic number with a format version, then the SHA-256 of the V8 data after it. */
const MAGIC = Buffer.from('ADV8CC01', 'latin1');
const HEADER_BYTES = MAGIC.length + 32;
/** Larger than any cache a bundle of ours makes (a few MB); a bigger file is not read. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

export interface CodeCacheOptions {
  /** The bundle to run, as an absolute path. */
  bundle: string;
  /** Its content hash, written by the build next to the loader: part of the cache file's name. */
  bundleHash: string;
  /** The cache folder (absolute), or undefined for none. */
  cacheDir: string | undefined;
}

/** What happened to the cache, for the tests and the bench (AGENTDOC_CODE_CACHE_REPORT). */
export type CodeCacheState = 'none' | 'missing' | 'accepted' | 'rejected' | 'invalid';

/** The cache file for a bundle on this runtime: another Node, V8 or CPU gets its own. */
export function cacheFileFor(options: CodeCacheOptions): string | undefined {
  if (!options.cacheDir) return undefined;
  const name = path.basename(options.bundle, '.js');
  const runtime = `${process.version}-v8.${process.versions.v8}-${process.arch}`.replace(/[^\w.-]/g, '_');
  return path.join(options.cacheDir, `${name}-${options.bundleHash.slice(0, 16)}-${runtime}.v8cache`);
}

/** The V8 data in a cache file, or why there is none. */
export function readCache(file: string | undefined): { data?: Buffer; state: CodeCacheState } {
  if (!file) return { state: 'none' };
  let bytes: Buffer;
  try {
    const stat = fs.lstatSync(file);
    if (!stat.isFile() || stat.size > MAX_CACHE_BYTES || !ownedByUs(stat)) return { state: 'invalid' };
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { state: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'invalid' };
  }
  if (bytes.length <= HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { state: 'invalid' };
  const data = bytes.subarray(HEADER_BYTES);
  const digest = createHash('sha256').update(data).digest();
  if (!digest.equals(bytes.subarray(MAGIC.length, HEADER_BYTES))) return { state: 'invalid' };
  return { data, state: 'accepted' };
}

/**
 * Writes the cache atomically (a private temporary file renamed over the old one), in a folder only
 * the user can enter, and removes this bundle's caches for other builds on the same runtime.
 * Returns whether it was written; never throws.
 */
export function writeCache(file: string, data: Buffer): boolean {
  const dir = path.dirname(file);
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(dir);
    if (!stat.isDirectory() || !ownedByUs(stat)) return false;
    const digest = createHash('sha256').update(data).digest();
    const descriptor = fs.openSync(temporary, 'wx', 0o600);
    try {
      fs.writeSync(descriptor, Buffer.concat([MAGIC, digest, data]));
    } finally {
      fs.closeSync(descriptor);
    }
    fs.renameSync(temporary, file);
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing was written there (the folder could not be made).
    }
    return false;
  }
  removeOtherBuilds(file);
  return true;
}

/** Caches of older builds of the same bundle on the same runtime: dead weight once a new one is written. */
function removeOtherBuilds(file: string): void {
  const own = splitName(path.basename(file));
  if (!own) return;
  try {
    for (const entry of fs.readdirSync(path.dirname(file))) {
      const other = splitName(entry);
      if (other && other.name === own.name && other.runtime === own.runtime && other.hash !== own.hash)
        fs.rmSync(path.join(path.dirname(file), entry), { force: true });
    }
  } catch {
    // Only housekeeping.
  }
}

function splitName(entry: string): { name: string; hash: string; runtime: string } | undefined {
  const match = /^(.+)-([0-9a-f]{16})-(.+)\.v8cache$/.exec(entry);
  return match?.[1] && match[2] && match[3] ? { name: match[1], hash: match[2], runtime: match[3] } : undefined;
}

/** On POSIX, a cache file or folder someone else owns is not trusted (Windows has no uid here). */
function ownedByUs(stat: fs.Stats): boolean {
  return typeof process.getuid !== 'function' || stat.uid === process.getuid();
}

/**
 * Compiles the bundle (its text is the CommonJS function wrapper around the code: the build writes
 * it so) with the cache when there is a usable one, and returns the compiled script,
 * what happened to the cache, and `save`, which writes a cache of everything compiled so far (once,
 * and only when there was no usable cache).
 */
export function compileWithCache(
  options: CodeCacheOptions,
  source: string,
): { script: vm.Script; state: CodeCacheState; save: () => boolean } {
  const file = cacheFileFor(options);
  let { data, state } = readCache(file);
  let script: vm.Script;
  try {
    script = new vm.Script(source, { filename: options.bundle, ...(data ? { cachedData: data } : {}) });
  } catch (error) {
    // A syntax error is the source's own: it fails the same way without the cache.
    if (!data) throw error;
    data = undefined;
    state = 'invalid';
    script = new vm.Script(source, { filename: options.bundle });
  }
  if (data && script.cachedDataRejected) state = 'rejected';
  let saved = false;
  const save = (): boolean => {
    if (saved || !file || state === 'accepted' || state === 'none') return false;
    saved = true;
    let cached: Buffer;
    try {
      cached = script.createCachedData();
    } catch {
      return false;
    }
    return writeCache(file, cached);
  };
  return { script, state, save };
}
