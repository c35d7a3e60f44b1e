import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine';
import { parseBlocks } from '../../server/src/engine/model/blocks';
import { clearParseCache, parseBlocksIncrementally } from '../../server/src/engine/model/chunkedBlocks';
import { generateAgentDoc } from '../helpers/agentDocGenerator';
import { FIXTURE_TODAY } from '../helpers/fixtures';
import { applyMutation, mutation } from '../robustness/mutations';

const run = (text: string) => JSON.stringify(analyze(text, { today: FIXTURE_TODAY }).findings);

/**
 * Incremental parsing (pieces cut at top-level headings, cached by text) must give exactly what a
 * from-scratch parse gives, after every edit of a random sequence.
 */
describe('incremental analysis equals a full check after every edit', () => {
  const base = generateAgentDoc({ lines: 1200, seed: 7 });

  it('pieces parsed separately give the same blocks as one whole-body parse', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (changes) => {
        const text = changes.reduce(applyMutation, base);
        assert.deepEqual(parseBlocksIncrementally(text, 3), parseBlocks(text, 3));
      }),
      { seed: 20261123, numRuns: 60 },
    );
  });

  it('every CommonMark spec example, cut at the headings between them, parses as the whole text does', () => {
    // Each example follows a heading, so the tricky constructs (open fences, HTML blocks, lazy
    // continuation, setext underlines) all sit right before a possible cut.
    const { tests } = require('commonmark-spec') as { tests: { markdown: string; number: number }[] };
    const text = tests.map((test) => `## Example ${test.number}\n\n${test.markdown}`).join('\n');
    assert.ok(text.split('\n').length > 400, 'long enough to be cut into pieces');
    assert.deepEqual(parseBlocksIncrementally(text, 0), parseBlocks(text, 0));
    // Also with each example glued to the next heading (no blank line in between).
    const glued = tests.map((test) => `## Example ${test.number}\n${test.markdown}`).join('');
    assert.deepEqual(parseBlocksIncrementally(glued, 0), parseBlocks(glued, 0));
  });

  it('random edit sequences: the cached (incremental) findings equal a fresh check after each edit', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 2, maxLength: 8 }), (changes) => {
        clearParseCache();
        let text = base;
        run(text);
        for (const change of changes) {
          text = applyMutation(text, change);
          const incremental = run(text);
          clearParseCache();
          assert.equal(incremental, run(text));
        }
      }),
      { seed: 20261124, numRuns: 25 },
    );
  });
});
