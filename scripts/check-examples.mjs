// `npm run check-examples`: what a new user sees first. A short summary per example (its verdict and
// counts, and what it is there to show), then the findings exactly as `agentdoc check` prints them.
// Exits 0 when the examples behave as they should (complete has no findings, the broken ones have
// errors) and 1 when they do not, so a regression is not mistaken for the intended errors.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
// The examples are judged as of a fixed day, so date rules (reviews due, dated obligations) give the
// same verdict on every day this runs; the tests pin the same day.
const TODAY = ['--today', '2026-11-23'];

/** What each example is for, keyed by file name. */
const PURPOSE = {
  'complete.agentdoc.md': 'in production, nothing missing: the model to copy',
  'pilot.agentdoc.md': 'a pilot: ready for its stage, warnings say what shadow needs',
  'broken.agentdoc.md': 'broken on purpose: YAML error, missing sections',
  'broken-schema.agentdoc.md': 'broken on purpose: front-matter values of the wrong kind',
};

const json = spawnSync(process.execPath, [cli, 'check', 'examples', '--format', 'json', ...TODAY], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (json.status !== 0 && json.status !== 1) {
  process.stderr.write(json.stderr);
  console.error(`agentdoc check exited with ${json.status}: see the message above.`);
  process.exit(1);
}
const files = JSON.parse(json.stdout).files;

// The same words as `agentdoc check` and the editor: later-stage findings are hints (LSP Hint).
const WORDS = [
  ['error', 'error', 'errors'],
  ['warning', 'warning', 'warnings'],
  ['information', 'info', 'info'],
  ['hint', 'hint', 'hints'],
];

function counts(findings) {
  const by = (severity) => findings.filter((finding) => finding.severity === severity).length;
  if (findings.length === 0) return 'no findings';
  return WORDS.filter(([severity]) => by(severity) > 0)
    .map(([severity, one, many]) => `${by(severity)} ${by(severity) === 1 ? one : many}`)
    .join(', ');
}

const rows = files.map((file) => [
  path.basename(file.path),
  file.readiness.verdict,
  counts(file.findings),
  PURPOSE[path.basename(file.path)] ?? '',
]);
const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
console.log(`agentdoc checked the ${files.length} example documents in examples/:\n`);
for (const row of rows) console.log('  ' + row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('   '));
console.log('\nTheir findings, as `npx agentdoc check examples` prints them:\n');

spawnSync(process.execPath, [cli, 'check', 'examples', ...TODAY], { cwd: root, stdio: 'inherit' });

const errors = (name) =>
  files.find((file) => path.basename(file.path) === name)?.findings.filter((f) => f.severity === 'error').length;
const asIntended =
  errors('complete.agentdoc.md') === 0 && errors('broken.agentdoc.md') > 0 && errors('broken-schema.agentdoc.md') > 0;
console.log(
  asIntended
    ? '\nAs intended: the broken examples have errors on purpose; complete.agentdoc.md has none.'
    : '\nNot as intended: complete.agentdoc.md should have no errors and the broken examples some.',
);
process.exitCode = asIntended ? 0 : 1;
