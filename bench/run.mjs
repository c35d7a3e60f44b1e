#!/usr/bin/env node
// agentdoc benchmark suite: `npm run bench [-- --quick] [-- --json [file]] [-- --scale [--scale-files N]]`.
// Measures per-edit analysis in-process and through the protocol, cold start, memory, the CLI over
// a 1,000-document workspace, the parse floor and two peers (markdownlint, yaml-language-server),
// each as median and p95 after warm-up, and prints a table (and JSON with --json).
// Needs the bundles in dist/ (the npm script builds them first) and the devDependencies.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadBenchLib } from './bundle.mjs';
import { BenchLspClient } from './lsp.mjs';
import { measureScale, scaleRow, scaleTree, SCALE_FORMATS, SCALE_HEADER } from './cliScale.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
// Opt-in (it takes minutes per format): `agentdoc check` over a generated 50,000-document tree in every format.
const SCALE = args.includes('--scale');
const SCALE_FILES = Number(args[args.indexOf('--scale-files') + 1]) || 50_000;
const jsonIndex = args.indexOf('--json');
const JSON_OUT =
  jsonIndex < 0
    ? undefined
    : args[jsonIndex + 1] && !args[jsonIndex + 1].startsWith('--')
      ? args[jsonIndex + 1]
      : path.join('bench-results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
// Outside the repository: the CLI and the server honour .gitignore, which lists bench-results/.
const SCRATCH = path.join(os.tmpdir(), 'agentdoc-bench');
// Every process started here gets what the VS Code client gives the server (client/src/extension.ts):
// a code-cache folder of its own (here a scratch one, never the user's) and no NODE_EXTRA_CA_CERTS,
// which Node parses at every start (~80 ms CPU where it is set). Peers and the CLI get the same.
const CODE_CACHE_DIR = path.join(SCRATCH, 'code-cache');
process.env.AGENTDOC_CODE_CACHE_DIR = CODE_CACHE_DIR;
const EXTRA_CA_CERTS_WAS_SET = process.env.NODE_EXTRA_CA_CERTS !== undefined;
delete process.env.NODE_EXTRA_CA_CERTS;
const SERVER = path.join(ROOT, 'dist', 'server.js');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const DEFAULT_DEBOUNCE_MS = 150;
const YAML_LS_DELAY_MS = 200; // yaml-language-server's fixed validation delay (yamlSettings.validationDelayMs)
const WORKSPACE_DOCS = QUICK ? 200 : 1000;
const SIZES = [
  { name: '400', lines: 400, seed: 11 },
  { name: '2k', lines: 2000, seed: 12 },
  { name: '20k', lines: 20000, seed: 13 },
];
/** warm-up and measured runs per size and edit position (in-process). */
const RUNS = QUICK
  ? { 400: [5, 15], '2k': [3, 10], '20k': [1, 3] }
  : { 400: [30, 100], '2k': [15, 60], '20k': [4, 15] };

for (const file of [SERVER, CLI]) {
  if (!fs.existsSync(file)) {
    console.error(
      `${path.relative(ROOT, file)} is missing: run \`node scripts/build.mjs\` first (npm run bench does).`,
    );
    process.exit(2);
  }
}

// ---------------------------------------------------------------- helpers

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const round = (value) => Math.round(value * 100) / 100;
  return {
    n: sorted.length,
    median: round(at(0.5)),
    p95: round(at(0.95)),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
  };
}

