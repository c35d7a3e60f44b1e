import * as assert from 'node:assert/strict';
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
