import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../helpers/cli';
import { FIXTURE_TODAY, REPO_ROOT } from '../helpers/fixtures';

// Regenerate after a rule or message change: `npm run golden:update` (sets AGENTDOC_UPDATE_GOLDEN=1).
const UPDATE = process.env['AGENTDOC_UPDATE_GOLDEN'] === '1';
const GOLDEN = path.join(REPO_ROOT, 'test', 'golden');

/** The only machine-specific text in any output: SARIF's absolute %SRCROOT%. */
function normalise(text: string): string {
  return text.split(pathToFileURL(REPO_ROOT).href + '/').join('file:///SRCROOT/');
}

const CASES: Array<{ file: string; args: string[]; code: number }> = [
  { file: 'check.txt', args: ['check', 'examples', '--format', 'text'], code: 1 },
  { file: 'check.json', args: ['check', 'examples', '--format', 'json'], code: 1 },
  { file: 'check.sarif', args: ['check', 'examples', '--format', 'sarif'], code: 1 },
  { file: 'check.md', args: ['check', 'examples', '--format', 'markdown'], code: 1 },
  { file: 'check.github.txt', args: ['check', 'examples', '--format', 'github'], code: 1 },
  { file: 'check.junit.xml', args: ['check', 'examples', '--format', 'junit'], code: 1 },
  { file: 'check.gitlab.json', args: ['check', 'examples', '--format', 'gitlab'], code: 1 },
  { file: 'check-quiet.txt', args: ['check', 'examples', '--quiet'], code: 1 },
  { file: 'check-stage-canary.txt', args: ['check', 'examples/pilot.agentdoc.md', '--stage', 'canary'], code: 1 },
  { file: 'report.md', args: ['report', 'examples', '--format', 'markdown'], code: 0 },
  { file: 'report.html', args: ['report', 'examples', '--format', 'html'], code: 0 },
  {
    file: 'portfolio-examples.md',
    args: ['portfolio', 'examples', '--format', 'markdown', '--history', '0', '--repository', 'agentdoc/examples'],
    code: 0,
  },
  { file: 'export-annex-iv.md', args: ['export', '--format', 'annex-iv', 'examples/complete.agentdoc.md'], code: 0 },
  { file: 'export-agent-card.json', args: ['export', '--format', 'a2a', 'examples/complete.agentdoc.md'], code: 0 },
  { file: 'export-catalog-info.yaml', args: ['export', '--format', 'backstage', 'examples'], code: 0 },
];

describe('golden output on examples/ (test/golden, `npm run golden:update` regenerates)', () => {
  for (const { file, args, code } of CASES) {
    it(`agentdoc ${args.join(' ')} → ${file}`, () => {
      const result = runCli([...args, '--today', FIXTURE_TODAY]);
      assert.equal(result.code, code, result.stderr);
      const actual = normalise(result.stdout);
      const target = path.join(GOLDEN, file);
      if (UPDATE || !fs.existsSync(target)) {
        fs.mkdirSync(GOLDEN, { recursive: true });
        fs.writeFileSync(target, actual);
        if (!UPDATE) assert.fail(`${file} did not exist and was written; check it in and re-run`);
        return;
      }
      assert.equal(
        actual,
        fs.readFileSync(target, 'utf8'),
        `${file} differs: if the change is intended, run npm run golden:update`,
      );
    });
  }
});
