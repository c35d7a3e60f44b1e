import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { closestValue } from '../../server/src/engine/fixes/valueCorrection';
import { EXAMPLES_DIR, FIXTURE_TODAY } from '../helpers/fixtures';

const STAGES = ['pilot', 'shadow', 'canary', 'production', 'retired'];

describe('"did you mean" for invalid values (issue 12.6)', () => {
  it('guesses from synonyms, one edit, or one swap of neighbouring letters; never between two equally close values', () => {
    assert.equal(closestValue('prod', STAGES, { prod: 'production' }), 'production');
    assert.equal(closestValue('productionx', STAGES), 'production');
    assert.equal(closestValue('pilto', STAGES), 'pilot');
    assert.equal(closestValue('Canary', STAGES), 'canary');
    assert.equal(closestValue('beta', STAGES), undefined);
    assert.equal(closestValue('ab', ['ac', 'ad']), undefined);
  });

  it('an unknown stage is an error with the quick fix, and the verdict claims no readiness', () => {
    const pilot = fs.readFileSync(path.join(EXAMPLES_DIR, 'pilot.agentdoc.md'), 'utf8');
    for (const [typed, meant] of [
      ['prod', 'production'],
      ['pilto', 'pilot'],
      ['productionx', 'production'],
    ] as const) {
      const result = analyze(pilot.replace(/^stage: .*$/m, `stage: ${typed}`), { today: FIXTURE_TODAY });
      const finding = result.findings.find((candidate) => candidate.message.includes(`"${typed}"`));
      assert.ok(finding, `no finding on stage ${typed}`);
      assert.equal(finding.severity, 'error');
      assert.deepEqual(
        finding.fixes?.map((fix) => fix.title),
        [`Change "${typed}" to "${meant}"`],
      );
      assert.equal(result.verdict.stage, undefined, `stage ${typed} is judged as a known stage`);
      assert.match(result.verdict.phrase, /^Stage unknown/);
    }
  });
});
