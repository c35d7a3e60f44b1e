import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { run } from '../../server/src/cli/main';
import { ResultSpool } from '../../server/src/cli/resultSpool';
import { FORMATS } from '../../server/src/cli/formats/types';
import { analyze, compactResult } from '../../server/src/engine';
import { example, removeTree, runCli, tempTree } from '../helpers/cli';
import { FIXTURE_TODAY } from '../helpers/fixtures';

/** Runs the CLI in-process and keeps each piece of output as it was written. */
async function chunksOf(args: string[], cwd: string): Promise<{ code: number; chunks: string[] }> {
  const chunks: string[] = [];
  const code = await run(args, {
    cwd,
    stdout: (text) => void chunks.push(text),
    stderr: () => {},
    isTty: false,
    stderrIsTty: false,
    stdinIsTty: false,
    env: {},
  });
  return { code, chunks };
}

describe('CLI output is written file by file (issue 13.11)', () => {
  let root: string;
  before(() => {
    root = tempTree({
      'a.agentdoc.md': example('pilot.agentdoc.md'),
      'b.agentdoc.md': example('broken.agentdoc.md'),
      'c.agentdoc.md': example('broken-schema.agentdoc.md'),
      'd.agentdoc.md': example('pilot.agentdoc.md').replace(/^id: .*$/m, 'id: other-agent'),
    });
  });
  after(() => removeTree(root));

  for (const format of FORMATS) {
    it(`--format ${format}: one write per file with findings, the same bytes as the bundled CLI`, async () => {
      const args = ['check', '.', '--format', format, '--today', FIXTURE_TODAY];
      const { code, chunks } = await chunksOf(args, root);
      const whole = runCli(args, { cwd: root });
      assert.equal(code, whole.code);
      assert.equal(chunks.join(''), whole.stdout);
      assert.ok(chunks.length >= 4, `${chunks.length} writes: the output was built in one piece`);
    });
  }
});

describe('result spool', () => {
  it('keeps results exactly, in memory and past its limit in a private temporary file it removes', () => {
    const results = ['pilot', 'broken', 'complete'].map((name) => {
      const {
        model: _model,
        readiness: _readiness,
        ...compact
      } = analyze(example(`${name}.agentdoc.md`), {
        today: FIXTURE_TODAY,
      });
      return compact;
    });
    const before = new Set(fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('agentdoc-results-')));
    const spool = new ResultSpool<(typeof results)[number]>(20_000);
    [2, 0, 1].forEach((index) => spool.put(index, results[index]!));
    const created = fs
      .readdirSync(os.tmpdir())
      .filter((name) => name.startsWith('agentdoc-results-') && !before.has(name));
    assert.equal(created.length, 1, 'the spool spilled to a file');
    const file = path.join(os.tmpdir(), created[0]!, 'results.bin');
    assert.equal(fs.statSync(file).mode & 0o077, 0, 'only this user can read it');
    results.forEach((result, index) => assert.deepEqual(spool.take(index), result));
    assert.equal(spool.take(1), undefined, 'taken once');
    spool.close();
    assert.equal(fs.existsSync(path.dirname(file)), false);
  });

  it('keeps bytes a worker serialised as they are, next to results it serialises itself', () => {
    const results = ['pilot', 'broken', 'complete'].map((name) =>
      compactResult(analyze(example(`${name}.agentdoc.md`), { today: FIXTURE_TODAY })),
    );
    for (const limit of [1 << 30, 20_000]) {
      const spool = new ResultSpool<(typeof results)[number]>(limit);
      spool.putSerialized(1, new Uint8Array(v8.serialize(results[1])));
      spool.put(0, results[0]!);
      spool.putSerialized(2, new Uint8Array(v8.serialize(results[2])));
      results.forEach((result, index) => assert.deepEqual(spool.take(index), result, `limit ${limit}`));
      spool.close();
    }
  });
});