const results = { measures: {}, ratios: {}, notes: [] };
function record(key, value) {
  results.measures[key] = value;
  return value;
}
function log(message) {
  process.stderr.write(`${message}\n`);
}
function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    loadavg: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** CPU time (user + system) of this process's finished children, in ms (getrusage RUSAGE_CHILDREN via /proc). */
function childrenCpuMs() {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

/** Positions of the four edits: start, middle and end of the body, and inside the front matter. */
function editPositions(text) {
  const lines = text.split('\n');
  const fmEnd = lines.indexOf('---', 1);
  const isProse = (line) => /^[A-Za-z*]/.test(line) && line.length > 20;
  let start = fmEnd + 1;
  while (!isProse(lines[start])) start++;
  let middle = Math.floor(lines.length / 2);
  for (let step = 0; !isProse(lines[middle]); step++) middle += step % 2 ? step : -step;
  let end = lines.length - 1;
  while (!isProse(lines[end])) end--;
  const frontMatter = lines.findIndex((line) => line.startsWith('name: '));
  return Object.fromEntries(
    Object.entries({ start, middle, end, frontMatter }).map(([key, line]) => [
      key,
      { line, character: lines[line].length },
    ]),
  );
}

function offsetOf(text, line) {
  let offset = 0;
  for (let index = 0; index < line; index++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}

/**
 * An edit sequence at one position: insert "x" at the end of the line, then delete it again, so
 * the text never drifts. Yields [text, range, newText] for each step.
 */
function* edits(text, position, count) {
  const at = offsetOf(text, position.line) + position.character;
  const inserted = `${text.slice(0, at)}x${text.slice(at)}`;
  for (let index = 0; index < count; index++) {
    if (index % 2 === 0) yield { text: inserted, range: { start: position, end: position }, newText: 'x' };
    else
      yield {
        text,
        range: { start: position, end: { line: position.line, character: position.character + 1 } },
        newText: '',
      };
  }
}

// ---------------------------------------------------------------- documents

log(`agentdoc bench${QUICK ? ' (quick)' : ''}: generating documents…`);
fs.rmSync(SCRATCH, { recursive: true, force: true });
fs.mkdirSync(SCRATCH, { recursive: true });
const lib = await loadBenchLib(ROOT, path.join(ROOT, 'bench-results', '.build'));
const docs = {};
for (const size of SIZES) {
  const text = lib.generateAgentDoc({ lines: size.lines, seed: size.seed });
  const file = path.join(SCRATCH, `bench-${size.name}.agentdoc.md`);
  fs.writeFileSync(file, text);
  docs[size.name] = {
    text,
    file,
    uri: pathToFileURL(file).toString(),
    lines: text.split('\n').length,
    bytes: Buffer.byteLength(text),
    positions: editPositions(text),
  };
}
const workspaceDir = path.join(SCRATCH, `workspace-${WORKSPACE_DOCS}`);
fs.mkdirSync(workspaceDir, { recursive: true });
for (let index = 0; index < WORKSPACE_DOCS; index++) {
  const text = lib
    .generateAgentDoc({ lines: 400, seed: 1000 + index })
    .replace(/^id: .*$/m, `id: bench-agent-${String(index).padStart(4, '0')}`);
  const folder = path.join(workspaceDir, `team-${String(index % 20).padStart(2, '0')}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, `agent-${String(index).padStart(4, '0')}.agentdoc.md`), text);
}
results.documents = Object.fromEntries(
  Object.entries(docs).map(([name, doc]) => [
    name,
    {
      lines: doc.lines,
      bytes: doc.bytes,
      editLines: Object.fromEntries(Object.entries(doc.positions).map(([key, value]) => [key, value.line + 1])),
    },
  ]),
);
results.documents.workspace = { docs: WORKSPACE_DOCS, linesEach: 400 };
results.machineAtStart = { ...machine(), nodeExtraCaCertsRemoved: EXTRA_CA_CERTS_WAS_SET };
log(
  `  machine: ${results.machineAtStart.cpus} × ${results.machineAtStart.cpuModel}, node ${process.version}, load ${results.machineAtStart.loadavg.join(' ')}`,
);

// Findings on the generated docs (they should be valid: few or none).
for (const [name, doc] of Object.entries(docs)) {
  const { findings } = lib.analyze(doc.text);
  results.documents[name].findings = findings.length;
  results.documents[name].errors = findings.filter((finding) => finding.severity === 'error').length;
}

// ---------------------------------------------------------------- 1. per-edit analysis in-process

log('1. per-edit analysis in-process…');
// As the language server checks an open document while it is typed (rule results reused).
const EDITING = { reuseRuleResults: true };
for (const size of SIZES) {
  const doc = docs[size.name];
  const [warmup, runs] = RUNS[size.name];
  const all = [];
  for (const [where, position] of Object.entries(doc.positions)) {
    const samples = [];
    let index = 0;
    for (const step of edits(doc.text, position, warmup + runs)) {
      const started = performance.now();
      lib.analyze(step.text, EDITING);
      const elapsed = performance.now() - started;
      if (index++ >= warmup) samples.push(elapsed);
    }
    all.push(...samples);
    record(`edit.inprocess.${size.name}.${where}`, stats(samples));
  }
  record(`edit.inprocess.${size.name}.all`, stats(all));
  // Typing: each analysis sees a new text (a character more, a new line every tenth), so no
  // piece or section is found in the cache just because the text alternates between two versions.
  const typing = [];
  for (const position of Object.values(doc.positions)) {
    const at = offsetOf(doc.text, position.line) + position.character;
    let typed = '';
    for (let index = 0; index < warmup + runs; index++) {
      typed += index % 10 === 9 && position !== doc.positions.frontMatter ? '\n' : 'abcdefghi'[index % 9];
      const text = doc.text.slice(0, at) + typed + doc.text.slice(at);
      const started = performance.now();
      lib.analyze(text, EDITING);
      const elapsed = performance.now() - started;
      if (index >= warmup) typing.push(elapsed);
    }
  }
  record(`edit.inprocess.${size.name}.typing`, stats(typing));
  log(
    `  ${size.name}: median ${stats(all).median} ms, p95 ${stats(all).p95} ms; typing: median ${stats(typing).median} ms, p95 ${stats(typing).p95} ms`,
  );
}

// ---------------------------------------------------------------- 6. floor and markdownlint, in-process

log('6. floor (markdown-it + yaml + ajv) and markdownlint…');
{
  const MarkdownIt = require('markdown-it');
  const YAML = require('yaml');
  const Ajv = require('ajv');
  const { lint } = await import('markdownlint/sync');
  const markdown = new MarkdownIt('commonmark').enable('table').disable(['inline', 'text_join']);
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, verbose: true, allowUnionTypes: true });
  const validate = ajv.compile(
    JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'frontmatter.schema.json'), 'utf8')),
  );
  const floor = (text) => {
    const end = text.indexOf('\n---', 4);
    const document = YAML.parseDocument(text.slice(4, end + 1), {
      lineCounter: new YAML.LineCounter(),
      prettyErrors: false,
      uniqueKeys: true,
      strict: true,
      logLevel: 'error',
    });
    const valid = validate(document.toJS());
    const tokens = markdown.parse(text.slice(end + 5), {});
    return valid && tokens.length > 0;
  };
  const markdownlint = (text) => lint({ strings: { doc: text } });
  for (const size of SIZES) {
    const doc = docs[size.name];
    const [warmup, runs] = RUNS[size.name];
    if (!floor(doc.text))
      results.notes.push(`floor: the ${size.name} document's front matter did not validate against the schema`);
    const lintCount = markdownlint(doc.text).doc.length;
    results.documents[size.name].markdownlintFindings = lintCount;
    const floorSamples = [];
    const lintSamples = [];
    // markdownlint is slow on big documents (seconds at 20k lines): fewer runs, spread over the positions.
    const lintRuns = { 400: QUICK ? 2 : 10, '2k': QUICK ? 2 : 5, '20k': QUICK ? 1 : 2 }[size.name];
    for (const position of Object.values(doc.positions)) {
      floorSamples.push(
        timeRunsList(warmup, runs, edits(doc.text, position, warmup + runs), (step) => floor(step.text)),
      );
      lintSamples.push(
        timeRunsList(1, lintRuns, edits(doc.text, position, 1 + lintRuns), (step) => markdownlint(step.text)),
      );
    }
    record(`floor.${size.name}`, stats(floorSamples.flat()));
    record(`peer.markdownlint.${size.name}`, stats(lintSamples.flat()));
    log(
      `  ${size.name}: floor median ${stats(floorSamples.flat()).median} ms, markdownlint median ${stats(lintSamples.flat()).median} ms`,
    );
  }
}
function timeRunsList(warmup, runs, sequence, work) {
  const samples = [];
  let index = 0;
  for (const step of sequence) {
    const started = performance.now();
    work(step);
    const elapsed = performance.now() - started;
    if (index++ >= warmup) samples.push(elapsed);
  }
  return samples.slice(0, runs);
}

// ---------------------------------------------------------------- 2. edit → diagnostics through the protocol

/** Opens a document, then times didChange → publishDiagnostics for edits cycling over the positions. */
async function protocolEdits(
  client,
  doc,
  uri,
  warmup,
  runs,
  mapPosition = (position) => position,
  languageId = 'markdown',
  onOpened = () => undefined,
) {
  await client.open(uri, doc.text, languageId, 1);
  await client.waitForDiagnostics(uri, 1);
  onOpened();
  const samples = [];
  let version = 1;
  const positions = Object.values(doc.positions).map(mapPosition);
  const perPosition = Math.ceil((warmup + runs) / positions.length);
  const steps = positions.flatMap((position) => [...edits(doc.text, position, perPosition + (perPosition % 2))]);
  let index = 0;
  for (const step of steps) {
    version++;
    const started = performance.now();
    await client.change(uri, version, step.range, step.newText);
    const { at } = await client.waitForDiagnostics(uri, version, started);
    if (index++ >= warmup) samples.push(at - started);
    await sleep(5);
  }
  return samples;
}

log('2. edit → diagnostics through the protocol…');
const protocolSizes = QUICK ? ['2k'] : ['2k', '20k'];
for (const name of protocolSizes) {
  const doc = docs[name];
  const [warmup, runs] = name === '20k' ? (QUICK ? [1, 4] : [3, 16]) : QUICK ? [4, 12] : [10, 60];
  // Debounce 0 through workspace/configuration: the protocol cost without the deliberate delay.
  const fast = new BenchLspClient([SERVER, '--stdio'], {
    configuration: (section) => (section === 'agentdoc' ? { debounceMs: 0 } : null),
  });
  await fast.initialize();
  let cpuBefore = 0;
  const edited = await protocolEdits(fast, doc, doc.uri, warmup, runs, undefined, undefined, () => {
    cpuBefore = fast.cpuMs();
  });
  // Server CPU per edit, warm-up edits included (the open and its code-cache write are not).
  const cpuPerEdit = round2((fast.cpuMs() - cpuBefore) / (edited.length + warmup));
  const noDebounce = stats(edited);
  await fast.close();
  record(`edit.protocol.${name}.debounce0`, { ...noDebounce, serverCpuMsPerEdit: cpuPerEdit });
  if (name === '2k' && !QUICK) {
    // The same once V8 has optimised the hot paths, as after a minute of typing: 100 edits first.
    const typist = new BenchLspClient([SERVER, '--stdio'], {
      configuration: (section) => (section === 'agentdoc' ? { debounceMs: 0 } : null),
    });
    await typist.initialize();
    const warm = stats(await protocolEdits(typist, doc, doc.uri, 100, runs));
    await typist.close();
    record(`edit.protocol.${name}.debounce0.after100`, warm);
    log(`  ${name}: debounce 0 after 100 edits: median ${warm.median} ms, p95 ${warm.p95} ms`);
  }
  // The default settings (a client without the configuration capability): debounce 150 ms.
  const plain = new BenchLspClient([SERVER, '--stdio']);
  await plain.initialize();
  const measured = stats(
    await protocolEdits(plain, doc, doc.uri, Math.min(warmup, 4), Math.max(4, Math.round(runs / 3))),
  );
  await plain.close();
  record(`edit.protocol.${name}.asMeasured`, { ...measured, debounceMs: DEFAULT_DEBOUNCE_MS });
  record(`edit.protocol.${name}.minusDebounce`, {
    median: round2(measured.median - DEFAULT_DEBOUNCE_MS),
    p95: round2(measured.p95 - DEFAULT_DEBOUNCE_MS),
    n: measured.n,
  });
  log(
    `  ${name}: debounce 0: median ${noDebounce.median} ms, p95 ${noDebounce.p95} ms; default (150 ms): median ${measured.median} ms, p95 ${measured.p95} ms`,
  );
}
function round2(value) {
  return Math.round(value * 100) / 100;
}

// ---------------------------------------------------------------- peer: yaml-language-server

log('   peer: yaml-language-server…');
{
  const YAML_LS = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const schemaPath = path.join(ROOT, 'schemas', 'frontmatter.schema.json');
  // The whole content as one YAML file: the front matter's keys, then the Markdown body as a block
  // scalar, validated against the front-matter schema extended by that one `body` property.
  const extended = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  extended.$id = 'https://agentdoc.invalid/schemas/bench-document.schema.json';
  extended.properties.body = { type: 'string' };
  const extendedPath = path.join(SCRATCH, 'bench-document.schema.json');
  fs.writeFileSync(extendedPath, JSON.stringify(extended, null, 2));
  const asYaml = (doc) => {
    const lines = doc.text.split('\n');
    const fmEnd = lines.indexOf('---', 1);
    const text = [
      ...lines.slice(1, fmEnd),
      'body: |',
      ...lines.slice(fmEnd + 1).map((line) => (line === '' ? '' : `  ${line}`)),
    ].join('\n');
    const map = (position) =>
      position.line < fmEnd
        ? { line: position.line - 1, character: position.character }
        : { line: position.line - 1, character: position.character + 2 };
    return {
      text,
      positions: Object.fromEntries(Object.entries(doc.positions).map(([key, value]) => [key, map(value)])),
    };
  };
  const frontMatterOnly = (doc) => {
    const lines = doc.text.split('\n');
    const fmEnd = lines.indexOf('---', 1);
    const line = doc.positions.frontMatter.line - 1;
    return {
      text: lines.slice(1, fmEnd).join('\n') + '\n',
      positions: { frontMatter: { line, character: doc.positions.frontMatter.character } },
    };
  };
  const settings = {
    schemas: {
      [pathToFileURL(schemaPath).toString()]: ['*.frontmatter.yaml'],
      [pathToFileURL(extendedPath).toString()]: ['*.document.yaml'],
    },
    validate: true,
    hover: false,
    completion: false,
    format: { enable: false },
    schemaStore: { enable: false },
    disableDefaultProperties: true,
  };
  const configuration = (section) =>
    section === 'yaml' ? settings : section === 'http' ? { proxy: '', proxyStrictSSL: false } : {};
  const variants = QUICK
    ? [['2k', 'document']]
    : [
        ['2k', 'document'],
        ['2k', 'frontmatter'],
        ['20k', 'document'],
      ];
  for (const [name, variant] of variants) {
    const doc = variant === 'document' ? asYaml(docs[name]) : frontMatterOnly(docs[name]);
    const file = path.join(SCRATCH, `bench-${name}.${variant}.yaml`);
    fs.writeFileSync(file, doc.text);
    const client = new BenchLspClient([YAML_LS, '--stdio'], { configuration });
    await client.initialize();
    await sleep(300); // lets it pull the configuration before the document opens
    const [warmup, runs] = name === '20k' ? [2, 8] : QUICK ? [3, 8] : [8, 40];
    const samples = await protocolEdits(
      client,
      { text: doc.text, positions: doc.positions },
      pathToFileURL(file).toString(),
      warmup,
      runs,
      undefined,
      'yaml',
    );
    // The schema must really be associated: an invalid stage has to be reported.
    const uri = pathToFileURL(file).toString();
    const stageLine = doc.text.split('\n').findIndex((line) => line.startsWith('stage: '));
    const changed = performance.now();
    await client.change(
      uri,
      10_000,
      { start: { line: stageLine, character: 7 }, end: { line: stageLine, character: 17 } },
      'bogus-stage',
    );
    const after = await client.waitForDiagnostics(uri, 10_000, changed);
    const schemaAssociated = after.params.diagnostics.length > 0;
    await client.close();
    const measured = stats(samples);
    record(`peer.yamlls.${name}.${variant}.asMeasured`, {
      ...measured,
      delayMs: YAML_LS_DELAY_MS,
      lines: doc.text.split('\n').length,
      schemaAssociated,
    });
    record(`peer.yamlls.${name}.${variant}.minusDelay`, {
      median: round2(measured.median - YAML_LS_DELAY_MS),
      p95: round2(measured.p95 - YAML_LS_DELAY_MS),
      n: measured.n,
    });
    if (!schemaAssociated)
      results.notes.push(
        `yaml-language-server reported nothing for an invalid stage in the ${name} ${variant} file: the schema was not associated`,
      );
    log(
      `  ${name} ${variant}.yaml: median ${measured.median} ms, p95 ${measured.p95} ms (incl. its ${YAML_LS_DELAY_MS} ms delay); schema associated: ${schemaAssociated}`,
    );
  }
}

// ---------------------------------------------------------------- 3. cold start

log('3. cold start…');
{
  const starts = [];
  const opens = [];
  const startCpu = [];
  const openCpu = [];
  const memory2k = [];
  const doc = docs['2k'];
  // Run 0 meets no code cache (the first start after an install or update) and writes it once the
  // first check is done; every later run is a start as users get it from then on.
  fs.rmSync(CODE_CACHE_DIR, { recursive: true, force: true });
  for (let run = 0; run <= (QUICK ? 3 : 10); run++) {
    const client = new BenchLspClient([SERVER, '--stdio']);
    await client.initialize();
    const start = client.initializedAt - client.spawnedAt;
    const cpuAtStart = client.cpuMs();
    const opened = performance.now();
    await client.open(doc.uri, doc.text);
    const { at } = await client.waitForDiagnostics(doc.uri, 1);
    const open = { ms: round2(at - opened), serverCpuMs: client.cpuMs() - cpuAtStart };
    await sleep(200);
    if (run === 0) {
      record('cold.noCodeCache', { startMs: round2(start), startCpuMs: cpuAtStart, didOpen2k: open });
    } else {
      starts.push(start);
      startCpu.push(cpuAtStart);
      opens.push(open.ms);
      openCpu.push(open.serverCpuMs);
      memory2k.push(client.memory());
    }
    await client.close();
  }
  record('cold.startToInitialize', { ...stats(starts), serverCpuMs: stats(startCpu).median });
  record('cold.didOpenToDiagnostics.2k', { ...stats(opens), serverCpuMs: stats(openCpu).median });
  record('memory.open2k', {
    peakMB: round2(Math.max(...memory2k.map((value) => value.peakMB))),
    rssMB: round2(stats(memory2k.map((value) => value.rssMB)).median),
  });
  log(
    `  start → initialize median ${stats(starts).median} ms; didOpen → diagnostics (2k) median ${stats(opens).median} ms; without a code cache (first start) ${results.measures['cold.noCodeCache'].startMs} / ${results.measures['cold.noCodeCache'].didOpen2k.ms} ms`,
  );
}

// ---------------------------------------------------------------- 4. memory

log('4. memory…');
{
  const doc = docs['20k'];
  const client = new BenchLspClient([SERVER, '--stdio']);
  await client.initialize();
  const opened = performance.now();
  await client.open(doc.uri, doc.text);
  const { at } = await client.waitForDiagnostics(doc.uri, 1);
  record('cold.didOpenToDiagnostics.20k', { ms: round2(at - opened) });
  await sleep(300);
  record('memory.open20k', client.memory());
  await client.close();

  const files = fs
    .readdirSync(workspaceDir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.agentdoc.md'))
    .map((file) => pathToFileURL(path.join(workspaceDir, file)).toString());
  const pending = new Set(files);
  // Problems for every workspace document (the default lists open ones only): what "indexed" waits for.
  const indexing = new BenchLspClient([SERVER, '--stdio'], {
    configuration: (section) => (section === 'agentdoc' ? { problems: 'workspace' } : null),
  });
  const done = indexing.waitFor(
    (params) => {
      if (params) pending.delete(params.uri);
      return pending.size === 0 ? true : undefined;
    },
    300_000,
    'workspace diagnostics',
  );
  const started = performance.now();
  await indexing.initialize([{ uri: pathToFileURL(workspaceDir).toString(), name: 'workspace' }]);
  // Meanwhile the user works in one document: a hover every 100 ms until indexing is done.
  let indexed = false;
  void done.then(() => (indexed = true));
  const hovered = files[0];
  await indexing.open(hovered, fs.readFileSync(new URL(hovered), 'utf8'));
  const hovers = [];
  while (!indexed) {
    const asked = performance.now();
    await indexing.request('textDocument/hover', {
      textDocument: { uri: hovered },
      position: { line: 1, character: 2 },
    });
    hovers.push(performance.now() - asked);
    await sleep(100);
  }
  await done;
  const elapsed = performance.now() - started;
  const indexCpuMs = indexing.cpuMs();
  await sleep(300);
  record('memory.workspace', {
    ...indexing.memory(),
    docs: WORKSPACE_DOCS,
    indexMs: round2(elapsed),
    indexCpuMs,
  });
  record('indexing.hoverMs', stats(hovers));
  await indexing.close();
  log(
    `  20k open: peak ${round2(results.measures['memory.open20k'].peakMB)} MB; workspace of ${WORKSPACE_DOCS}: peak ${round2(results.measures['memory.workspace'].peakMB)} MB, ${round2(results.measures['memory.workspace'].rssMB)} MB after; indexed in ${round2(elapsed)} ms (server CPU ${indexCpuMs} ms); hover meanwhile median ${stats(hovers).median} ms, p95 ${stats(hovers).p95} ms, max ${stats(hovers).max} ms`,
  );
}

// ---------------------------------------------------------------- 5. CLI

log(`5. agentdoc check over ${WORKSPACE_DOCS} docs…`);
{
  const samples = [];
  const cpu = [];
  let summary;
  for (let run = 0; run < (QUICK ? 2 : 5); run++) {
    const started = performance.now();
    const cpuBefore = childrenCpuMs();
    const result = spawnSync(process.execPath, [CLI, 'check', workspaceDir, '--format', 'json'], {
      maxBuffer: 1 << 28,
      encoding: 'utf8',
    });
    samples.push(performance.now() - started);
    cpu.push(childrenCpuMs() - cpuBefore);
    if (!summary) {
      try {
        const parsed = JSON.parse(result.stdout);
        summary = {
          exitCode: result.status,
          files: parsed.files.length,
          findings: parsed.files.reduce((sum, file) => sum + file.findings.length, 0),
        };
      } catch {
        summary = { exitCode: result.status, error: result.stderr.slice(0, 500) };
      }
    }
  }
  record('cli.check.workspace', { ...stats(samples), cpuMs: stats(cpu).median, ...summary, docs: WORKSPACE_DOCS });
  log(`  median ${stats(samples).median} ms (${JSON.stringify(summary)})`);
}

// ---------------------------------------------------------------- 5b. CLI over a large tree (opt-in)

if (SCALE) {
  log(`5b. agentdoc check over ${SCALE_FILES} docs, every format (--scale)…`);
  const tree = scaleTree(SCALE_FILES);
  log(`  ${SCALE_HEADER}`);
  const rows = {};
  for (const format of SCALE_FORMATS) {
    const row = await measureScale(CLI, tree, format);
    rows[format] = row;
    log(`  ${scaleRow(row)}`);
  }
  record('cli.check.scale', { docs: SCALE_FILES, formats: rows });
}

// ---------------------------------------------------------------- 7. bundles and client activation

log('7. bundles…');
{
  const bundles = {};
  for (const name of ['client', 'server', 'cli', 'cli-worker']) {
    const file = path.join(ROOT, 'dist', `${name}.js`);
    if (fs.existsSync(file)) bundles[name] = { kB: Math.round(fs.statSync(file).size / 1024) };
  }
  // Minified sizes, as `npm run package` ships them (built aside, dist/ is left alone).
  try {
    const esbuild = await import('esbuild');
    const outDir = path.join(ROOT, 'bench-results', '.build', 'production');
    const entries = {
      client: 'client/src/extension.ts',
      server: 'server/src/server.ts',
      cli: 'server/src/cli/main.ts',
      'cli-worker': 'server/src/cli/worker.ts',
    };
    await Promise.all(
      Object.entries(entries).map(([name, entry]) =>
        esbuild.build({
          entryPoints: [path.join(ROOT, entry)],
          outfile: path.join(outDir, `${name}.js`),
          bundle: true,
          platform: 'node',
          target: 'node20',
          format: 'cjs',
          minify: true,
          legalComments: 'none',
          logLevel: 'silent',
          external: name === 'client' ? ['vscode'] : [],
        }),
      ),
    );
    for (const name of Object.keys(entries))
      bundles[name].productionKB = Math.round(fs.statSync(path.join(outDir, `${name}.js`)).size / 1024);
  } catch (error) {
    results.notes.push(`production bundles: ${error.message}`);
  }
  record('bundles', bundles);
  // Requiring the client bundle with a stub 'vscode' module: what activation costs before activate() runs.
  // The stub exports every name of the vscode API (from @types/vscode), each a chainable no-op.
  const apiNames = [
    ...new Set(
      [
        ...fs
          .readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8')
          .matchAll(/^\s*export (?:class|enum|namespace|const|let|function|interface) (\w+)/gm),
      ].map((match) => match[1]),
    ),
  ];
  const probe = `
    const Module = require('module');
    const stub = new Proxy(function () {}, { get: (target, key) => key === 'prototype' ? {} : key === Symbol.toPrimitive ? () => 0 : stub, apply: () => stub, construct: () => ({}) });
    const api = Object.fromEntries(${JSON.stringify(apiNames)}.map((name) => [name, stub]));
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
    require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: api };
    const started = performance.now();
    const extension = require(${JSON.stringify(path.join(ROOT, 'dist', 'client.js'))});
    const elapsed = performance.now() - started;
    process.stdout.write(JSON.stringify({ ms: elapsed, exports: Object.keys(extension) }));`;
  const samples = [];
  let exports;
  for (let run = 0; run < 7; run++) {
    const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    try {
      const parsed = JSON.parse(result.stdout);
      samples.push(parsed.ms);
      exports = parsed.exports;
    } catch {
      results.notes.push(`client require probe failed: ${result.stderr.slice(0, 300)}`);
      break;
    }
  }
  if (samples.length) record('client.requireMs', { ...stats(samples), exports });
}

// ---------------------------------------------------------------- ratios, targets, report

const m = results.measures;
const ratio = (a, b) => (a !== undefined && b ? Math.round((a / b) * 100) / 100 : undefined);
for (const size of SIZES) {
  results.ratios[`ours/floor.${size.name}`] = {
    median: ratio(m[`edit.inprocess.${size.name}.all`]?.median, m[`floor.${size.name}`]?.median),
    p95: ratio(m[`edit.inprocess.${size.name}.all`]?.p95, m[`floor.${size.name}`]?.p95),
  };
  results.ratios[`ours/markdownlint.${size.name}`] = {
    median: ratio(m[`edit.inprocess.${size.name}.all`]?.median, m[`peer.markdownlint.${size.name}`]?.median),
    p95: ratio(m[`edit.inprocess.${size.name}.all`]?.p95, m[`peer.markdownlint.${size.name}`]?.p95),
  };
}
for (const name of ['2k', '20k']) {
  const ours = m[`edit.protocol.${name}.debounce0`];
  const peer = m[`peer.yamlls.${name}.document.minusDelay`];
  if (ours && peer)
    results.ratios[`ours/yaml-language-server.${name}`] = {
      median: ratio(ours.median, peer.median),
      p95: ratio(ours.p95, peer.p95),
    };
  const oursMeasured = m[`edit.protocol.${name}.asMeasured`];
  const peerMeasured = m[`peer.yamlls.${name}.document.asMeasured`];
  if (oursMeasured && peerMeasured)
    results.ratios[`ours/yaml-language-server.${name}.asMeasured`] = {
      median: ratio(oursMeasured.median, peerMeasured.median),
      p95: ratio(oursMeasured.p95, peerMeasured.p95),
    };
}

const targets = [
  // Judged on typing (every analysis a new text): alternating two texts mostly measures the caches.
  ['per-edit analysis, 2,000 lines, typing, p95', m['edit.inprocess.2k.typing']?.p95, 10, 'ms'],
  ['per-edit analysis, 20,000 lines, typing, p95', m['edit.inprocess.20k.typing']?.p95, 20, 'ms'],
  ['edit → diagnostics, protocol, 2,000 lines, debounce 0 (median)', m['edit.protocol.2k.debounce0']?.median, 8, 'ms'],
  [
    'edit → diagnostics − debounce, 2,000 lines, ÷ yaml-language-server (median)',
    results.ratios['ours/yaml-language-server.2k']?.median,
    0.3,
    '×',
  ],
  ['server start → initialize (median)', m['cold.startToInitialize']?.median, 100, 'ms'],
  ['didOpen → diagnostics, 2,000 lines (median)', m['cold.didOpenToDiagnostics.2k']?.median, 60, 'ms'],
  ['server peak RSS, 2,000-line doc open', m['memory.open2k']?.peakMB, 60, 'MB'],
  [`server peak RSS, ${WORKSPACE_DOCS}-doc workspace indexed`, m['memory.workspace']?.peakMB, 150, 'MB'],
  [`server RSS after indexing ${WORKSPACE_DOCS} docs`, m['memory.workspace']?.rssMB, 150, 'MB'],
  [`indexing ${WORKSPACE_DOCS} docs until all diagnostics`, m['memory.workspace']?.indexMs, 3000, 'ms'],
  [`hover while indexing ${WORKSPACE_DOCS} docs (max)`, m['indexing.hoverMs']?.max, 50, 'ms'],
  [`agentdoc check, ${WORKSPACE_DOCS} docs (median wall)`, m['cli.check.workspace']?.median, 1500, 'ms'],
  ...Object.values(m['cli.check.scale']?.formats ?? {}).flatMap((row) => [
    [
      `agentdoc check, ${m['cli.check.scale'].docs} docs, ${row.format} (wall)`,
      row.code === 2 ? undefined : row.seconds * 1000,
      75_000,
      'ms',
    ],
    [`agentdoc check, ${m['cli.check.scale'].docs} docs, ${row.format} (peak RSS)`, row.peakMb, 1024, 'MB'],
  ]),
];
results.targets = targets.map(([measure, value, target, unit]) => ({
  measure,
  value: value === undefined ? null : round2(value),
  target,
  unit,
  met: value !== undefined && value <= target,
}));
results.machineAtEnd = machine();
results.quick = QUICK;
results.date = new Date().toISOString();
try {
  results.commit =
    spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() || undefined;
  results.dirty =
    spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).stdout.trim() !== '';
} catch {
  // Not a git checkout: no commit to note.
}

function table(rows, header) {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => String(row[column] ?? '').length)),
  );
  const line = (row) =>
    row
      .map((cell, column) =>
        column === 0 ? String(cell ?? '').padEnd(widths[column]) : String(cell ?? '').padStart(widths[column]),
      )
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
const fmt = (value) =>
  value === undefined || value === null || Number.isNaN(value)
    ? '–'
    : typeof value === 'number'
      ? String(Math.round(value * 10) / 10)
      : String(value);
