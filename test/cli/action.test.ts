import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readAction, runCompositeAction, type ActionRun } from '../helpers/compositeAction';
import { example, exampleEvidence, removeTree, tempTree } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/fixtures';

/** The action as a workflow runs it, on a workspace holding a broken and a complete agent document. */
function runAction(withInputs: Record<string, string>, files?: Record<string, string>): ActionRun & { dir: string } {
  const dir = tempTree(
    files ?? {
      'agents/broken.agentdoc.md': example('broken.agentdoc.md'),
      'agents/complete.agentdoc.md': example('complete.agentdoc.md'),
      ...exampleEvidence('agents/'),
    },
  );
  const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' };
  return { ...runCompositeAction({ actionPath: REPO_ROOT, workspace: dir, with: withInputs, env }), dir };
}

const statuses = (run: ActionRun) => run.steps.map((step) => `${step.name}: ${step.status}`);

describe('the GitHub Action (action.yml), run as the Actions runner runs a composite action', function () {
  this.timeout(180000); // each case runs the CLI three times; a loaded machine is slow
  it('annotates, writes SARIF for code scanning and a job summary, and fails the job on errors', () => {
    const run = runAction({});
    try {
      assert.deepEqual(statuses(run), [
        'Set up agentdoc: success',
        'Check agent documents: success',
        'Upload to code scanning: success',
        'Fail on findings: failure',
      ]);
      assert.equal(run.failed, true);
      assert.deepEqual(run.outputs, { 'exit-code': '1', 'sarif-file': 'agentdoc.sarif' });
      const check = run.steps[1]!.stdout;
      assert.match(
        check,
        /^::error file=agents\/broken\.agentdoc\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=AD001::/m,
      );
      assert.doesNotMatch(check, /complete\.agentdoc\.md/);
      assert.deepEqual(run.steps[2]!.uses, {
        action: 'github/codeql-action/upload-sarif@v3',
        with: { sarif_file: 'agentdoc.sarif', category: 'agentdoc' },
      });
      const sarif = JSON.parse(fs.readFileSync(path.join(run.dir, 'agentdoc.sarif'), 'utf8')) as {
        runs: Array<{
          results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
        }>;
      };
      const uris = new Set(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri));
      assert.deepEqual([...uris], ['agents/broken.agentdoc.md']);
      assert.match(run.summary, /^# agentdoc check/m);
      assert.match(run.summary, /^## `agents\/broken\.agentdoc\.md` — Shadow · \d+ findings block shadow/m);
      assert.match(run.summary, /^## `agents\/complete\.agentdoc\.md` — Production · ready\n\nNo findings\./m);
    } finally {
      removeTree(run.dir);
    }
  });

  it('passes on documents without errors, and honours paths, fail-on and sarif-file', () => {
    const clean = runAction({ paths: 'agents/complete.agentdoc.md', 'sarif-file': 'out/agentdoc.sarif' });
    // agentdoc expands the glob itself (bash without globstar would read ** as * and miss agents/broken).
    const strict = runAction(
      { paths: 'agents/**/*.agentdoc.md', 'fail-on': 'info', 'sarif-file': '', summary: 'false' },
      {
        'agents/broken.agentdoc.md': example('broken.agentdoc.md'),
        'agents/deep/pilot.agentdoc.md': example('pilot.agentdoc.md'),
      },
    );
    try {
      assert.deepEqual(statuses(clean), [
        'Set up agentdoc: success',
        'Check agent documents: success',
        'Upload to code scanning: success',
        'Fail on findings: skipped',
      ]);
      assert.equal(clean.failed, false);
      assert.equal(clean.outputs['exit-code'], '0');
      assert.ok(fs.existsSync(path.join(clean.dir, 'out', 'agentdoc.sarif')));
      assert.match(clean.summary, /1 file checked: 0 findings, 0 errors\./);
      assert.equal(strict.outputs['exit-code'], '1');
      assert.match(strict.steps[1]!.stdout, /file=agents\/broken\.agentdoc\.md,/);
      assert.match(strict.steps[1]!.stdout, /file=agents\/deep\/pilot\.agentdoc\.md,/);
      // No SARIF means no upload; no summary when asked for none.
      assert.equal(strict.steps[2]!.status, 'skipped');
      assert.equal(strict.summary, '');
      assert.ok(!fs.existsSync(path.join(strict.dir, 'agentdoc.sarif')));
    } finally {
      removeTree(clean.dir);
      removeTree(strict.dir);
    }
  });

  it('fails at the check step on a usage error, and inputs cannot inject shell code', () => {
    const run = runAction({ paths: 'missing.agentdoc.md ; touch injected-1', stage: '$(touch injected-2)' });
    try {
      assert.deepEqual(statuses(run), [
        'Set up agentdoc: success',
        'Check agent documents: failure',
        'Upload to code scanning: skipped',
        'Fail on findings: skipped',
      ]);
      assert.match(run.steps[1]!.stdout, /^::error title=agentdoc::agentdoc could not check \(exit code 2\)/m);
      assert.deepEqual(
        fs.readdirSync(run.dir).filter((name) => name.startsWith('injected')),
        [],
      );
    } finally {
      removeTree(run.dir);
    }
  });

  it('passes inputs to scripts through env only, never pasted into a script', () => {
    const action = readAction(path.join(REPO_ROOT, 'action.yml'));
    for (const step of action.runs.steps)
      assert.doesNotMatch(step.run ?? '', /\$\{\{/, `${step.name} pastes an expression`);
  });
});
