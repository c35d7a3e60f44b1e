import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './fixtures';

/**
 * The bundled build under test: dist/ here, or AGENTDOC_DIST (another checkout's dist/), so the
 * CLI and protocol regression tests can be run against an older commit to see them fail there.
 */
export const DIST = process.env['AGENTDOC_DIST']
  ? path.resolve(process.env['AGENTDOC_DIST'])
  : path.join(REPO_ROOT, 'dist');
export const CLI = path.join(DIST, 'cli.js');

/**
 * The bundles' V8 code cache (the dist/*.js loaders, server/src/loader/) for every server and CLI
 * process the tests start: a folder under the OS temp dir shared by test runs, never the user's own
 * cache. Set in this process's environment, which the children inherit, unless the caller chose one.
 */
export const TEST_CODE_CACHE_DIR = path.join(os.tmpdir(), 'agentdoc-test-code-cache');
process.env['AGENTDOC_CODE_CACHE_DIR'] ??= TEST_CODE_CACHE_DIR;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI as CI would: a child process, no TTY, NO_COLOR unset. */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string } = {},
): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env || !('NO_COLOR' in options.env)) delete env['NO_COLOR'];
  // English unless a test asks for a language: the golden files must not follow the machine's locale.
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE'])
    if (!options.env || !(name in options.env)) delete env[name];
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env,
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 180000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder under the OS temp dir, with `files` written into it (paths relative, '/'-separated). */
export function tempTree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-cli-'));
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(root, ...name.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
  return root;
}

export function removeTree(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/**
 * The files complete.agentdoc.md links to (its evidence) and names (its agent files: the MCP
 * configuration and the prompt file), as tempTree entries (under `prefix`).
 */
export function exampleEvidence(prefix = ''): Record<string, string> {
  const dir = path.join(REPO_ROOT, 'examples', 'evidence');
  return {
    ...Object.fromEntries(
      fs.readdirSync(dir).map((name) => [`${prefix}evidence/${name}`, fs.readFileSync(path.join(dir, name), 'utf8')]),
    ),
    ...exampleAgentFiles(prefix),
  };
}

/** The agent files complete.agentdoc.md names, as tempTree entries (under `prefix`). */
export function exampleAgentFiles(prefix = ''): Record<string, string> {
  return Object.fromEntries(
    ['.vscode/mcp.json', 'prompts/ap-invoice-triage.prompt.md'].map((name) => [
      `${prefix}${name}`,
      fs.readFileSync(path.join(REPO_ROOT, 'examples', ...name.split('/')), 'utf8'),
    ]),
  );
}

export function example(name: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');
}
