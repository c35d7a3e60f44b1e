import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeHost, readFileBlocking } from '../../server/src/node/nodeHost';

/** The CLI workers' blocking read keeps every guard of the host's read: same text, same refusals. */
describe('readFileBlocking (CLI workers)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-read-'));
    fs.writeFileSync(path.join(dir, 'doc.agentdoc.md'), '---\nid: a\n---\n# Ä\n');
    fs.symlinkSync(path.join(dir, 'doc.agentdoc.md'), path.join(dir, 'link.agentdoc.md'));
    fs.mkdirSync(path.join(dir, 'folder.agentdoc.md'));
    if (process.platform !== 'win32') execFileSync('mkfifo', [path.join(dir, 'fifo.agentdoc.md')]);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const codeOf = (read: () => unknown): string | undefined => {
    try {
      read();
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };
  const asyncCodeOf = async (read: () => Promise<unknown>): Promise<string | undefined> => {
    try {
      await read();
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };

  it('reads a regular file as the host does', async () => {
    const file = path.join(dir, 'doc.agentdoc.md');
    assert.equal(readFileBlocking(file), await nodeHost.readFile(file));
  });

  for (const name of ['link.agentdoc.md', 'folder.agentdoc.md', 'fifo.agentdoc.md', 'missing.agentdoc.md']) {
    it(`refuses ${name} with the host's error code`, async function () {
      const file = path.join(dir, name);
      if (name.startsWith('fifo') && process.platform === 'win32') this.skip();
      const expected = await asyncCodeOf(() => nodeHost.readFile(file));
      assert.ok(expected, 'the host refuses it');
      assert.equal(
        codeOf(() => readFileBlocking(file)),
        expected,
      );
    });
  }
});
