import * as assert from 'node:assert/strict';
import { ValidationScheduler } from '../../server/src/lsp/validationScheduler';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ValidationScheduler: one check for a burst of edits', () => {
  it('without a debounce, runs once after the current turn, only the latest request per document', async () => {
    const scheduler = new ValidationScheduler();
    const runs: string[] = [];
    scheduler.schedule('a', 0, () => runs.push('a1'));
    scheduler.schedule('a', 0, () => runs.push('a2'));
    scheduler.schedule('b', 0, () => runs.push('b1'));
    assert.deepEqual([...runs], [], 'nothing runs synchronously');
    await nextTurn();
    await nextTurn();
    assert.deepEqual([...runs], ['a2', 'b1']);
  });

  it('with a debounce, waits for it; cancel and dispose drop what is pending', async () => {
    const scheduler = new ValidationScheduler();
    const runs: string[] = [];
    scheduler.schedule('a', 30, () => runs.push('a'));
    scheduler.schedule('b', 0, () => runs.push('b'));
    scheduler.schedule('c', 30, () => runs.push('c'));
    scheduler.cancel('b');
    await nextTurn();
    assert.deepEqual([...runs], []);
    await later(60);
    assert.deepEqual([...runs], ['a', 'c']);
    scheduler.schedule('d', 0, () => runs.push('d'));
    scheduler.schedule('e', 10, () => runs.push('e'));
    scheduler.dispose();
    await later(30);
    assert.deepEqual([...runs], ['a', 'c']);
  });
});
