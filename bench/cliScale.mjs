// `node bench/cliScale.mjs [--files N] [--formats text,json,...] [--cli path/to/cli.js]`: the CLI over
// a large tree (default 50,000 files, copies of the examples with unique ids), once per output
// format, with each run's peak RSS, wall time, CPU time (all threads) and output size. The tree is
// generated once under the OS temp folder (outside the repository) and reused. --cli measures
// another build (e.g. an older commit's dist/cli.js). `npm run bench -- --scale` runs the same
// measure as an opt-in section of the suite (it takes minutes per format).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCALE_FORMATS = ['text', 'json', 'sarif', 'markdown', 'github', 'junit', 'gitlab'];

/** The generated tree of `files` documents; written once, reused while its `.complete` marker is there. */
export function scaleTree(files) {
  const tree = path.join(os.tmpdir(), `agentdoc-scale-${files}`);
  if (fs.existsSync(path.join(tree, '.complete'))) return tree;
  fs.rmSync(tree, { recursive: true, force: true });
  const examples = fs
    .readdirSync(path.join(ROOT, 'examples'))
    .filter((name) => name.endsWith('.agentdoc.md'))
    .sort()
    .map((name) => fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8'));
  for (let index = 0; index < files; index++) {
    const folder = path.join(tree, `team-${String(Math.floor(index / 500)).padStart(3, '0')}`);
    if (index % 500 === 0) fs.mkdirSync(folder, { recursive: true });
    const name = `agent-${String(index).padStart(6, '0')}`;
    const text = examples[index % examples.length].replace(/^id: .*$/m, `id: ${name}`);
    // *.agent.md with the agentdoc marker: read by every version of the CLI, old and new.
    fs.writeFileSync(path.join(folder, `${name}.agent.md`), text);
  }
  fs.writeFileSync(path.join(tree, '.complete'), '');
  return tree;
}

/**
 * One CLI run over `tree` under /usr/bin/time -v: peak RSS of the process (workers included),
 * wall and CPU seconds (user + system, all threads), exit code, output size; output to a file.
 */
export function measureScale(cli, tree, format) {
  const out = path.join(os.tmpdir(), `agentdoc-scale-out-${process.pid}.${format}`);
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(
      '/usr/bin/time',
      ['-v', process.execPath, cli, 'check', '.', '--format', format, '--today', '2026-11-23'],
      { cwd: tree, stdio: ['ignore', fs.openSync(out, 'w'), 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const field = (name) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(stderr)?.[1] ?? NaN);
      const crash = /RangeError[^\n]*|heap out of memory|internal error[^\n]*/.exec(stderr)?.[0];
      const bytes = fs.statSync(out).size;
      fs.rmSync(out, { force: true });
      resolve({
        format,
        code,
        seconds: Math.round(seconds * 10) / 10,
        cpuSeconds: Math.round((field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 10) / 10,
        peakMb: Math.round(field('Maximum resident set size \\(kbytes\\)') / 1024),
        outputMb: Math.round((bytes / 1024 / 1024) * 10) / 10,
        ...(crash ? { crash } : {}),
      });
    });
  });
}

export function scaleRow(row) {
  return `${row.format.padEnd(9)} ${String(row.code).padEnd(5)} ${`${row.peakMb} MB`.padEnd(10)} ${`${row.seconds.toFixed(0)} s`.padEnd(8)} ${`${row.cpuSeconds.toFixed(0)} s`.padEnd(8)} ${`${row.outputMb.toFixed(0)} MB`.padEnd(9)} ${row.crash ?? ''}`;
}
export const SCALE_HEADER = 'format    exit  peak RSS   wall     CPU      output    note';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
  };
  const files = Number(option('files', '50000'));
  const formats = option('formats', SCALE_FORMATS.join(',')).split(',');
  const cli = path.resolve(option('cli', path.join(ROOT, 'dist', 'cli.js')));
  const tree = scaleTree(files);
  console.log(`agentdoc check over ${files} files (${tree}) with ${cli}`);
  console.log(SCALE_HEADER);
  for (const format of formats) console.log(scaleRow(await measureScale(cli, tree, format)));
}
