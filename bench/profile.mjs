#!/usr/bin/env node
// Profiles the in-process analysis of a generated document (default: the 20,000-line one) after
// warm-up, and prints the functions with the most self time. Writes the .cpuprofile (open it in
// Chrome DevTools or VS Code) to bench-results/. Usage: node bench/profile.mjs [lines] [runs]
import * as fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBenchLib } from './bundle.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lines = Number(process.argv[2] ?? 20000);
const runs = Number(process.argv[3] ?? 10);
const lib = await loadBenchLib(ROOT, path.join(ROOT, 'bench-results', '.build'));
const text = lib.generateAgentDoc({ lines, seed: 13 });
// Typing in the middle of the document: every analysis sees a new text (one more character,
// a new line every tenth), as in an editor; alternating two texts would only measure the caches.
const at = text.indexOf('\n', text.indexOf('\n## Runbook\n') + 12);
let typed = '';
const next = () => {
  typed += typed.length % 10 === 9 ? '\n' : 'x';
  return text.slice(0, at) + typed + text.slice(at);
};
for (let run = 0; run < 3; run++) lib.analyze(next(), { reuseRuleResults: true });

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const started = performance.now();
for (let run = 0; run < runs; run++) lib.analyze(next(), { reuseRuleResults: true });
const elapsed = performance.now() - started;
const { profile } = await session.post('Profiler.stop');
session.disconnect();
const out = path.join(ROOT, 'bench-results', `analyze-${lines}.cpuprofile`);
fs.writeFileSync(out, JSON.stringify(profile));

// Self time per function: samples × interval, attributed to the sampled (top) frame.
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const deltas = profile.timeDeltas;
profile.samples.forEach((id, index) => {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const key = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`.trim();
  self.set(key, (self.get(key) ?? 0) + (deltas[index] ?? 0) / 1000);
});
const total = [...self.values()].reduce((sum, value) => sum + value, 0);
console.log(
  `${lines}-line document (${text.split('\n').length} lines), ${runs} analyses: ${(elapsed / runs).toFixed(1)} ms each; profile in ${path.relative(process.cwd(), out)}`,
);
console.log('self ms/run   share  function');
for (const [key, value] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`${(value / runs).toFixed(1).padStart(11)}  ${((value / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}
