// `npm run fuzz`: the long fuzzing mode. Builds, then runs the robustness fuzz tests with at least
// 100,000 mutated documents through the engine (plus the server and quick-fix properties) and ends
// with the figures: inputs run, crashes or broken invariants, max analysis time.
// AGENTDOC_FUZZ_RUNS / _SERVER_RUNS / _FIX_RUNS / _CONFIG_RUNS / _TREE_RUNS override the counts; AGENTDOC_FUZZ_SEED the seed
// (random by default, printed so a failure can be replayed).
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
for (const [what, args] of [
  ['build', ['scripts/build.mjs']],
  ['compile tests', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.test.json']],
]) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`fuzz: ${what} failed`);
    process.exit(1);
  }
}
const seed = process.env.AGENTDOC_FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const env = {
  ...process.env,
  AGENTDOC_FUZZ_SEED: seed,
  AGENTDOC_FUZZ_RUNS: process.env.AGENTDOC_FUZZ_RUNS ?? '100000',
  AGENTDOC_FUZZ_SERVER_RUNS: process.env.AGENTDOC_FUZZ_SERVER_RUNS ?? '1000',
  AGENTDOC_FUZZ_FIX_RUNS: process.env.AGENTDOC_FUZZ_FIX_RUNS ?? '500',
  AGENTDOC_FUZZ_CONFIG_RUNS: process.env.AGENTDOC_FUZZ_CONFIG_RUNS ?? '2000',
  AGENTDOC_FUZZ_TREE_RUNS: process.env.AGENTDOC_FUZZ_TREE_RUNS ?? '2000',
};
console.log(
  `fuzz: seed ${seed}; ${env.AGENTDOC_FUZZ_RUNS} engine inputs, ${env.AGENTDOC_FUZZ_SERVER_RUNS} through the server, ${env.AGENTDOC_FUZZ_FIX_RUNS} for the quick-fix property`,
);
const files = ['fuzzEngine', 'fuzzServer', 'fixesProperty', 'fuzzConfigAndTree'].map(
  (name) => `out/test/robustness/${name}.test.js`,
);
const child = spawn(
  process.execPath,
  ['node_modules/mocha/bin/mocha.js', '--no-config', '--timeout', '0', '--reporter', 'spec', ...files],
  { env, stdio: ['ignore', 'pipe', 'inherit'] },
);
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
child.on('close', (code) => {
  const figures = output
    .split('\n')
    .filter((line) => /^\s*(fuzz engine|fuzz server|fix property|fuzz configs|fuzz trees):/.test(line))
    .map((line) => line.trim());
  console.log(`\nfuzz summary (seed ${seed}):\n${figures.map((line) => `  ${line}`).join('\n')}`);
  console.log(code === 0 ? 'fuzz: no crashes, every invariant held' : 'fuzz: FAILED, see above');
  process.exitCode = code ?? 1;
});
