import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeCacheDir } from '../../server/src/loader/runBundle';

describe('the code cache folder (server/src/loader)', () => {
  it('is the one the client or the tests name, when it is absolute', () => {
    const chosen = path.join(os.tmpdir(), 'agentdoc-chosen');
    assert.equal(codeCacheDir({ AGENTDOC_CODE_CACHE_DIR: chosen, XDG_CACHE_HOME: '/elsewhere' }), chosen);
  });

  it('is none for a relative folder (it would be the workspace) or a word such as off', () => {
    for (const value of ['off', '', 'cache', './cache', '../up'])
      assert.equal(codeCacheDir({ AGENTDOC_CODE_CACHE_DIR: value }), undefined, value);
  });

  it('is the user cache folder otherwise', () => {
    if (process.platform === 'win32') return;
    const xdg = path.join(os.tmpdir(), 'xdg-cache');
    assert.equal(codeCacheDir({ XDG_CACHE_HOME: xdg }), path.join(xdg, 'agentdoc'));
    assert.equal(codeCacheDir({ XDG_CACHE_HOME: 'relative' }), path.join(os.homedir(), '.cache', 'agentdoc'));
    assert.equal(codeCacheDir({}), path.join(os.homedir(), '.cache', 'agentdoc'));
  });
});