const rows = [];
const add = (label, value, unit = 'ms') =>
  rows.push([label, fmt(value?.median ?? value?.ms ?? value), fmt(value?.p95), unit, value?.n ?? '']);
for (const size of SIZES) {
  for (const where of ['start', 'middle', 'end', 'frontMatter', 'all', 'typing'])
    add(`edit in-process ${size.name} ${where}`, m[`edit.inprocess.${size.name}.${where}`]);
}
for (const size of SIZES) add(`floor (markdown-it+yaml+ajv) ${size.name}`, m[`floor.${size.name}`]);
for (const size of SIZES) add(`markdownlint ${size.name}`, m[`peer.markdownlint.${size.name}`]);
for (const name of protocolSizes) {
  add(`edit→diagnostics ${name}, debounce 0`, m[`edit.protocol.${name}.debounce0`]);
  if (m[`edit.protocol.${name}.debounce0.after100`])
    add(`edit→diagnostics ${name}, debounce 0, after 100 edits`, m[`edit.protocol.${name}.debounce0.after100`]);
  add(`edit→diagnostics ${name}, default, as measured`, m[`edit.protocol.${name}.asMeasured`]);
  add(`edit→diagnostics ${name}, default − ${DEFAULT_DEBOUNCE_MS} ms`, m[`edit.protocol.${name}.minusDebounce`]);
}
for (const key of Object.keys(m).filter((name) => name.startsWith('peer.yamlls.')))
  add(`yaml-language-server ${key.slice(12)}`, m[key]);
