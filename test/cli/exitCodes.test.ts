import { spawnSync } from 'node:child_process';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, example, exampleEvidence, removeTree, runCli, tempTree } from '../helpers/cli';
import { FIXTURE_TODAY, REPO_ROOT } from '../helpers/fixtures';

const today = ['--today', FIXTURE_TODAY];

describe('agentdoc check: exit codes and options (node dist/cli.js)', () => {
  let root = '';
  before(() => {
    root = tempTree({
      ...exampleEvidence(),
      'complete.agentdoc.md': example('complete.agentdoc.md'),
      'pilot.agentdoc.md': example('pilot.agentdoc.md'),
      'broken.agentdoc.md': example('broken.agentdoc.md'),
    });
  });
  after(() => removeTree(root));

  it('exits 0 for a clean document', () => {
    const result = runCli(['check', 'complete.agentdoc.md', ...today], { cwd: root });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /✔ 1 file checked, no problems/);
  });

  it('exits 1 when there are errors, 0 when only warnings and --fail-on is error', () => {
    assert.equal(runCli(['check', 'broken.agentdoc.md', ...today], { cwd: root }).code, 1);
    assert.equal(runCli(['check', 'pilot.agentdoc.md', ...today], { cwd: root }).code, 0);
  });

  it('--fail-on warning and info lower the bar', () => {
    assert.equal(runCli(['check', 'pilot.agentdoc.md', '--fail-on', 'warning', ...today], { cwd: root }).code, 1);
    assert.equal(runCli(['check', 'complete.agentdoc.md', '--fail-on', 'info', ...today], { cwd: root }).code, 0);
  });

  it('--stage judges the document as if it were at a later stage', () => {
    const result = runCli(['check', 'pilot.agentdoc.md', '--stage', 'shadow', '--format', 'json', ...today], {
      cwd: root,
    });
    assert.equal(result.code, 1);
    const parsed = JSON.parse(result.stdout) as {
      files: Array<{ readiness: { stage: string }; findings: Array<{ rule: string; severity: string }> }>;
    };
    assert.equal(parsed.files[0]?.readiness.stage, 'shadow');
    assert.ok(parsed.files[0]?.findings.some((finding) => finding.rule === 'AD100' && finding.severity === 'error'));
  });

  it('exits 2 with a short message for bad usage', () => {
    for (const args of [
      ['check', '--format', 'xml'],
      ['check', '--fail-on', 'fatal'],
      ['check', '--stage', 'beta'],
      ['check', 'nope.agentdoc.md'],
      ['check', '--bogus'],
      ['check', '--today', 'yesterday'],
      ['lint'],
      [],
    ]) {
      const result = runCli(args, { cwd: root });
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stdout}`);
      assert.ok(
        result.stderr.length > 0 && result.stderr.split('\n').length < 20,
        `${args.join(' ')} should print a short message: ${result.stderr}`,
      );
    }
    assert.match(runCli(['check', '--format', 'xml'], { cwd: root }).stderr, /use text, json, sarif, markdown, github/);
  });

  it('no colour when not a TTY, and never with --no-color or NO_COLOR', () => {
    for (const extra of [[], ['--no-color']])
      assert.doesNotMatch(runCli(['check', 'broken.agentdoc.md', ...extra, ...today], { cwd: root }).stdout, /\x1b\[/);
    assert.doesNotMatch(
      runCli(['check', 'broken.agentdoc.md', ...today], { cwd: root, env: { NO_COLOR: '1' } }).stdout,
      /\x1b\[/,
    );
  });

  it('--quiet shows errors only but the exit code still follows --fail-on', () => {
    const quiet = runCli(['check', 'pilot.agentdoc.md', '--quiet', '--fail-on', 'warning', ...today], { cwd: root });
    assert.equal(quiet.code, 1);
    assert.doesNotMatch(quiet.stdout, / warning /);
    assert.match(quiet.stdout, /hidden by --quiet/);
  });

  it('--output writes the file and nothing to stdout', () => {
    const result = runCli(['check', '.', '--format', 'json', '--output', 'out/result.json', ...today], { cwd: root });
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    const parsed = JSON.parse(fs.readFileSync(path.join(root, 'out', 'result.json'), 'utf8')) as {
      files: Array<{ path: string }>;
    };
    assert.deepEqual(
      parsed.files.map((file) => file.path),
      ['broken.agentdoc.md', 'complete.agentdoc.md', 'pilot.agentdoc.md'],
    );
  });

  it('keeps the JSON shape: files[].path and findings[].rule/severity/message/range', () => {
    const parsed = JSON.parse(
      runCli(['check', 'broken.agentdoc.md', '--format', 'json', ...today], { cwd: root }).stdout,
    ) as { files: Array<{ path: string; findings: Array<Record<string, unknown>> }> };
    const finding = parsed.files[0]?.findings[0];
    assert.ok(finding);
    assert.match(String(finding['rule']), /^AD\d{3}$/);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(String(finding['severity'])));
    assert.equal(typeof finding['message'], 'string');
    assert.deepEqual(Object.keys(finding['range'] as object), ['start', 'end']);
  });

  it('a glob selects files; a glob that matches nothing is a usage error', () => {
    const result = runCli(['check', '*.agentdoc.md', '--format', 'json', ...today], { cwd: root });
    assert.equal((JSON.parse(result.stdout) as { files: unknown[] }).files.length, 3);
    assert.equal(runCli(['check', 'docs/**/*.agentdoc.md'], { cwd: root }).code, 2);
  });
});

describe('agentdoc check: files, .gitignore and parallel workers', () => {
  it('respects .gitignore (nested, with negation) when walking folders', () => {
    const doc = example('complete.agentdoc.md');
    const root = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'build/\n*.draft.agentdoc.md\n',
      'a.agentdoc.md': doc,
      'build/b.agentdoc.md': doc,
      'x.draft.agentdoc.md': doc,
      'sub/.gitignore': '!keep.draft.agentdoc.md\n',
      'sub/keep.draft.agentdoc.md': doc,
      'sub/c.agentdoc.md': doc,
      'node_modules/d.agentdoc.md': doc,
      'notes.md': '# notes\n',
    });
    try {
      const parsed = JSON.parse(runCli(['check', '--format', 'json', ...today], { cwd: root }).stdout) as {
        files: Array<{ path: string }>;
      };
      assert.deepEqual(
        parsed.files.map((file) => file.path),
        ['a.agentdoc.md', 'sub/c.agentdoc.md', 'sub/keep.draft.agentdoc.md'],
      );
    } finally {
      removeTree(root);
    }
  });

  it('checks 60 files on worker threads with the same, path-sorted output as one thread, however many workers', function () {
    this.timeout(400000);
    const files: Record<string, string> = {};
    const texts = [example('complete.agentdoc.md'), example('pilot.agentdoc.md'), example('broken.agentdoc.md')];
    for (let index = 0; index < 60; index++)
      files[`d${index % 7}/agent-${String(index).padStart(2, '0')}.agentdoc.md`] = texts[index % 3]!;
    const root = tempTree(files);
    try {
      const parallel = runCli(['check', '--format', 'json', '--jobs', '2', ...today], { cwd: root });
      const serial = runCli(['check', '--format', 'json', '--jobs', '1', ...today], { cwd: root });
      assert.equal(parallel.code, 1, parallel.stderr);
      assert.equal(parallel.stdout, serial.stdout);
      // Three workers with two batches queued each finish batches in yet another order.
      const three = runCli(['check', '--format', 'json', '--jobs', '3', ...today], { cwd: root });
      assert.equal(three.stdout, serial.stdout);
      const paths = (JSON.parse(parallel.stdout) as { files: Array<{ path: string }> }).files.map((file) => file.path);
      assert.equal(paths.length, 60);
      assert.deepEqual(paths, [...paths].sort());
    } finally {
      removeTree(root);
    }
  });

  it('ends quietly when the reader closes the pipe (`| head`), in every format', function () {
    this.timeout(120000);
    for (const format of ['text', 'json', 'sarif', 'markdown', 'github']) {
      const result = spawnSync(
        'bash',
        ['-c', `node ${JSON.stringify(CLI)} check examples --format ${format} | head -c 10 >/dev/null`],
        {
          cwd: REPO_ROOT,
          encoding: 'utf8',
        },
      );
      assert.doesNotMatch(result.stderr, /EPIPE|Error|at /, `${format}: ${result.stderr}`);
    }
  });
});
