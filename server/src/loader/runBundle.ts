import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileWithCache, type CodeCacheState } from './codeCache';
import { CODE_IS_WARM } from './warm';

/**
 * Where the code cache lives: AGENTDOC_CODE_CACHE_DIR when it is an absolute path (the VS Code client
 * passes its global storage; the tests and the bench a temporary folder; anything else, such as
 * `off`, turns the cache off), else the user's cache folder ($XDG_CACHE_HOME/agentdoc,
 * ~/.cache/agentdoc, %LOCALAPPDATA%\agentdoc). Never the workspace: a relative path is refused.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.AGENTDOC_CODE_CACHE_DIR;
  if (chosen !== undefined) return path.isAbsolute(chosen) ? path.join(chosen) : undefined;
  try {
    if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'agentdoc');
    if (process.platform === 'win32' && env.LOCALAPPDATA && path.isAbsolute(env.LOCALAPPDATA))
      return path.join(env.LOCALAPPDATA, 'agentdoc', 'cache');
    const home = os.homedir();
    return path.isAbsolute(home) ? path.join(home, '.cache', 'agentdoc') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs a CommonJS bundle as `require` would (same module object, `require`, `__filename` and
 * `__dirname`), but compiled through a V8 code cache. The bundle says when its code is warm (after
 * the server's first check) through `codeIsWarm()`, or, with `saveAtExit` (the CLI), at
 * process exit; the cache is written then, so it holds the functions compiled lazily by that work,
 * not only the top level.
 */
export function runBundle(bundle: string, bundleHash: string, parent: NodeJS.Module, saveAtExit = false): void {
  const cacheDir = codeCacheDir();
  const source = fs.readFileSync(bundle, 'utf8');
  const { script, state, save } = compileWithCache({ bundle, bundleHash, cacheDir }, source);
  const report = Boolean(process.env.AGENTDOC_CODE_CACHE_REPORT);
  const warm = () => {
    let written = false;
    try {
      written = save();
    } catch {
      // Never a reason to stop: the next start compiles without a cache, as now.
    }
    if (report && written) reportState(bundle, 'written');
  };
  (globalThis as Record<symbol, unknown>)[CODE_IS_WARM] = warm;
  // A command-line run is warm when it ends (all synchronous: 'exit' handlers cannot wait).
  if (saveAtExit) process.once('exit', warm);
  if (report) reportState(bundle, state);

  const module = new Module(bundle, parent);
  module.filename = bundle;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
    path.dirname(bundle),
  );
  const requireFromBundle = Module.createRequire(bundle);
  // The bundle stands in for the loader: `require.main === module` (the CLI's "am I the program?") holds.
  if (requireFromBundle.main === parent) requireFromBundle.main = module;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, requireFromBundle, module, bundle, path.dirname(bundle));
  module.loaded = true;
}

/** One line on stderr (the tests and the bench ask for it): what the cache did. */
function reportState(bundle: string, state: CodeCacheState | 'written'): void {
  process.stderr.write(`agentdoc code cache: ${path.basename(bundle)} ${state}\n`);
}