add('start → initialize', m['cold.startToInitialize']);
add('didOpen → diagnostics 2k (cold)', m['cold.didOpenToDiagnostics.2k']);
// CPU time hardly moves with the machine's load: the figures to compare between busy runs.
rows.push(['  server CPU: start → initialize', fmt(m['cold.startToInitialize']?.serverCpuMs), '', 'ms', '']);
rows.push([
  '  server CPU: didOpen → diagnostics 2k',
  fmt(m['cold.didOpenToDiagnostics.2k']?.serverCpuMs),
  '',
  'ms',
  '',
]);
const first = m['cold.noCodeCache'];
rows.push(['  first start (no code cache yet): start → initialize', fmt(first?.startMs), '', 'ms', '']);
rows.push(['  first start (no code cache yet): didOpen → diagnostics 2k', fmt(first?.didOpen2k?.ms), '', 'ms', '']);
for (const name of protocolSizes)
  rows.push([
    `  server CPU per edit ${name}, debounce 0`,
    fmt(m[`edit.protocol.${name}.debounce0`]?.serverCpuMsPerEdit),
    '',
    'ms',
    '',
  ]);
add('didOpen → diagnostics 20k (cold)', m['cold.didOpenToDiagnostics.20k']);
rows.push(['server peak RSS, 2k open', fmt(m['memory.open2k']?.peakMB), '', 'MB', '']);
rows.push(['server peak RSS, 20k open', fmt(m['memory.open20k']?.peakMB), '', 'MB', '']);
rows.push([`server peak RSS, ${WORKSPACE_DOCS}-doc workspace`, fmt(m['memory.workspace']?.peakMB), '', 'MB', '']);
rows.push([
  `server indexing ${WORKSPACE_DOCS} docs → all diagnostics`,
  fmt(m['memory.workspace']?.indexMs),
  '',
  'ms',
  '',
]);
add(`agentdoc check ${WORKSPACE_DOCS} docs (wall)`, m['cli.check.workspace']);
rows.push([
  `  agentdoc check ${WORKSPACE_DOCS} docs, CPU (all threads)`,
  fmt(m['cli.check.workspace']?.cpuMs),
  '',
  'ms',
  '',
]);
add('require dist/client.js (stub vscode)', m['client.requireMs']);
for (const [name, value] of Object.entries(m.bundles ?? {}))
  rows.push([`bundle dist/${name}.js (production)`, fmt(value.kB), fmt(value.productionKB), 'kB', '']);

