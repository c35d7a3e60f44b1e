// `node bench/configBombs.mjs [--cli path/to/cli.js]`: hostile configs a pull request can add (a huge
// enum in a table's row schema, a pattern re2js cannot run, a self-referencing $ref), each checked
// with the CLI next to one document: wall time, exit code, and whether the documents got an
// internal error (AD900) instead of the config being refused at load.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--cli');
const CLI = path.resolve(at >= 0 ? args[at + 1] : path.join(ROOT, 'dist', 'cli.js'));

const kpis = (rowSchema) => ({
  version: 1,
  sections: [
    {
      id: 'purpose',
      tables: [
        {
          id: 'kpis',
          title: 'Success metrics',
          columns: [
            { id: 'metric', title: 'Metric', required: true },
            { id: 'target', title: 'Target', required: true },
          ],
          rowSchema,
        },
      ],
    },
  ],
});
const enumOf = (count) =>
  kpis({ type: 'object', properties: { metric: { enum: Array.from({ length: count }, (_, i) => `metric-${i}`) } } });

const CASES = [
  ['enum of 50,000 values in a row schema', enumOf(50_000)],
  ['enum of 200,000 values in a row schema', enumOf(200_000)],
  [
    'pattern with a lookahead (re2js cannot run it)',
    kpis({ type: 'object', properties: { metric: { pattern: '^(?=a)a' } } }),
  ],
  ['pattern with a backreference', kpis({ type: 'object', properties: { metric: { pattern: '(a)\\1' } } })],
  ['row schema {$ref: "#"}', kpis({ $ref: '#' })],
  ['row schema allOf [{$ref: "#"}]', kpis({ allOf: [{ $ref: '#' }] })],
];

const document = fs.readFileSync(path.join(ROOT, 'examples', 'pilot.agentdoc.md'), 'utf8');
console.log(`hostile configs with ${CLI}`);
console.log('config                                              exit  time     AD900  config refused');
for (const [name, config] of CASES) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-config-bomb-'));
  fs.writeFileSync(path.join(dir, '.agentdoc.json'), JSON.stringify(config));
  fs.writeFileSync(path.join(dir, 'a.agent.md'), document);
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [CLI, 'check', 'a.agent.md', '--format', 'github', '--today', '2026-11-23'],
    {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const internal = /AD900/.test(result.stdout);
  const refused = result.status === 2 && /agentdoc\.json/.test(result.stderr);
  console.log(
    `${name.padEnd(51)} ${String(result.status).padEnd(5)} ${`${seconds.toFixed(1)} s`.padEnd(8)} ${String(internal).padEnd(6)} ${refused}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}
