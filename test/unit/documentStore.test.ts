import * as assert from 'node:assert/strict';
import type { DocumentCheck } from '../../server/src/engine';
import { DocumentStore } from '../../server/src/lsp/documentStore';

/** A check with just what the cross-document checks read (the store never looks further). */
function check(path: string, id: string, line = 1): DocumentCheck {
  return {
    path,
    identity: { id, idRange: { start: { line, character: 4 }, end: { line, character: 4 + id.length } } },
  } as unknown as DocumentCheck;
}

describe('document store: cross-document checks run only when an identity changed', () => {
  function storeWithCounter(): { store: DocumentStore; runs: () => number; refresh: () => string[] } {
    const store = new DocumentStore((c) => c.result);
    let runs = 0;
    const refresh = () =>
      store.refreshWorkspace((checks) => {
        runs++;
        return new Map(checks.map((c) => [c.path, []]));
      });
    return { store, runs: () => runs, refresh };
  }

  it('looks again only at what was set since, and sees every kind of change', () => {
    const { store, runs, refresh } = storeWithCounter();
    store.setDisk('file:///a', check('/a', 'a'), store.diskReadStarts());
    store.setDisk('file:///b', check('/b', 'b'), store.diskReadStarts());
    refresh();
    assert.equal(runs(), 1);
    refresh();
    assert.equal(runs(), 1, 'nothing set since: no run');
    store.setOpen('file:///a', 2, check('/a', 'a'));
    refresh();
    assert.equal(runs(), 1, 'the open text has the same identity');
    store.setOpen('file:///a', 3, check('/a', 'a', 2));
    refresh();
    assert.equal(runs(), 2, 'the id moved a line');
    store.closeOpen('file:///a');
    refresh();
    assert.equal(runs(), 3, 'back to the disk entry, on its old line');
    store.setDisk('file:///b', undefined, store.diskReadStarts());
    refresh();
    assert.equal(runs(), 4, 'a document went away');
    store.setDisk('file:///c', check('/c', 'c'), store.diskReadStarts());
    refresh();
    assert.equal(runs(), 5, 'a document came');
    store.clearDisk();
    refresh();
    assert.equal(runs(), 6, 'all disk entries went away');
    assert.equal(store.refreshWorkspace(() => new Map(), true).length, 0);
  });
});

describe('document store: a check read from disk before its file changed is dropped', () => {
  it('keeps the entry of the read that followed the change, whichever arrives last', () => {
    const store = new DocumentStore((c) => c.result);
    const idOf = () => store.check('file:///a')?.identity?.id;
    const indexing = store.diskReadStarts();
    const afterChange = store.diskChanged('file:///a');
    assert.equal(store.setDisk('file:///a', check('/a', 'new'), afterChange), true);
    assert.equal(store.setDisk('file:///a', check('/a', 'old'), indexing), false, 'read before the change');
    assert.equal(idOf(), 'new');
    assert.equal(store.setDisk('file:///a', undefined, indexing), false, 'nor can it remove the entry');
    assert.equal(idOf(), 'new');
    assert.equal(store.setDisk('file:///b', check('/b', 'b'), indexing), true, 'other documents are not held back');
    const later = store.diskReadStarts();
    assert.equal(store.setDisk('file:///a', check('/a', 'again'), later), true, 'read after the change: current');
    assert.equal(idOf(), 'again');
  });
});
