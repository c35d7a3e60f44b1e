import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applySeverityOverrides, loadConfig } from '../../server/src/engine';
import { ConfigResolver } from '../../server/src/engine/config/resolver';
import { memoryHost } from '../helpers/memoryHost';
import { bundledSchemas } from '../../server/src/engine';
import { example, removeTree, runCli, tempTree } from '../helpers/cli';
import { analyzeWithConfig, FIXTURE_TODAY, REPO_ROOT } from '../helpers/fixtures';

const where = (text: string, file = 'c.yaml'): string[] =>
  loadConfig(text, file).problems.map(
    (problem) => `${problem.range.start.line + 1}:${problem.range.start.character + 1} ${problem.message}`,
  );

describe('config: loading and validation (engine, pure)', () => {
  it('accepts a valid config and merges sections, gate items and policy', () => {
    const text = [
      'rules:',
      '  AD102: warning',
      '  AD341: off',
      'policy:',
      '  evalMinimumCases: 50',
      'gates:',
      '  - id: charter',
      '    items:',
      '      - id: threat-model',
      '        title: Threat model written',
      '        requires: { fact: fm.security.threat_model, exists: true }',
      '        hint: Add security.threat_model.',
      '        rationale: Security wants a threat model before the pilot.',
      '        sources: ["ISO 27001 A.8.25"]',
      '      - id: owner-named',
      '        hint: Name the owner in owner.name, a person.',
    ].join('\n');
    const loaded = loadConfig(text, '.agentdoc.yaml');
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.severityOverrides, { AD102: 'warning', AD341: 'off' });
    assert.equal(loaded.schemas.policy.evalMinimumCases, 50);
    const charter = loaded.schemas.gates.gates.find((gate) => gate.id === 'charter');
    assert.ok(charter?.items.some((item) => item.id === 'threat-model'));
    assert.equal(
      charter?.items.find((item) => item.id === 'owner-named')?.hint,
      'Name the owner in owner.name, a person.',
    );
    assert.equal(
      bundledSchemas.gates.gates.find((gate) => gate.id === 'charter')?.items.length,
      charter!.items.length - 1,
      'the bundled set is not mutated',
    );
    const result = analyzeWithConfig(example('pilot.agentdoc.md'), loaded, { today: FIXTURE_TODAY });
    assert.ok(result.readiness?.items.some((item) => item.item.id === 'threat-model' && item.status === 'missing'));
    assert.ok(
      // The item reads a block the document lacks (security): it waits on that block's one finding.
      result.findings.some(
        (finding) =>
          finding.severity === 'error' &&
          [finding.message, ...(finding.related ?? []).map((related) => related.message)].some((message) =>
            message.includes('Threat model'),
          ),
      ),
    );
  });

  it('caches by text: the same config text gives the same SchemaSet object', () => {
    assert.equal(
      loadConfig('policy: { evalMinimumCases: 70 }\n', 'a/.agentdoc.yaml').schemas,
      loadConfig('policy: { evalMinimumCases: 70 }\n', 'b/.agentdoc.yaml').schemas,
    );
  });

  it('reports YAML and JSON syntax errors with line and column', () => {
    assert.match(where('rules:\n  AD100: [warning\n')[0] ?? '', /^\d+:\d+ invalid YAML/);
    assert.deepEqual(
      where('{\n  "rules": {"AD100": "warning",}\n}', '.agentdoc.json').map((line) => line.split(' ')[0]),
      ['2:32'],
    );
  });

  it('reports schema violations, unknown keys and unknown rule codes at their position', () => {
    assert.deepEqual(where('rules:\n  AD100: loud\n'), [
      '2:10 "rules.AD100" must be one of "error", "warning", "information", "hint", "off"',
    ]);
    assert.deepEqual(where('version: 1\nrulez: {}\n'), ['2:1 unknown key "rulez"']);
    assert.deepEqual(where('rules:\n  AD999: off\n'), [
      '2:3 unknown rule code "AD999"; the codes are listed in docs/rules.md',
    ]);
    assert.deepEqual(where('policy:\n  deputyFromStage: beta\n'), [
      '2:20 unknown stage "beta"; use one of pilot, shadow, canary, production, retired',
    ]);
  });

  it('refuses remote $ref and never fetches it', () => {
    const problems = where(
      'sections:\n  - id: purpose\n    tables:\n      - id: kpis\n        title: KPIs\n        columns: [{ id: metric, title: Metric }]\n        rowSchema: { $ref: "https://example.invalid/row.json" }\n',
    );
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^7:\d+ .*points outside this file/);
  });

  it('validates the merged set against the meta-schemas: invalid gate data cannot get in', () => {
    const problems = where(
      'gates:\n  - id: charter\n    items:\n      - id: half-an-item\n        title: Half an item\n',
    );
    assert.ok(problems.length >= 1);
    assert.ok(
      problems.every((problem) => problem.startsWith('4:')),
      problems.join('\n'),
    );
    assert.match(problems.join('\n'), /hint|rationale|sources/);
    assert.equal(
      loadConfig(
        'gates:\n  - id: charter\n    items:\n      - id: half-an-item\n        title: Half an item\n',
        'c.yaml',
      ).schemas,
      bundledSchemas,
    );
  });

  it('applySeverityOverrides changes severities and drops "off" rules, without mutating input', () => {
    const findings = analyze(example('broken.agentdoc.md'), { today: FIXTURE_TODAY }).findings;
    const before = JSON.stringify(findings);
    const after = applySeverityOverrides(findings, { AD100: 'hint', AD112: 'off' });
    assert.ok(after.filter((finding) => finding.code === 'AD100').every((finding) => finding.severity === 'hint'));
    assert.equal(after.filter((finding) => finding.code === 'AD112').length, 0);
    assert.equal(JSON.stringify(findings), before);
  });

  it('config lookup: nearest folder wins; .yaml before .yml before .json; stops at the root; links are not read', async () => {
    const host = memoryHost({
      '/r/.agentdoc.json': '{}',
      '/r/.agentdoc.yaml': 'version: 1',
      '/r/a/.agentdoc.json': '{}',
      '/.agentdoc.yml': 'version: 1',
      '/r/l/.agentdoc.yaml': { link: '/etc/passwd' },
      '/r/a/b/x.agentdoc.md': '',
    });
    const find = async (file: string, roots: string[]): Promise<string | undefined> =>
      (await new ConfigResolver(host, { roots }).forFile(file)).path;
    assert.equal(await find('/r/a/b/x.agentdoc.md', ['/r']), '/r/a/.agentdoc.json');
    assert.equal(await find('/r/x/y.agentdoc.md', ['/r']), '/r/.agentdoc.yaml');
    assert.equal(await find('/q/y.agentdoc.md', ['/']), '/.agentdoc.yml');
    assert.equal(await find('/q/z/y.agentdoc.md', ['/q']), undefined);
    const resolver = new ConfigResolver(host, { roots: ['/r'] });
    assert.equal((await resolver.forFile('/r/l/y.agentdoc.md')).path, undefined);
    assert.match(resolver.allProblems().get('/r/l/.agentdoc.yaml')?.[0]?.message ?? '', /symbolic link/);
    assert.ok(!host.reads.includes('/etc/passwd'));
  });

  it('config.schema.json lists every policy value of schemas/meta/policy.schema.json', () => {
    const read = (file: string): { properties: Record<string, unknown> } =>
      JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', file), 'utf8')) as {
        properties: Record<string, unknown>;
      };
    const policy = (read('config.schema.json').properties['policy'] as { properties: Record<string, unknown> })
      .properties;
    assert.deepEqual(
      Object.keys(policy).sort(),
      Object.keys(read('meta/policy.schema.json').properties)
        .filter((key) => key !== '$schema' && key !== 'version')
        .sort(),
    );
  });
});

