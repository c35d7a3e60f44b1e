// The npm package as a user gets it: `npm pack` (its prepack script builds the production bundles),
// then the tarball installed into an empty project, offline. Done once per test run and shared.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './fixtures';

export interface PackedPackage {
  /** The project folder the tarball is installed in. */
  project: string;
  /** node_modules/.bin of that project: `agentdoc` is there. */
  bin: string;
  files: string[];
  /** Bytes of the .tgz and of its contents. */
  size: number;
  unpackedSize: number;
}

/**
 * The environment of a user's shell: no npm_* variables from an outer `npm test` (the user agent, the
 * cache, a dry-run flag…) and no node_modules/.bin of this repository on PATH.
 */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^(npm_|init_cwd$|node$)/i.test(key) && value !== undefined) env[key] = value;
  env['PATH'] = (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .filter((dir) => !/node_modules[\\/]\.bin[\\/]?$|node-gyp-bin[\\/]?$/.test(dir))
    .join(path.delimiter);
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: userEnv(), encoding: 'utf8', timeout: 240000 });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

let packed: PackedPackage | undefined;

export function packAndInstall(): PackedPackage {
  if (packed) return packed;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-pack-'));
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', root], REPO_ROOT).stdout) as Array<{
    filename: string;
    size: number;
    unpackedSize: number;
    files: Array<{ path: string }>;
  }>;
  const project = path.join(root, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "uses-agentdoc", "private": true }\n');
  // --offline: the package must need nothing from the registry (no runtime dependencies).
  run(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', path.join(root, info!.filename)],
    project,
  );
  packed = {
    project,
    bin: path.join(project, 'node_modules', '.bin'),
    files: info!.files.map((file) => file.path).sort(),
    size: info!.size,
    unpackedSize: info!.unpackedSize,
  };
  process.once('exit', () => fs.rmSync(root, { recursive: true, force: true }));
  return packed;
}
