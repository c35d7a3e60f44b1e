// Runs every suite `npm test` promises and ends with one "N passed, N failed" line summing them:
// first the set-up (scripts/e2e-setup.sh: Debian packages, Node 24 and code-server in .e2e/, each step
// skipped when already there), then lint, mocha unit, CLI, package and protocol tests, then the real-editor
// tests in code-server.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const totals = { passed: 0, failed: 0 };
const only = process.env.AGENTDOC_TEST_ONLY; // e.g. "unit" while iterating; CI runs everything

function findTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.test.js'))
    .map((file) => path.join(dir, file))
    .sort();
}

async function runMocha() {
  const mocha = new Mocha({ reporter: 'spec', timeout: 30000 });
  for (const file of [
    ...findTests('out/test/unit'),
    ...findTests('out/test/cli'),
    ...findTests('out/test/protocol'),
    ...findTests('out/test/robustness'),
  ])
    mocha.addFile(path.resolve(file));
  await new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('end', () => {
      totals.passed += runner.stats?.passes ?? 0;
      totals.failed += runner.stats?.failures ?? 0;
    });
  });
}

/**
 * Runs a suite in a child process, echoing its output. Its own closing "N passed, N failed" line,
 * when it prints one, counts its tests; otherwise the suite counts as one test by its exit code.
 */
function runScript(name, command, args) {
  console.log(`\n== ${name}`);
  const result = spawnSync(command, args, {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: process.env,
    maxBuffer: 512 * 1024 * 1024,
  });
  const output = result.stdout?.toString() ?? '';
  process.stdout.write(output);
  const summary = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
  if (summary) {
    totals.passed += Number(summary[1]);
    totals.failed += Number(summary[2]);
  }
  if (result.status !== 0 && (!summary || Number(summary[2]) === 0)) totals.failed++;
  else if (!summary) totals.passed++;
}

/** The set-up is not a test: it counts only when it fails, and then nothing that needs it can pass. */
function runSetup(args) {
  console.log(`== set-up: scripts/e2e-setup.sh ${args.join(' ')}`);
  const result = spawnSync('bash', ['scripts/e2e-setup.sh', ...args], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) totals.failed++;
  return result.status === 0;
}

const withEditor = !only || only === 'e2e';
const ready = runSetup(withEditor ? [] : ['--system-only']);
runScript('lint (eslint, prettier)', 'npm', ['run', 'lint', '--silent']);
await runMocha();
if (withEditor && ready) {
  runScript('package the extension (vsix)', 'npm', ['run', 'package', '--silent']);
  process.env.E2E_SKIP_SETUP = '1'; // done above
  runScript('real VS Code (code-server): UI and extension-host tests', 'bash', [
    'test/e2e/run-all.sh',
    path.join(root, 'agentdoc.vsix'),
  ]);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed === 0 && totals.passed > 0 ? 0 : 1;
