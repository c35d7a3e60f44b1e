import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { example, exampleEvidence, removeTree, runCli, tempTree } from '../helpers/cli';
import { FIXTURE_TODAY } from '../helpers/fixtures';

// What an attacker's pull request can put in a repository that CI checks with the CLI. These run
// the bundled CLI only, so AGENTDOC_DIST can point them at an older build to watch them fail there.

interface JsonReport {
  files: Array<{ path: string; findings: Array<{ rule: string; severity: string; message: string }> }>;
}

function checkJson(cwd: string, ...args: string[]): { code: number | null; report: JsonReport; stderr: string } {
  const result = runCli(['check', ...args, '--format', 'json', '--today', FIXTURE_TODAY], { cwd });
  return {
    code: result.code,
    report: JSON.parse(result.stdout || '{"files":[]}') as JsonReport,
    stderr: result.stderr,
  };
}

const messages = (report: JsonReport): string[] =>
  report.files.flatMap((file) => file.findings.map((finding) => `${file.path} ${finding.rule} ${finding.message}`));

describe('hostile repository: configs (issue 13)', () => {
  it('1. a config holding only "version: 1" leaves every pattern check as it was', () => {
    const complete = example('complete.agentdoc.md');
    const files = {
      'a.agent.md': complete,
      'lower.agent.md': complete.replace(/^id: .*$/m, 'id: lower-currency').replace('currency: EUR', 'currency: eur'),
      ...exampleEvidence(),
    };
    const plain = tempTree(files);
    const configured = tempTree({ ...files, '.agentdoc.yaml': 'version: 1\n' });
    try {
      const without = checkJson(plain, '.');
      const withConfig = checkJson(configured, '.');
      assert.deepEqual(messages(withConfig.report), messages(without.report));
      assert.deepEqual(
        messages(withConfig.report).filter((line) => line.startsWith('a.agent.md')),
        [],
        'the complete example has no findings',
      );
      assert.ok(
        messages(withConfig.report).some((line) => line.startsWith('lower.agent.md') && line.includes('currency')),
        'currency: eur is refused with the config too',
      );
    } finally {
      removeTree(plain);
      removeTree(configured);
    }
  });
});

describe('hostile repository: globs (issue 13)', () => {
  it('6. a catastrophic files.include glob against a long name: the run ends and the glob still selects', () => {
    // Nothing timed: with a backtracking matcher this run took 64 s and more, past the test's time.
    const glob = '**/*a*a*a*a*a*a*a*a*a*a*a*a*b.agent.md';
    const pilot = example('pilot.agentdoc.md');
    const root = tempTree({
      '.agentdoc.yaml': `version: 1\nfiles:\n  include:\n    - "${glob}"\n`,
      [`x/${'a'.repeat(42)}.agent.md`]: pilot,
      [`x/${'a'.repeat(12)}b.agent.md`]: pilot.replace(/^id: .*$/m, 'id: matching-agent'),
    });
    try {
      const { report, stderr } = checkJson(root, '.');
      assert.deepEqual(
        report.files.map((file) => file.path),
        [`x/${'a'.repeat(12)}b.agent.md`],
        stderr,
      );
    } finally {
      removeTree(root);
    }
  });
});

