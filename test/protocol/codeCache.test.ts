import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { readCache } from '../../server/src/loader/codeCache';
import { EXAMPLES_DIR } from '../helpers/fixtures';
import { DIST } from '../helpers/cli';
import { StdioLspClient } from '../helpers/lspClient';

/**
 * dist/server.js is a loader that runs the server bundle through a V8 code cache
 * (server/src/loader/): written once the code is warm, reused by the next start, and never a
 * reason not to start. AGENTDOC_CODE_CACHE_REPORT makes the loader say on stderr what it did.
 */
describe('language server: the V8 code cache of dist/server.js', function () {
  this.timeout(60_000);
  const file = path.join(EXAMPLES_DIR, 'complete.agentdoc.md');
  const uri = pathToFileURL(file).toString();
  const text = fs.readFileSync(file, 'utf8');
  let root: string;
  let cacheDir: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-code-cache-'));
    cacheDir = path.join(root, 'cache');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** Starts a server with this cache folder, checks the example, and waits for the cache's fate. */
  async function run(dir: string, waitForWrite: boolean): Promise<{ report: string[]; diagnostics: unknown }> {
    const client = new StdioLspClient([path.join(DIST, 'server.js'), '--stdio'], {
      ...process.env,
      AGENTDOC_CODE_CACHE_DIR: dir,
      AGENTDOC_CODE_CACHE_REPORT: '1',
    });
    try {
      await client.initialize();
      await client.open(uri, text);
      const published: PublishDiagnosticsParams = await client.diagnostics(uri);
      // The loader writes the cache right after the first check; wait for its line (no timing asserted).
      if (waitForWrite)
        for (let tries = 0; tries < 100 && !client.stderr.includes(' written'); tries++)
          await new Promise((resolve) => setTimeout(resolve, 100));
      // A request answered after the check: whatever the loader does next has been done.
      await client.request('agentdoc/readiness', { uri });
      const report = client.stderr
        .split('\n')
        .filter((line) => line.startsWith('agentdoc code cache: '))
        .map((line) => line.replace('agentdoc code cache: server-main.js ', ''));
      return { report, diagnostics: published.diagnostics };
    } finally {
      await client.close();
    }
  }

  const cacheFiles = (dir = cacheDir) =>
    fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.v8cache')) : [];

  it('is written after the first check, reused by the next start, and changes no result', async () => {
    const first = await run(cacheDir, true);
    assert.deepEqual(first.report, ['missing', 'written']);
    const [name] = cacheFiles();
    assert.ok(name, 'a cache file');
    assert.match(name, new RegExp(`^server-main-[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-`));
    if (process.platform !== 'win32') {
      assert.equal(fs.statSync(cacheDir).mode & 0o777, 0o700, 'the folder is private');
      assert.equal(fs.statSync(path.join(cacheDir, name)).mode & 0o777, 0o600, 'the file is private');
    }
    assert.deepEqual(
      fs.readdirSync(cacheDir).filter((entry) => entry !== name),
      [],
      'no temporary file is left',
    );

    const second = await run(cacheDir, false);
    assert.deepEqual(second.report, ['accepted'], 'V8 took the cache (cachedDataRejected false), nothing rewritten');
    const without = await run('off', false);
    assert.deepEqual(without.report, ['none']);
    assert.deepEqual(second.diagnostics, first.diagnostics);
    assert.deepEqual(without.diagnostics, first.diagnostics);
  });

  it('a corrupt, truncated or foreign cache is ignored and rewritten', async () => {
    await run(cacheDir, true);
    const [name] = cacheFiles();
    assert.ok(name);
    const cache = path.join(cacheDir, name);
    const good = fs.readFileSync(cache);
    const reference = await run('off', false);

    const flipped = Buffer.from(good);
    for (let index = 100; index < flipped.length; index += 997) flipped[index] = flipped[index]! ^ 0xff;
    // Our own header over data V8 did not write: V8 itself must refuse it.
    const junk = Buffer.alloc(good.length - 40, 7);
    const foreign = Buffer.concat([good.subarray(0, 8), createHash('sha256').update(junk).digest(), junk]);
    const cases: Array<[string, Buffer, string]> = [
      ['bytes flipped', flipped, 'invalid'],
      ['truncated', good.subarray(0, good.length >> 1), 'invalid'],
      ['empty', Buffer.alloc(0), 'invalid'],
      ['not V8 data', foreign, 'rejected'],
    ];
    for (const [what, bytes, state] of cases) {
      fs.writeFileSync(cache, bytes);
      const result = await run(cacheDir, true);
      assert.deepEqual(result.report, [state, 'written'], what);
      assert.deepEqual(result.diagnostics, reference.diagnostics, `${what}: the same findings`);
      assert.equal(readCache(cache).state, 'accepted', `${what}: rewritten as a good cache`);
    }
    assert.deepEqual((await run(cacheDir, false)).report, ['accepted']);
  });

  it('a cache folder that cannot be made or a link in place of the cache never stops the server', async () => {
    const reference = await run('off', false);
    // A regular file where a parent folder should be: mkdir fails (also for root).
    fs.writeFileSync(path.join(root, 'a-file'), '');
    const unwritable = await run(path.join(root, 'a-file', 'cache'), false);
    assert.deepEqual(unwritable.report, ['missing']);
    assert.deepEqual(unwritable.diagnostics, reference.diagnostics);

    // A link where the cache file would be is not followed: not read, and replaced by a file.
    await run(cacheDir, true);
    const [name] = cacheFiles();
    assert.ok(name);
    const cache = path.join(cacheDir, name);
    const target = path.join(root, 'elsewhere');
    fs.renameSync(cache, target);
    fs.symlinkSync(target, cache);
    const linked = await run(cacheDir, true);
    assert.deepEqual(linked.report, ['invalid', 'written']);
    assert.deepEqual(linked.diagnostics, reference.diagnostics);
    assert.ok(fs.lstatSync(cache).isFile(), 'the link was replaced, not followed');

    // A relative folder (it would be the workspace) is refused: no cache at all.
    const relative = await run('agentdoc-cache', false);
    assert.deepEqual(relative.report, ['none']);
  });
});
