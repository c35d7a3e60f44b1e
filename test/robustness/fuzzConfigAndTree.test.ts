import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileGlobs, createAgentdocService, loadConfig } from '../../server/src/engine';
import { analyzeWithConfig, FIXTURE_TODAY } from '../helpers/fixtures';
import { memoryHost, type MemoryEntry } from '../helpers/memoryHost';
import { excerpt, invariantViolations, timed } from './invariants';
import { EXAMPLES, FUZZ_SEED, fuzzRuns } from './mutations';

// What a hostile repository controls besides its documents: its config (globs, rule overrides,
// row schemas) and its file tree (names, links, special files). Issue 13 found a ReDoS, compile
// bombs, links followed outside and FIFOs that hung; these generate many more such inputs.

/** Generous: a config loads in milliseconds; this only catches a hang or a compile bomb. */
const MAX_CPU_MS = 2000;

const globChar = fc.constantFrom(
  '*',
  '**',
  '?',
  '[',
  ']',
  '{',
  '}',
  ',',
  '!',
  'a',
  'b',
  '/',
  '.',
  '\\',
  '(',
  ')',
  '+',
  '@',
  '-',
  '^',
);
const glob = fc.array(globChar, { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));

const regexChar = fc.constantFrom(
  'a',
  '(',
  ')',
  '+',
  '*',
  '?',
  '|',
  '[',
  ']',
  '^',
  '$',
  '\\1',
  '(?=',
  '(?<=',
  '{2,}',
  '.',
  '\\d',
  '\\p{L}',
);
const pattern = fc.array(regexChar, { maxLength: 20 }).map((parts) => parts.join(''));

/** Row schemas: valid, odd and hostile JSON Schema, nested. */
const rowSchema = fc.letrec((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom({ type: 'string' }, { type: 'number' }, { type: 'bogus' }, {}, true, false, null, 'x'),
    fc.record({ enum: fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 30 }) }),
    fc.record({ pattern }),
    fc.record({
      $ref: fc.constantFrom('#', '#/definitions/a', '#/properties/metric', 'http://127.0.0.1/x', 'file:///etc/passwd'),
    }),
    fc.record({ allOf: fc.array(tie('schema'), { maxLength: 3 }) }),
    fc.record({ definitions: fc.record({ a: tie('schema') }), $ref: fc.constant('#/definitions/a') }),
    fc.record({
      type: fc.constant('object'),
      properties: fc.record({ metric: tie('schema'), __proto__: tie('schema') }),
    }),
  ),
})).schema;

