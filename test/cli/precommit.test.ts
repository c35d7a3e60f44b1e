import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { example, exampleEvidence, removeTree, tempTree } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/fixtures';
import { packAndInstall, userEnv } from '../helpers/packed';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
  require_serial: boolean;
}

const HOOKS = parse(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

/**
 * Real pre-commit (Debian's package) on a fresh git repository, with the hook exactly as
 * .pre-commit-hooks.yaml defines it, except `language: system` instead of `node`: for `node`,
 * pre-commit runs npm install, npm pack and npm install -g of this repository (network), and the
 * npm package test covers exactly that install. `agentdoc` comes from the packed, installed package.
 */
describe('the pre-commit hook (.pre-commit-hooks.yaml) in pre-commit', function () {
  this.timeout(300000);

  it('is one node hook over agent documents and configs that checks the whole repository', () => {
    assert.deepEqual(
      HOOKS.map((hook) => [hook.id, hook.entry, hook.language, hook.pass_filenames, hook.require_serial]),
      [['agentdoc', 'agentdoc check', 'node', false, true]],
    );
    const files = new RegExp(HOOKS[0]!.files);
    for (const name of ['a.agentdoc.md', 'docs/b.agentdoc.md', 'old.agent.md', '.agentdoc.yaml', 'x/.agentdoc.json'])
      assert.ok(files.test(name), name);
    for (const name of ['README.md', 'agentdoc.md', 'notes.agentdoc.md.txt', 'x.agentdoc.yaml'])
      assert.ok(!files.test(name), name);
  });

  it("installs as pre-commit installs a node hook: `npm pack`'s output is the tarball's name and nothing else", () => {
    // pre-commit runs npm install, then takes `npm pack`'s stdout as the file to npm install -g. npm 10+
    // runs pack-time scripts in the foreground and prints their banner there, which broke that name;
    // the repository's .npmrc (foreground-scripts=false) keeps prepack's banner out.
    const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-pack-name-'));
    try {
      const packed = spawnSync('npm', ['pack', '--pack-destination', destination], {
        cwd: REPO_ROOT,
        env: userEnv(),
        encoding: 'utf8',
        timeout: 240000,
      });
      assert.equal(packed.status, 0, packed.stderr);
      const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
        .version;
      assert.equal(packed.stdout.trim(), `agentdoc-${version}.tgz`);
      assert.ok(fs.existsSync(path.join(destination, packed.stdout.trim())));
    } finally {
      fs.rmSync(destination, { recursive: true, force: true });
    }
  });

  it('blocks a commit with errors, skips commits without agent documents, passes clean ones', () => {
    const installed = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    assert.equal(installed.status, 0, 'pre-commit is required (apt-get install pre-commit; npm test installs it)');
    const bin = packAndInstall().bin;
    const repo = tempTree({
      '.pre-commit-config.yaml': stringify({
        repos: [{ repo: 'local', hooks: [{ ...HOOKS[0], language: 'system' }] }],
      }),
      'notes.txt': 'not an agent document\n',
      'agents/complete.agentdoc.md': example('complete.agentdoc.md'),
      ...exampleEvidence('agents/'),
    });
    const env = userEnv({
      PATH: `${bin}${path.delimiter}${userEnv()['PATH']}`,
      PRE_COMMIT_HOME: path.join(repo, '.git', 'pre-commit-cache'),
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.invalid',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.invalid',
    });
    const sh = (command: string, args: string[]) =>
      spawnSync(command, args, { cwd: repo, env, encoding: 'utf8', timeout: 120000 });
    try {
      assert.equal(sh('git', ['init', '-q']).status, 0);
      const stageAndRun = (...files: string[]) => {
        assert.equal(sh('git', ['add', ...files]).status, 0);
        return sh('pre-commit', ['run']);
      };

      const unrelated = stageAndRun('notes.txt');
      assert.equal(unrelated.status, 0, unrelated.stdout);
      assert.match(unrelated.stdout, /agentdoc\.+\(no files to check\)Skipped/);

      const clean = stageAndRun('agents');
      assert.equal(clean.status, 0, clean.stdout);
      assert.match(clean.stdout, /agentdoc\.+Passed/);
      assert.equal(sh('git', ['commit', '-qm', 'clean']).status, 0);

      fs.writeFileSync(path.join(repo, 'agents', 'broken.agentdoc.md'), example('broken.agentdoc.md'));
      const broken = stageAndRun('agents/broken.agentdoc.md');
      assert.equal(broken.status, 1, broken.stdout);
      assert.match(broken.stdout, /agentdoc\.+Failed/);
      assert.match(broken.stdout, /agents\/broken\.agentdoc\.md:4:7 +error +AD001/);
    } finally {
      removeTree(repo);
    }
  });
});
