// `npm run soak [-- --edits N --lines L --seed S --server dist/server.js]`: N random edits (default
// 5,000) of a generated L-line agent document (default 2,000) through the protocol against the
// bundled server, each answered before the next (debounce 0, a documentSymbol request after every
// edit), with a second document opened and closed now and then. The server's heap after a full GC
// and its RSS are sampled throughout; at the end its diagnostics for the final text are compared
// with a fresh `agentdoc check` of the same text. Prints the figures; exits 1 when the diagnostics
// differ or the heap grew (last quarter's mean over the first quarter's, past 1.1× + 2 MB).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadBenchLib } from './bundle.mjs';
import { BenchLspClient } from './lsp.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const EDITS = Number(option('edits', '5000'));
const LINES = Number(option('lines', '2000'));
const SEED = Number(option('seed', '7'));
const SERVER = path.resolve(option('server', path.join(ROOT, 'dist', 'server.js')));
const CLI = path.resolve(option('cli', path.join(path.dirname(SERVER), 'cli.js')));
const SAMPLES = 40;

const lib = await loadBenchLib(ROOT, path.join(ROOT, 'bench-results', '.build'));
const random = lib.createRandom(SEED);
const int = (low, high) => low + Math.floor(random() * (high - low + 1));
const pick = (items) => items[Math.floor(random() * items.length)];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-soak-'));
// *.agent.md with the agentdoc marker: an agent document for every version, old and new (--server).
const file = path.join(dir, 'soak.agent.md');
const uri = pathToFileURL(file).toString();
const original = lib.generateAgentDoc({ lines: LINES, seed: SEED });
let text = original;

/** Text typed at random: words, Markdown and YAML punctuation, line breaks, non-ASCII. */
const PIECES = [
  'a',
  'e',
  't',
  ' ',
  ' ',
  '\n',
  '|',
  '#',
  '-',
  ':',
  '`',
  '*',
  '[',
  ']',
  '(',
  ')',
  '0',
  '9',
  '%',
  'é',
  '🚀',
  'TODO',
  'owner',
  ' | ',
  '\n## ',
  '\n- ',
  'id: x\n',
];
function randomText() {
  let out = '';
  for (let i = int(1, 12); i > 0; i--) out += pick(PIECES);
  return out;
}

function positionAt(offset) {
  let line = 0;
  let start = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    start = at + 1;
  }
  return { line, character: offset - start };
}

/** One random edit applied to `text`; returns the LSP change. Keeps the size near the original's. */
function randomEdit() {
  const grow = text.length < original.length * 0.8 ? 0.8 : text.length > original.length * 1.2 ? 0.2 : 0.5;
  const offset = int(0, text.length);
  // Never split a surrogate pair: an editor would not.
  const safe = (at) => (/[\udc00-\udfff]/.test(text[at] ?? '') ? at - 1 : at);
  const start = safe(offset);
  const end = random() < grow ? start : safe(Math.min(text.length, start + int(1, 40)));
  const inserted = end === start || random() < 0.3 ? randomText() : '';
  const range = { start: positionAt(start), end: positionAt(end) };
  text = text.slice(0, start) + inserted + text.slice(end);
  return { range, text: inserted };
}