const print = (text) => process.stdout.write(`${text}\n`);
print('');
print(
  `agentdoc bench${QUICK ? ' (quick)' : ''} — ${results.date}${results.commit ? `, commit ${results.commit}${results.dirty ? ' (dirty)' : ''}` : ''}`,
);
print(
  `machine: ${results.machineAtStart.cpus} × ${results.machineAtStart.cpuModel}, ${results.machineAtStart.memoryGB} GB, ${results.machineAtStart.platform}, node ${process.version}`,
);
print(
  `load average (1/5/15 min): at start ${results.machineAtStart.loadavg.join(' ')}, at end ${results.machineAtEnd.loadavg.join(' ')}`,
);
print(
  `documents: ${Object.entries(results.documents)
    .filter(([name]) => name !== 'workspace')
    .map(([name, doc]) => `${name} = ${doc.lines} lines, ${Math.round(doc.bytes / 1024)} kB, ${doc.findings} findings`)
    .join('; ')}; workspace = ${WORKSPACE_DOCS} × ~400 lines`,
);
print('');
print(table(rows, ['measure', 'median', 'p95', 'unit', 'runs']));
print('');
print(
  table(
    Object.entries(results.ratios).map(([name, value]) => [name, fmt(value.median), fmt(value.p95)]),
    ['ratio', 'median', 'p95'],
  ),
);
print('');
print(
  table(
    results.targets.map((target) => [
      target.measure,
      fmt(target.value),
      `≤ ${target.target}`,
      target.unit,
      target.met ? 'met' : 'MISSED',
    ]),
    ['target', 'value', 'target', 'unit', ''],
  ),
);
for (const note of results.notes) print(`note: ${note}`);
if (JSON_OUT) {
  const out = path.resolve(ROOT, JSON_OUT);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  print(`\nJSON written to ${path.relative(process.cwd(), out)}`);
}
