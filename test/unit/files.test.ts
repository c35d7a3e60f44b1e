import * as assert from 'node:assert/strict';
import { createAgentdocService, declaresAgentdoc, isAgentDoc, preferredName } from '../../server/src/engine';
import { IgnoreFile } from '../../server/src/engine/files/gitignore';
import { compileGlob, globBase } from '../../server/src/engine/files/glob';
import { EXAMPLES_DIR } from '../helpers/fixtures';
import { memoryHost, type MemoryEntry } from '../helpers/memoryHost';
import * as fs from 'node:fs';
import * as path from 'node:path';

const complete = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');
const copilotAgent = '---\ndescription: Plans features\ntools: [search]\n---\nYou are a planner.\n';

describe('which files are agent documents (one answer for CLI, server and client)', () => {
  it('*.agentdoc.md always; other Markdown only when its front matter declares agentdoc:', () => {
    assert.ok(isAgentDoc('/r/a.agentdoc.md', '# no front matter'));
    assert.ok(isAgentDoc('/r/old.agent.md', complete));
    assert.ok(isAgentDoc('/r/README.md', complete));
    assert.ok(!isAgentDoc('/r/helper.agent.md', copilotAgent));
    assert.ok(!isAgentDoc('/r/notes.txt', complete));
  });

  it("never VS Code's own chat files under .github/agents, chatmodes and prompts", () => {
    for (const folder of ['agents', 'chatmodes', 'prompts']) {
      assert.ok(!isAgentDoc(`/r/.github/${folder}/x.agent.md`, complete), folder);
      assert.ok(!isAgentDoc(`/r/.github/${folder}/x.agentdoc.md`, complete), folder);
    }
  });

  it('finds the marker only in the front matter', () => {
    assert.ok(declaresAgentdoc('---\nid: x\nagentdoc: 1\n---\n'));
    assert.ok(declaresAgentdoc('\uFEFF---\r\nagentdoc: 1\r\n---\r\n'));
    assert.ok(!declaresAgentdoc('---\nid: x\n---\nagentdoc: 1\n'));
    assert.ok(!declaresAgentdoc('# Title\n---\nagentdoc: 1\n---\n'));
    assert.ok(!declaresAgentdoc('---\n  agentdoc: 1\n---\n'));
  });

  it('suggests the *.agentdoc.md name for a *.agent.md file', () => {
    assert.equal(preferredName('/r/triage.agent.md'), '/r/triage.agentdoc.md');
    assert.equal(preferredName('/r/triage.agentdoc.md'), undefined);
  });
});

describe('globs match in linear time (config, .gitignore and command line are untrusted)', () => {
  it('matches *, **, ?, classes and braces, dot files included', () => {
    const cases: Array<[string, string, boolean]> = [
      ['**/*.agentdoc.md', 'a.agentdoc.md', true],
      ['**/*.agentdoc.md', 'x/y/a.agentdoc.md', true],
      ['**/*.agentdoc.md', '.hidden/a.agentdoc.md', true],
      ['*.md', 'x/a.md', false],
      ['docs/**', 'docs', true],
      ['docs/**', 'docs/a/b.md', true],
      ['a/**/b', 'a/b', true],
      ['a/**/b', 'a/x/y/b', true],
      ['{team-a,team-b}/*.md', 'team-b/x.md', true],
      ['{team-a,team-b}/*.md', 'team-c/x.md', false],
      ['[!x]?.md', 'ab.md', true],
      ['[!x]?.md', 'xb.md', false],
      ['a\\*b', 'a*b', true],
      ['a\\*b', 'axb', false],
    ];
    for (const [glob, file, expected] of cases) assert.equal(compileGlob(glob)(file), expected, `${glob} ~ ${file}`);
    assert.equal(globBase('docs/agents/**/*.md'), 'docs/agents');
  });

  it('a catastrophic glob against a long name answers at once (picomatch took 64 s)', function () {
    this.timeout(5000);
    const glob = '**/*a*a*a*a*a*a*a*a*a*a*a*a*b.agent.md';
    const name = `${'a'.repeat(42)}.agent.md`;
    for (let i = 0; i < 20; i++) assert.equal(compileGlob(glob)(`x/${name}`), false);
  });

  it('.gitignore: last rule wins, ! re-includes, a trailing / means folders, a slash anchors', () => {
    const rules = new IgnoreFile('# comment\n*.log\n!keep.log\nbuild/\n/root-only.md\ndocs/*.tmp\n');
    assert.equal(rules.test('a/x.log', false), 'ignored');
    assert.equal(rules.test('a/keep.log', false), 'included');
    assert.equal(rules.test('build', true), 'ignored');
    assert.equal(rules.test('build', false), undefined);
    assert.equal(rules.test('root-only.md', false), 'ignored');
    assert.equal(rules.test('sub/root-only.md', false), undefined);
    assert.equal(rules.test('docs/a.tmp', false), 'ignored');
    assert.equal(rules.test('x/docs/a.tmp', false), undefined);
  });
});