const hostileConfig = fc.record(
  {
    version: fc.oneof({ arbitrary: fc.constant(1), weight: 8 }, fc.constantFrom(2, '1', null)),
    files: fc.record({ include: fc.array(glob, { maxLength: 4 }), exclude: fc.array(glob, { maxLength: 4 }) }),
    rules: fc.dictionary(
      fc.oneof(
        { arbitrary: fc.constantFrom('AD003', 'AD100', 'AD200', 'AD301'), weight: 8 },
        fc.constantFrom('AD999', '__proto__', 'constructor'),
      ),
      fc.oneof(
        { arbitrary: fc.constantFrom('error', 'warning', 'information', 'hint', 'off'), weight: 8 },
        fc.constant('bogus'),
      ),
    ),
    sections: fc.array(
      fc.record({
        id: fc.constantFrom('purpose', 'runbook', 'newSection', '__proto__'),
        title: fc.constantFrom('Purpose & scope', 'Runbook', 'New'),
        tables: fc.array(
          fc.record({
            id: fc.constantFrom('kpis', 'x'),
            title: fc.constantFrom('Success metrics', 'X'),
            columns: fc.constant([
              { id: 'metric', title: 'Metric', required: true },
              { id: 'target', title: 'Target', required: true },
            ]),
            rowSchema,
          }),
          { maxLength: 2 },
        ),
      }),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ['version'] },
);

/** The config's text: JSON (also YAML), sometimes cut short or with YAML punctuation spliced in. */
const configText = fc
  .tuple(hostileConfig, fc.nat(), fc.constantFrom('', '&a ', '*a', '!!binary ', '? ', '\n  - ', '{{', '\u0000'))
  .map(([config, cut, splice]) => {
    const text = JSON.stringify(config);
    if (cut % 5 !== 0) return text;
    const at = cut % (text.length + 1);
    return text.slice(0, at) + splice + text.slice(at + 1);
  });

describe('fuzzing configs (fast-check)', function () {
  const runs = fuzzRuns('AGENTDOC_FUZZ_CONFIG_RUNS', 60);
  this.timeout(Math.max(120_000, runs * 2000));

  it(`${runs} hostile configs load without throwing or hanging, and never give AD900 in a document (seed ${FUZZ_SEED})`, () => {
    const failures: string[] = [];
    let accepted = 0;
    const document = EXAMPLES.find((example) => example.name.startsWith('complete'))!.text;
    const names = ['x/' + 'a'.repeat(42) + '.agent.md', 'team/[a].agentdoc.md', '{a,b}/c.md', 'é/ü.agentdoc.md'];
    fc.check(
      fc.property(configText, (text) => {
        try {
          const { value: loaded, cpuMs } = timed(() => loadConfig(text, '/r/.agentdoc.json'));
          if (loaded.problems.length === 0) accepted++;
          if (cpuMs > MAX_CPU_MS) failures.push(`loading took ${Math.round(cpuMs)} ms: ${excerpt(text)}`);
          const globs = timed(() => {
            const include = compileGlobs(loaded.files.include);
            const exclude = compileGlobs(loaded.files.exclude);
            return names.map((name) => include(name) || exclude(name));
          });
          if (globs.cpuMs > MAX_CPU_MS) failures.push(`globs took ${Math.round(globs.cpuMs)} ms: ${excerpt(text)}`);
          const findings = analyzeWithConfig(document, loaded, { today: FIXTURE_TODAY }).findings;
          const internal = findings.filter((finding) => finding.code === 'AD900');
          if (internal.length) failures.push(`AD900 (${internal[0]!.message}) with ${excerpt(text)}`);
          for (const problem of invariantViolations(document, findings)) failures.push(`${problem}: ${excerpt(text)}`);
        } catch (error) {
          failures.push(
            `exception escaped: ${error instanceof Error ? error.message : String(error)}: ${excerpt(text)}`,
          );
        }
        return true;
      }),
      { seed: FUZZ_SEED, numRuns: runs },
    );
    console.log(`      fuzz configs: ${runs} configs, ${accepted} accepted, ${runs - accepted} refused with problems`);
    assert.deepEqual(failures.slice(0, 5), []);
  });
});

/** File names a repository can hold: control characters, escapes, odd Unicode, glob and URI syntax. */
const namePart = fc.constantFrom(
  'a',
  'é',
  '👩',
  ' ',
  '%',
  '%ZZ',
  '#',
  '?',
  '*',
  '[',
  '{',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u001b[31m',
  '\u202e',
  '\\',
  ':',
  '..',
  '.',
  '-',
  '@',
);
const fileName = fc
  .tuple(
    fc.array(namePart, { minLength: 1, maxLength: 6 }),
    fc.constantFrom('.agentdoc.md', '.agent.md', '.md', '', '.agentdoc.yaml'),
  )
  .map(([parts, suffix]) => parts.join('') + suffix)
  .filter((name) => name !== '.' && name !== '..' && !name.includes('/'));

const entry: fc.Arbitrary<MemoryEntry> = fc.oneof(
  fc.constantFrom(...EXAMPLES.map((example) => example.text)),
  fc.constantFrom('', '---\nagentdoc: 1\n---\n', 'version: 1\nfiles:\n  include: ["**"]\n', '\u0000\u0001'),
  fc.constantFrom<MemoryEntry>(
    { link: '/outside/secret.agentdoc.md' },
    { link: '/outside' },
    { link: '/r' },
    { link: '/r/a.agentdoc.md' },
    { link: '../outside/secret.agentdoc.md' },
    { special: true },
  ),
);

const tree = fc.array(fc.tuple(fc.array(fileName, { minLength: 1, maxLength: 3 }), entry), { maxLength: 12 });

describe('fuzzing file trees (fast-check)', function () {
  const runs = fuzzRuns('AGENTDOC_FUZZ_TREE_RUNS', 100);
  this.timeout(Math.max(120_000, runs * 1000));

  it(`${runs} hostile trees: nothing outside the root, no link and no special file is read, no AD900 (seed ${FUZZ_SEED})`, async () => {
    const failures: string[] = [];
    let checkedFiles = 0;
    await fc.assert(
      fc.asyncProperty(
        tree,
        fc.constantFrom('.agentdoc.yaml', '.agentdoc.json', undefined),
        async (entries, configName) => {
          const files: Record<string, MemoryEntry> = {
            '/outside/secret.agentdoc.md': EXAMPLES[0]!.text,
            '/outside/.agentdoc.yaml': 'version: 1\n',
            '/r/a.agentdoc.md': EXAMPLES[0]!.text,
          };
          for (const [parts, value] of entries) files[`/r/${parts.join('/')}`] = value;
          if (configName) files[`/r/${configName}`] ??= { link: '/outside/.agentdoc.yaml' };
          // A path cannot be a file and a folder at once: drop the files that other paths go through.
          for (const path of Object.keys(files))
            if (Object.keys(files).some((other) => other.startsWith(`${path}/`))) delete files[path];
          const host = memoryHost(files);
          const unreadable = new Set(Object.keys(files).filter((path) => typeof files[path] !== 'string'));
          const label = JSON.stringify(Object.keys(files).filter((path) => path.startsWith('/r/')));
          try {
            const service = createAgentdocService({
              host,
              roots: ['/r'],
              repositoryRoots: ['/r'],
              today: FIXTURE_TODAY,
            });
            const listed = await service.listFiles(['/r']);
            const checked = await service.checkFiles(listed.files);
            for (const read of host.reads)
              if (!read.startsWith('/r/') || unreadable.has(read)) failures.push(`read ${read} in ${label}`);
            checkedFiles += checked.length;
            for (const file of checked) {
              if (!file.path.startsWith('/r/')) failures.push(`checked ${file.path} in ${label}`);
              if (file.result.findings.some((finding) => finding.code === 'AD900'))
                failures.push(`AD900 for ${JSON.stringify(file.path)} in ${label}`);
            }
          } catch (error) {
            failures.push(`exception escaped: ${error instanceof Error ? error.message : String(error)} in ${label}`);
          }
          return true;
        },
      ),
      { seed: FUZZ_SEED, numRuns: runs },
    );
    console.log(`      fuzz trees: ${runs} trees, ${checkedFiles} documents checked`);
    assert.deepEqual(failures.slice(0, 5), []);
  });
});
