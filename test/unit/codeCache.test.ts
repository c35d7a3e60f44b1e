import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileWithCache, readCache, writeCache } from '../../server/src/loader/codeCache';
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

describe('the code cache file (server/src/loader/codeCache.ts)', () => {
  let root: string;
  let bundle: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-code-cache-unit-'));
    bundle = path.join(root, 'tiny-main.js');
    fs.writeFileSync(bundle, '(function (exports) { exports.answer = [1, 2, 3].map((n) => n * 14)[2]; })');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const compile = (cacheDir: string | undefined) =>
    compileWithCache({ bundle, bundleHash: 'ab'.repeat(32), cacheDir }, fs.readFileSync(bundle, 'utf8'));
  const answer = (script: { runInThisContext(): unknown }) => {
    const exports: { answer?: number } = {};
    (script.runInThisContext() as (exports: object) => void)(exports);
    return exports.answer;
  };

  it('missing, written, then accepted; the code runs the same every time', () => {
    const dir = path.join(root, 'cache');
    const first = compile(dir);
    assert.equal(first.state, 'missing');
    assert.equal(answer(first.script), 42);
    assert.equal(first.save(), true);
    assert.equal(first.save(), false, 'written once');
    const second = compile(dir);
    assert.equal(second.state, 'accepted');
    assert.equal(answer(second.script), 42);
    assert.equal(second.save(), false, 'an accepted cache is not rewritten');
    assert.equal(compile(undefined).state, 'none');
  });

  it('a folder that cannot be made: nothing written, nothing thrown', () => {
    fs.writeFileSync(path.join(root, 'a-file'), '');
    const dir = path.join(root, 'a-file', 'cache');
    const compiled = compile(dir);
    assert.equal(compiled.state, 'missing');
    assert.equal(compiled.save(), false);
    assert.equal(writeCache(path.join(dir, 'x.v8cache'), Buffer.from('data')), false);
    assert.equal(answer(compiled.script), 42);
  });

  it('reads only our own regular files', () => {
    const file = path.join(root, 'x.v8cache');
    assert.equal(readCache(file).state, 'missing');
    assert.equal(writeCache(file, Buffer.from('some V8 data')), true);
    assert.deepEqual(readCache(file).data, Buffer.from('some V8 data'));
    fs.symlinkSync(file, path.join(root, 'link.v8cache'));
    assert.equal(readCache(path.join(root, 'link.v8cache')).state, 'invalid', 'a link is not followed');
    const bytes = fs.readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    fs.writeFileSync(file, bytes);
    assert.equal(readCache(file).state, 'invalid', 'one flipped bit');
  });
});
