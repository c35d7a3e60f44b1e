import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { FIXTURE_TODAY, REPO_ROOT } from '../helpers/fixtures';

/** The text-format sample of docs/cli.md: the fenced block after "- **text** —", unindented. */
function documentedSample(): string[] {
  const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'cli.md'), 'utf8');
  const from = doc.indexOf('- **text** —');
  assert.ok(from >= 0, 'docs/cli.md describes the text format');
  const open = doc.indexOf('```\n', from);
  const close = doc.indexOf('```', open + 4);
  const lines = doc.slice(open + 4, close).split('\n');
  const indent = /^ */.exec(lines[0]!)![0].length;
  return lines.map((line) => line.slice(indent)).filter((line) => line.trim() !== '');
}

/**
 * docs/cli.md shows what `agentdoc check examples` prints. The sample is an excerpt (a line "…"
 * stands for lines left out, a message ending in " …" is cut there), but every line it shows is a
 * line of a real run, in the same order: the counts and the verdict cannot go stale again.
 */
describe('docs/cli.md', () => {
  it('shows a real run of agentdoc check examples in its text-format sample', () => {
    const run = runCli(['check', 'examples', '--today', FIXTURE_TODAY]);
    assert.equal(run.code, 1, run.stderr);
    const actual = run.stdout.split('\n').filter((line) => line.trim() !== '');
    let at = 0;
    for (const line of documentedSample()) {
      if (line.trim() === '…') continue;
      const cut = line.endsWith(' …') ? line.slice(0, -2) : undefined;
      const found = actual.findIndex((real, index) => index >= at && (cut ? real.startsWith(cut) : real === line));
      assert.ok(
        found >= 0,
        `docs/cli.md shows a line the CLI does not print (in this order):\n${line}\n\nreal output:\n${run.stdout}`,
      );
      at = found + 1;
    }
  });
});
