import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { hoverAt } from '../../server/src/engine/features/hover';
import { EXAMPLES_DIR, FIXTURE_TODAY } from '../helpers/fixtures';

describe('front-matter hovers', () => {
  const text = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');
  const result = analyze(text, { today: FIXTURE_TODAY });
  const lines = text.split('\n');
  const closing = lines.indexOf('---', 1);

  it('a key hovers with its description', () => {
    const line = lines.findIndex((candidate) => candidate.startsWith('stage:'));
    const hover = hoverAt(result, { line, character: 2 });
    assert.match(hover?.markdown ?? '', /^\*\*stage\*\*/);
  });

  it('the fences hover with nothing (the last key used to answer on the closing fence)', () => {
    for (const character of [0, 1, 3]) {
      assert.equal(hoverAt(result, { line: closing, character }), undefined);
      assert.equal(hoverAt(result, { line: 0, character }), undefined);
    }
  });
});