describe('hostile repository: output injection (issue 13)', () => {
  const value = 'beta\\x9b31m\\n::error file=README.md,line=1::INJECTED\\e]0;pwned\\a @acme/security \\u202e';
  const text = example('pilot.agentdoc.md').replace('stage: pilot', `stage: "${value}"`);
  const newlineName = 'evil\n::error file=README.md,line=1::NAME.agent.md';
  let root: string;
  before(() => {
    root = tempTree({ 'a.agent.md': text, [newlineName]: text.replace(/^id: .*$/m, 'id: evil-name') });
  });
  after(() => removeTree(root));

  const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
  const output = (format: string): string =>
    runCli(['check', '.', '--format', format, '--today', FIXTURE_TODAY], { cwd: root }).stdout;

  for (const format of ['text', 'markdown', 'github', 'json', 'sarif']) {
    it(`5. --format ${format}: no line starts a workflow command of the document's, no terminal escape gets through`, () => {
      const out = output(format);
      assert.ok(out.includes('INJECTED') && out.includes('NAME'), 'the hostile values are shown');
      assert.doesNotMatch(out, RAW_CONTROL);
      const lines = out.split('\n');
      assert.deepEqual(
        lines.filter(
          (line) =>
            /^\s*::/.test(line) &&
            (format !== 'github' || !/^::(error|warning|notice) file=(a\.agent\.md|evil)/.test(line)),
        ),
        [],
        'a line the GitHub runner would execute',
      );
      if (format === 'json' || format === 'sarif') JSON.parse(out);
    });
  }

  it('5. --format markdown: a line break in a path stays in its heading, @mentions do not notify', () => {
    const out = output('markdown');
    const headings = out.split('\n').filter((line) => line.startsWith('## '));
    assert.equal(headings.length, 2);
    assert.ok(
      headings.every((line) => / — [^\n]+$/.test(line) && line.includes('.agent.md')),
      headings.join('\n'),
    );
    assert.doesNotMatch(out, /(^|[^\w`])@acme/, 'an @mention GitHub would notify');
  });
});

describe('hostile repository: --output (issue 13)', () => {
  it('13. --output naming a checked file is refused and the document stays as it was', () => {
    const text = example('pilot.agentdoc.md');
    const root = tempTree({ 'docs/x.agent.md': text });
    try {
      for (const args of [
        ['check', 'docs/x.agent.md', '--output', 'docs/x.agent.md'],
        ['check', '.', '--output', './docs/../docs/x.agent.md'],
        ['report', 'docs', '--output', 'docs/x.agent.md'],
      ]) {
        const result = runCli([...args, '--today', FIXTURE_TODAY], { cwd: root });
        assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
        assert.match(result.stderr, /one of the files being checked/);
        assert.equal(fs.readFileSync(path.join(root, 'docs', 'x.agent.md'), 'utf8'), text);
      }
    } finally {
      removeTree(root);
    }
  });

  it('13. --output through a symbolic link the repository put there is refused', () => {
    const root = tempTree({ 'x.agent.md': example('pilot.agentdoc.md'), 'outside/target.txt': 'keep me' });
    try {
      fs.mkdirSync(path.join(root, 'repo'));
      fs.copyFileSync(path.join(root, 'x.agent.md'), path.join(root, 'repo', 'x.agent.md'));
      fs.symlinkSync(path.join(root, 'outside', 'target.txt'), path.join(root, 'repo', 'agentdoc.sarif'));
      fs.symlinkSync(path.join(root, 'outside'), path.join(root, 'repo', 'reports'));
      for (const output of ['agentdoc.sarif', 'reports/agentdoc.sarif']) {
        const result = runCli(['check', '.', '--format', 'sarif', '--output', output], {
          cwd: path.join(root, 'repo'),
        });
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, /symbolic link/);
      }
      assert.equal(fs.readFileSync(path.join(root, 'outside', 'target.txt'), 'utf8'), 'keep me');
      assert.deepEqual(fs.readdirSync(path.join(root, 'outside')), ['target.txt']);
    } finally {
      removeTree(root);
    }
  });
});

function mkfifo(file: string): void {
  const made = spawnSync('mkfifo', [file]);
  assert.equal(made.status, 0, `mkfifo failed: ${String(made.stderr)}`);
}

describe('hostile repository: links, pipes and odd files (issue 13)', () => {
  const pilot = example('pilot.agentdoc.md');
  const other = pilot.replace(/^id: .*$/m, 'id: other-agent');

  it('7. a config file that is a symbolic link is not read, and nothing of its target is shown', () => {
    const root = tempTree({
      'secret/token.txt': 'TOP-SECRET-TOKEN: abc\n',
      'repo/.git/HEAD': '',
      'repo/a.agent.md': pilot,
    });
    try {
      fs.symlinkSync(path.join(root, 'secret', 'token.txt'), path.join(root, 'repo', '.agentdoc.yaml'));
      const result = runCli(['check', '.', '--today', FIXTURE_TODAY], { cwd: path.join(root, 'repo') });
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /symbolic link/);
      assert.doesNotMatch(result.stdout + result.stderr, /TOP-SECRET/);
    } finally {
      removeTree(root);
    }
  });

  it('8. a named FIFO or symbolic link is reported as not checked, never read and never skipped silently', () => {
    const root = tempTree({ 'a.agent.md': pilot, 'outside/b.md': other });
    try {
      mkfifo(path.join(root, 'pipe.agent.md'));
      fs.symlinkSync(path.join(root, 'outside', 'b.md'), path.join(root, 'link.agent.md'));
      const { code, report } = checkJson(root, 'pipe.agent.md', 'link.agent.md', 'a.agent.md');
      assert.equal(code, 1);
      const byPath = new Map(report.files.map((file) => [file.path, file.findings.map((finding) => finding.rule)]));
      assert.deepEqual(byPath.get('pipe.agent.md'), ['AD903']);
      assert.deepEqual(byPath.get('link.agent.md'), ['AD903']);
      assert.ok((byPath.get('a.agent.md') ?? []).length > 0, 'the regular file is checked');
    } finally {
      removeTree(root);
    }
  });

  it('8. a FIFO met in a walk is skipped, not opened: the run ends', () => {
    const root = tempTree({ 'a.agent.md': pilot });
    try {
      mkfifo(path.join(root, 'pipe.agent.md'));
      const { report } = checkJson(root, '.');
      assert.deepEqual(
        report.files.map((file) => file.path),
        ['a.agent.md'],
      );
    } finally {
      removeTree(root);
    }
  });

  it('9. a bad %-escape in an evidence link is a broken link (AD365), not an internal error', () => {
    const text = example('complete.agentdoc.md').replace(/\| evidence\/[^ |]+ \|/, '| [Evidence](evidence/100%.md) |');
    const root = tempTree({ 'a.agent.md': text, ...exampleEvidence() });
    try {
      const rules = checkJson(root, '.').report.files.flatMap((file) => file.findings.map((finding) => finding.rule));
      assert.ok(!rules.includes('AD900'), rules.join(' '));
      assert.ok(rules.includes('AD365'));
    } finally {
      removeTree(root);
    }
  });

  it('10. an unreadable file and a name that is not UTF-8 are reported on their own; the rest is checked', () => {
    const root = tempTree({ 'a.agent.md': pilot });
    try {
      fs.writeFileSync(Buffer.from(path.join(root, 'bad\xff.agent.md'), 'latin1'), other);
      fs.writeFileSync(path.join(root, 'huge.agent.md'), '');
      fs.truncateSync(path.join(root, 'huge.agent.md'), 70 * 1024 * 1024);
      const locked = path.join(root, 'locked.agent.md');
      fs.writeFileSync(locked, other.replace('other-agent', 'locked-agent'));
      fs.chmodSync(locked, 0);
      const { code, report, stderr } = checkJson(root, '.');
      assert.equal(code, 1, stderr);
      const rules = new Map(report.files.map((file) => [file.path, file.findings.map((finding) => finding.rule)]));
      assert.ok((rules.get('a.agent.md') ?? []).length > 0, 'the readable file is checked');
      assert.deepEqual(rules.get('huge.agent.md'), ['AD903']);
      const badName = [...rules.keys()].find((name) => name.startsWith('bad'));
      assert.ok(badName, [...rules.keys()].join(', '));
      assert.deepEqual(rules.get(badName), ['AD903']);
      if (process.getuid?.() !== 0) assert.deepEqual(rules.get('locked.agent.md'), ['AD903']);
    } finally {
      removeTree(root);
    }
  });
});
