import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { example, exampleEvidence, removeTree } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/fixtures';
import { packAndInstall, userEnv } from '../helpers/packed';
import { allElements, parseXml } from '../helpers/xml';

const CI_DOC = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'ci.md'), 'utf8');

/** The fenced YAML block of docs/ci.md that starts with `first`. */
function documentedYaml(first: string): Record<string, unknown> {
  const block = CI_DOC.split('```yaml\n')
    .slice(1)
    .map((part) => part.slice(0, part.indexOf('```')))
    .find((text) => text.startsWith(first));
  assert.ok(block, `docs/ci.md has no YAML block starting with ${first}`);
  return parse(block) as Record<string, unknown>;
}

/**
 * The documented GitLab job, run as GitLab runs `script:` (line by line, stopping at the first that
 * fails) with the packed npm package installed in the project, then its artifacts read as GitLab would.
 */
describe('the GitLab CI example in docs/ci.md', function () {
  this.timeout(300000);

  it('writes a Code Quality report and a JUnit report, prints the findings, and fails on errors', () => {
    const job = documentedYaml('agentdoc:\n')['agentdoc'] as {
      script: string[];
      artifacts: { when: string; reports: { codequality: string; junit: string } };
    };
    const { project } = packAndInstall();
    const workspace = path.join(project, 'gitlab-job');
    fs.mkdirSync(path.join(workspace, 'agents', 'evidence'), { recursive: true });
    // The job's folder sits in a project with agentdoc installed, as `npx` finds it in a repository.
    fs.writeFileSync(path.join(workspace, 'agents', 'broken.agentdoc.md'), example('broken.agentdoc.md'));
    fs.writeFileSync(path.join(workspace, 'agents', 'complete.agentdoc.md'), example('complete.agentdoc.md'));
    for (const [name, text] of Object.entries(exampleEvidence('agents/'))) {
      fs.mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
      fs.writeFileSync(path.join(workspace, name), text);
    }
    try {
      const exits: Array<number | null> = [];
      let log = '';
      for (const line of job.script) {
        const result = spawnSync('bash', ['-eo', 'pipefail', '-c', line], {
          cwd: workspace,
          env: userEnv({ npm_config_offline: 'true' }),
          encoding: 'utf8',
          timeout: 120000,
        });
        exits.push(result.status);
        log += result.stdout + result.stderr;
        if (result.status !== 0) break;
      }
      assert.deepEqual(exits, [0, 0, 1], log);
      assert.match(log, /agents\/broken\.agentdoc\.md:4:7 +error +AD001/);
      assert.equal(job.artifacts.when, 'always');

      const quality = JSON.parse(
        fs.readFileSync(path.join(workspace, job.artifacts.reports.codequality), 'utf8'),
      ) as Array<{
        location: { path: string };
      }>;
      assert.ok(quality.length > 0);
      assert.ok(quality.every((issue) => issue.location.path === 'agents/broken.agentdoc.md'));
      const junit = parseXml(fs.readFileSync(path.join(workspace, job.artifacts.reports.junit), 'utf8'));
      assert.equal(allElements(junit, 'testsuite').length, 2);
      assert.ok(allElements(junit, 'failure').length > 0);
    } finally {
      removeTree(workspace);
    }
  });
});
