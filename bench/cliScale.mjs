// `node bench/cliScale.mjs [--files N] [--formats text,json,...] [--cli path/to/cli.js]`: the CLI over
// a large tree (default 50,000 files, copies of the examples with unique ids), once per output
// format, with each run's peak RSS, wall time and output size. The tree is generated once under
// the OS temp folder and reused. --cli measures another build (e.g. an older commit's dist/cli.js).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const FILES = Number(option('files', '50000'));
const FORMATS = option('formats', 'text,json,sarif,markdown,github').split(',');
const CLI = path.resolve(option('cli', path.join(ROOT, 'dist', 'cli.js')));
const TREE = path.join(os.tmpdir(), `agentdoc-scale-${FILES}`);

function generateTree() {
  if (fs.existsSync(path.join(TREE, '.complete'))) return;
  fs.rmSync(TREE, { recursive: true, force: true });
  const examples = fs
    .readdirSync(path.join(ROOT, 'examples'))
    .filter((name) => name.endsWith('.agentdoc.md'))
    .sort()
    .map((name) => fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8'));
  for (let index = 0; index < FILES; index++) {
    const folder = path.join(TREE, `team-${String(Math.floor(index / 500)).padStart(3, '0')}`);
    if (index % 500 === 0) fs.mkdirSync(folder, { recursive: true });
    const name = `agent-${String(index).padStart(6, '0')}`;
    const text = examples[index % examples.length].replace(/^id: .*$/m, `id: ${name}`);
    // *.agent.md with the agentdoc marker: read by every version of the CLI, old and new.
    fs.writeFileSync(path.join(folder, `${name}.agent.md`), text);
  }
  fs.writeFileSync(path.join(TREE, '.complete'), '');
}

/** Runs the CLI under /usr/bin/time -v (peak RSS of the process, workers included); output to a file. */
function measure(format) {
  const out = path.join(os.tmpdir(), `agentdoc-scale-out.${format}`);
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(
      '/usr/bin/time',
      ['-v', process.execPath, CLI, 'check', '.', '--format', format, '--today', '2026-11-23'],
      { cwd: TREE, stdio: ['ignore', fs.openSync(out, 'w'), 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN);
      const crash = /RangeError[^\n]*|heap out of memory|internal error[^\n]*/.exec(stderr)?.[0];
      const bytes = fs.statSync(out).size;
      fs.rmSync(out, { force: true });
      resolve({ format, code, seconds, peakMb: Math.round(peakKb / 1024), outputMb: bytes / 1024 / 1024, crash });
    });
  });
}

generateTree();
console.log(`agentdoc check over ${FILES} files (${TREE}) with ${CLI}`);
console.log('format    exit  peak RSS   time     output    note');
for (const format of FORMATS) {
  const row = await measure(format);
  console.log(
    `${row.format.padEnd(9)} ${String(row.code).padEnd(5)} ${`${row.peakMb} MB`.padEnd(10)} ${`${row.seconds.toFixed(0)} s`.padEnd(8)} ${`${row.outputMb.toFixed(0)} MB`.padEnd(9)} ${row.crash ?? ''}`,
  );
}
