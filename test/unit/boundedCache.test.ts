import * as assert from 'node:assert/strict';
import { BoundedCache } from '../../server/src/engine/boundedCache';

describe('BoundedCache', () => {
  it('keeps at most its number of entries, dropping the least recently used', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1); // a is now the most recent
    cache.set('c', 3);
    assert.deepEqual([cache.has('a'), cache.has('b'), cache.has('c')], [true, false, true]);
  });

  it('keeps the sum of weights within its budget and never keeps a value heavier than the budget', () => {
    const cache = new BoundedCache<string, string>(100, 10, (key) => key.length);
    cache.set('aaaa', 'x');
    cache.set('bbbb', 'y');
    cache.set('cccc', 'z');
    assert.equal(cache.weight, 8);
    assert.equal(cache.has('aaaa'), false);
    cache.set('k'.repeat(11), 'too heavy');
    assert.equal(cache.has('k'.repeat(11)), false);
    assert.equal(cache.weight, 8);
    cache.set('bbbb', 'again');
    assert.equal(cache.weight, 8, 'replacing an entry does not count it twice');
  });
});