describe('config: discovery and precedence in the CLI', () => {
  let root = '';
  const doc = example('pilot.agentdoc.md');
  before(() => {
    root = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.agentdoc.yaml': 'rules:\n  AD100: off\n',
      '.agentdoc.json': '{ "rules": { "AD200": "off" } }\n',
      'top.agentdoc.md': doc,
      'team/.agentdoc.json': '{ "rules": { "AD342": "off" }, "files": { "exclude": ["drafts/**"] } }\n',
      'team/a.agentdoc.md': doc,
      'team/drafts/wip.agentdoc.md': doc,
      'other.yaml': 'rules:\n  AD340: off\n',
      'broken/.agentdoc.yml': 'rules:\n  AD100: sometimes\n',
      'broken/b.agentdoc.md': doc,
    });
  });
  after(() => removeTree(root));
  const codes = (args: string[]): Map<string, Set<string>> => {
    const result = runCli(['check', '--format', 'json', '--today', FIXTURE_TODAY, ...args], { cwd: root });
    assert.ok(result.code === 0 || result.code === 1, result.stderr);
    const parsed = JSON.parse(result.stdout) as { files: Array<{ path: string; findings: Array<{ rule: string }> }> };
    return new Map(parsed.files.map((file) => [file.path, new Set(file.findings.map((finding) => finding.rule))]));
  };

  it('.yaml beats .json in one folder, the nearest folder wins, no merging across folders', () => {
    const found = codes(['top.agentdoc.md', 'team']);
    assert.equal(found.get('top.agentdoc.md')?.has('AD100'), false, '.agentdoc.yaml applies (AD100 off)');
    assert.equal(found.get('top.agentdoc.md')?.has('AD200'), true, '.agentdoc.json in the same folder is not read');
    assert.equal(found.get('team/a.agentdoc.md')?.has('AD342'), false);
    assert.equal(found.get('team/a.agentdoc.md')?.has('AD100'), true, 'the parent config is not merged in');
  });

  it('files.exclude applies when walking a folder; an explicit file is always checked', () => {
    assert.equal(codes(['team']).has('team/drafts/wip.agentdoc.md'), false);
    assert.equal(codes(['team/drafts/wip.agentdoc.md']).has('team/drafts/wip.agentdoc.md'), true);
  });

  it('--config beats discovery', () => {
    const found = codes(['top.agentdoc.md', 'team/a.agentdoc.md', '--config', 'other.yaml']);
    for (const file of ['top.agentdoc.md', 'team/a.agentdoc.md']) {
      assert.equal(found.get(file)?.has('AD340'), false);
      assert.equal(found.get(file)?.has('AD100'), true);
    }
  });

  it('a broken config exits 2 with file:line:col: message', () => {
    const result = runCli(['check', 'broken'], { cwd: root });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^broken\/\.agentdoc\.yml:2:10: "rules\.AD100" must be one of/m);
    const missing = runCli(['check', '--config', 'nope.yaml'], { cwd: root });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.yaml(:1:1)?: cannot read the config file/);
  });
});

describe('docs/cli.md', () => {
  it('its example .agentdoc.yaml is valid', () => {
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'cli.md'), 'utf8');
    const block = /```yaml\n(# \.agentdoc\.yaml\n[\s\S]*?)```/.exec(doc)?.[1];
    assert.ok(block, 'the example is in docs/cli.md');
    const loaded = loadConfig(block, '.agentdoc.yaml');
    assert.deepEqual(
      loaded.problems.map((problem) => `${problem.range.start.line + 1}: ${problem.message}`),
      [],
    );
    assert.ok(loaded.schemas.sections.sections.some((section) => section.id === 'security'));
  });
});