const memoryLines = [];
const client = new BenchLspClient(['--expose-gc', '-r', path.join(ROOT, 'bench', 'soakProbe.cjs'), SERVER, '--stdio'], {
  configuration: (section) => (section === 'agentdoc' ? { debounceMs: 0 } : null),
});
client.process.stderr.on('data', (chunk) => {
  for (const line of chunk.toString().split('\n'))
    if (line.startsWith('agentdoc-soak-memory ')) memoryLines.push(JSON.parse(line.slice(21)));
});
async function sample(edit) {
  const count = memoryLines.length;
  client.process.kill('SIGUSR2');
  const deadline = Date.now() + 30000;
  while (memoryLines.length === count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const memory = memoryLines[memoryLines.length - 1];
  return { edit, heapMB: memory.heapUsed / 2 ** 20, rssMB: memory.rss / 2 ** 20 };
}

fs.writeFileSync(file, original);
await client.initialize([{ uri: pathToFileURL(dir).toString(), name: 'soak' }]);
await client.open(uri, text);
await client.request('textDocument/documentSymbol', { textDocument: { uri } });
const samples = [await sample(0)];
const started = performance.now();
let version = 1;
for (let edit = 1; edit <= EDITS; edit++) {
  const change = randomEdit();
  await client.change(uri, ++version, change.range, change.text);
  await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  if (edit % 500 === 0) {
    // Another document comes and goes: the server's per-document state must go with it.
    const other = `${pathToFileURL(dir).toString()}/other-${edit}.agent.md`;
    await client.open(other, original.replace(/^id: .*$/m, `id: other-${edit}`));
    await client.request('textDocument/documentSymbol', { textDocument: { uri: other } });
    await client.notify('textDocument/didClose', { textDocument: { uri: other } });
  }
  if (edit % Math.max(1, Math.floor(EDITS / SAMPLES)) === 0) samples.push(await sample(edit));
}
const seconds = (performance.now() - started) / 1000;

// The final diagnostics against a fresh CLI check of the same text.
await client.request('textDocument/documentSymbol', { textDocument: { uri } });
await new Promise((resolve) => setTimeout(resolve, 500));
const published = client.published.get(uri)?.params.diagnostics ?? [];
fs.writeFileSync(file, text);
const cli = spawnSync(process.execPath, [CLI, 'check', file, '--format', 'json'], {
  encoding: 'utf8',
  maxBuffer: 2 ** 28,
});
const key = (finding) =>
  `${finding.start.line}:${finding.start.character}-${finding.end.line}:${finding.end.character} ${finding.code} ${finding.severity} ${finding.message}`;
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
const fromServer = published
  .map((d) => key({ ...d.range, code: d.code, severity: SEVERITY[d.severity], message: d.message }))
  .sort();
const fromCli = (JSON.parse(cli.stdout).files[0]?.findings ?? [])
  .map((f) => key({ ...f.range, code: f.rule, severity: f.severity, message: f.message }))
  .sort();
const same = JSON.stringify(fromServer) === JSON.stringify(fromCli);
await client.close();
fs.rmSync(dir, { recursive: true, force: true });

const quarter = Math.max(1, Math.floor(samples.length / 4));
const mean = (list, field) => list.reduce((sum, item) => sum + item[field], 0) / list.length;
const early = samples.slice(1, 1 + quarter);
const late = samples.slice(-quarter);
// Caches fill during the first quarter; after that the heap must stay within 10% + 2 MB of it.
const flat = mean(late, 'heapMB') <= mean(early, 'heapMB') * 1.1 + 2;
console.log(`soak: ${EDITS} random edits of a ${original.split('\n').length}-line document through ${SERVER}`);
console.log(
  `  ${seconds.toFixed(0)} s, ${((seconds * 1000) / EDITS).toFixed(1)} ms per edit (edit → analysis → documentSymbol)`,
);
console.log('  edit     heap after GC   RSS');
for (const { edit, heapMB, rssMB } of samples)
  console.log(
    `  ${String(edit).padStart(6)}   ${heapMB.toFixed(1).padStart(8)} MB   ${rssMB.toFixed(0).padStart(5)} MB`,
  );
console.log(
  `  heap after GC: start ${samples[0].heapMB.toFixed(1)} MB, first quarter ${mean(early, 'heapMB').toFixed(1)} MB, last quarter ${mean(late, 'heapMB').toFixed(1)} MB, end ${samples[samples.length - 1].heapMB.toFixed(1)} MB: ${flat ? 'flat' : 'GROWS'}`,
);
console.log(
  `  RSS: start ${samples[0].rssMB.toFixed(0)} MB, max ${Math.max(...samples.map((s) => s.rssMB)).toFixed(0)} MB, end ${samples[samples.length - 1].rssMB.toFixed(0)} MB`,
);
console.log(
  `  final diagnostics: ${fromServer.length} from the server, ${fromCli.length} from agentdoc check: ${same ? 'identical' : 'DIFFERENT'}`,
);
if (!same) {
  const server = new Set(fromServer);
  const checked = new Set(fromCli);
  for (const line of fromServer.filter((entry) => !checked.has(entry)).slice(0, 10))
    console.log(`    server only: ${line}`);
  for (const line of fromCli.filter((entry) => !server.has(entry)).slice(0, 10))
    console.log(`    CLI only:    ${line}`);
}
process.exitCode = same && flat ? 0 : 1;
