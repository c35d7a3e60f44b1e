import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { generateAgentDoc } from '../helpers/agentDocGenerator';
import { FIXTURE_TODAY } from '../helpers/fixtures';

// The benchmark (npm run bench) measures these documents; they must be valid agent docs, or it
// would measure the cost of reporting problems instead of the cost of checking a good document.
describe('benchmark document generator', () => {
  for (const lines of [400, 2000]) {
    it(`generates a valid ~${lines}-line production document`, () => {
      for (const seed of [1, 2, 3]) {
        const text = generateAgentDoc({ lines, seed });
        const count = text.split('\n').length;
        assert.ok(count >= lines && count < lines * 1.1, `seed ${seed}: ${count} lines for a target of ${lines}`);
        const { findings, readiness } = analyze(text, { today: FIXTURE_TODAY });
        const errors = findings.filter((finding) => finding.severity === 'error');
        assert.deepEqual(
          errors.map((finding) => `${finding.code} line ${finding.range.start.line + 1}: ${finding.message}`),
          [],
          `seed ${seed}`,
        );
        assert.ok(findings.length <= 2, `seed ${seed}: ${findings.length} findings`);
        assert.equal(readiness?.stage.id, 'production');
      }
    });
  }

  it('is deterministic: the same seed gives the same text, another seed another text', () => {
    assert.equal(generateAgentDoc({ lines: 400, seed: 5 }), generateAgentDoc({ lines: 400, seed: 5 }));
    assert.notEqual(generateAgentDoc({ lines: 400, seed: 5 }), generateAgentDoc({ lines: 400, seed: 6 }));
  });
});
