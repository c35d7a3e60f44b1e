import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { analyze } from '../../server/src/engine';
import { generateAgentDoc } from '../helpers/agentDocGenerator';

/** The heap after a full garbage collection (also without --expose-gc), in MB. */
function heapAfterGc(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const analyseNew = (from: number, count: number): void => {
  for (let seed = from; seed < from + count; seed++) analyze(generateAgentDoc({ lines: 2000, seed }));
};

describe('memory: the engine keeps no more than its caches allow (issue 13.14)', function () {
  this.timeout(300000);

  it('once its caches are full, analysing 80 more different 2,000-line documents leaves the heap where it was', () => {
    // Each document is new text (a long typing session is the same to the caches): the first 80
    // fill every cache to its bound, the next 80 must only replace entries.
    analyseNew(500, 80);
    const full = heapAfterGc();
    analyseNew(700, 80);
    const grown = heapAfterGc() - full;
    assert.ok(grown < 3, `the heap grew by ${grown.toFixed(1)} MB`);
  });
});