describe('one file set for the CLI and the editor', () => {
  const tree: Record<string, MemoryEntry> = {
    '/r/.git/HEAD': 'ref',
    '/r/.gitignore': 'ignored/\n',
    '/r/a.agentdoc.md': complete,
    '/r/legacy.agent.md': complete.replace(/^id: .*$/m, 'id: legacy'),
    '/r/docs/helper.agent.md': copilotAgent,
    '/r/.github/agents/planner.agent.md': copilotAgent,
    '/r/ignored/old.agentdoc.md': complete,
    '/r/node_modules/pkg/x.agentdoc.md': complete,
    '/r/hidden/secret.agentdoc.md': complete,
    '/r/link.agentdoc.md': { link: '/etc/passwd' },
    '/r/fifo.agentdoc.md': { special: true },
    '/r/team/.agentdoc.yaml': 'files:\n  exclude: ["drafts/**"]\n',
    '/r/team/drafts/d.agentdoc.md': complete,
    '/r/team/t.agentdoc.md': complete.replace(/^id: .*$/m, 'id: team'),
  };

  it('walks .gitignore, config excludes and editor excludes the same way, never into links or special files', async () => {
    const host = memoryHost(tree);
    const service = createAgentdocService({ host, roots: ['/r'], repositoryRoots: ['/r'], excludes: ['hidden/**'] });
    const listed = await service.listFiles(['/r']);
    assert.deepEqual(
      listed.files.map((file) => file.path),
      ['/r/a.agentdoc.md', '/r/docs/helper.agent.md', '/r/legacy.agent.md', '/r/team/t.agentdoc.md'],
    );
    const checked = await service.checkFiles(listed.files);
    // The Copilot file in docs/ is listed by its name, then dropped by its text.
    assert.deepEqual(
      checked.map((file) => file.path),
      ['/r/a.agentdoc.md', '/r/legacy.agent.md', '/r/team/t.agentdoc.md'],
    );
    assert.ok(!host.reads.includes('/etc/passwd'));
  });

  it('a named link or special file is reported, not skipped and not read', async () => {
    const host = memoryHost(tree);
    const service = createAgentdocService({ host, roots: ['/r'] });
    const listed = await service.listFiles(['/r/link.agentdoc.md', '/r/fifo.agentdoc.md']);
    const checked = await service.checkFiles(listed.files);
    assert.deepEqual(
      checked.map((file) => [file.path, file.result.findings.map((finding) => finding.code)]),
      [
        ['/r/fifo.agentdoc.md', ['AD903']],
        ['/r/link.agentdoc.md', ['AD903']],
      ],
    );
    assert.match(checked[1]?.result.findings[0]?.message ?? '', /symbolic link/);
    assert.deepEqual(host.reads, []);
  });

  it('runs the cross-document checks over the whole set', async () => {
    const host = memoryHost({ '/w/a.agentdoc.md': complete, '/w/b.agentdoc.md': complete });
    const service = createAgentdocService({ host, roots: ['/w'] });
    const checked = await service.checkFiles((await service.listFiles(['/w'])).files);
    for (const file of checked) {
      assert.deepEqual(
        file.result.findings.map((finding) => finding.code),
        ['AD380'],
      );
      assert.equal(file.result.verdict.phrase, 'Production · 1 finding blocks production');
    }
  });
});
