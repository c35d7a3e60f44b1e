import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine';
import { excerpt, invariantViolations, timed } from './invariants';
import { blockDifferences } from './markdownOracle';
import { FUZZ_SEED, fuzzRuns, mutatedDocument, type MutatedDocument } from './mutations';

/** Generous: a mutated example is ~2-25 kB and takes milliseconds; this only catches a hang. */
const MAX_CPU_MS = 2000;

describe('fuzzing the engine with mutated examples (fast-check)', function () {
  const runs = fuzzRuns('AGENTDOC_FUZZ_RUNS', 250);
  this.timeout(Math.max(60_000, runs * 200));

  it(`keeps every invariant on ${runs.toLocaleString('en-US')} mutated documents (seed ${FUZZ_SEED})`, () => {
    const failures: { input: MutatedDocument; problems: string[] }[] = [];
    let maxWall = 0;
    let maxCpu = 0;
    let slowest = '';
    let count = 0;
    fc.check(
      fc.property(mutatedDocument, (input) => {
        count++;
        let problems: string[];
        try {
          const { value, wallMs, cpuMs } = timed(() => analyze(input.text));
          problems = invariantViolations(input.text, value.findings);
          if (cpuMs > MAX_CPU_MS) problems.push(`analysis took ${Math.round(cpuMs)} ms of CPU`);
          if (cpuMs > maxCpu) slowest = `${input.example} + ${input.mutations.length} mutations`;
          maxWall = Math.max(maxWall, wallMs);
          // Differential: the engine's trimmed markdown-it (no inline pass, table extents only) must
          // see the same blocks as stock markdown-it.
          const model = value.model;
          if (model) {
            const { difference } = blockDifferences(
              model.bodyStartLine < model.index.lineCount
                ? input.text.slice(model.index.lineStart(model.bodyStartLine))
                : '',
              model.bodyStartLine,
            );
            if (difference) problems.push(`blocks differ from markdown-it's: ${difference}`);
          }
          maxCpu = Math.max(maxCpu, cpuMs);
        } catch (error) {
          problems = [`exception escaped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
        }
        if (problems.length > 0) failures.push({ input, problems });
        return true;
      }),
      { seed: FUZZ_SEED, numRuns: runs },
    );
    console.log(
      `      fuzz engine: ${count.toLocaleString('en-US')} inputs, ${failures.length} crashes or broken invariants, max analysis ${Math.round(maxWall)} ms wall / ${Math.round(maxCpu)} ms CPU (${slowest})`,
    );
    const shown = failures
      .slice(0, 3)
      .map(
        ({ input, problems }) =>
          `${input.example} ${JSON.stringify(input.mutations).slice(0, 300)}\n  text ${excerpt(input.text)}\n  ${problems.slice(0, 5).join('\n  ')}`,
      );
    assert.equal(failures.length, 0, shown.join('\n\n'));
  });
});
