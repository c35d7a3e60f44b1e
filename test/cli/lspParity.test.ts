import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PortfolioEntry } from '../../server/src/protocol/types';
import { example, exampleEvidence, removeTree, runCli, tempTree } from '../helpers/cli';
import { EXAMPLES_DIR, REPO_ROOT } from '../helpers/fixtures';
import { StdioLspClient } from '../helpers/lspClient';
import { WORKER_INDEX_THRESHOLD } from '../../server/src/node/indexWorkers';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

interface JsonOutput {
  files: Array<{
    path: string;
    readiness: { verdict: string };
    findings: Array<{
      rule: string;
      severity: string;
      message: string;
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
    }>;
  }>;
}

const line = (code: string, severity: string, range: unknown, message: string): string =>
  `${code} ${severity} ${JSON.stringify(range)} ${message}`;

/**
 * The CLI over a folder against the language server with that folder as its workspace: the same
 * files get the same findings (own and cross-document) and the same verdict, and files the CLI
 * does not check get nothing from the server. Both judge dates as of today (neither gets --today).
 */
async function compareWorkspace(root: string, notChecked: string[]): Promise<void> {
  const cli = JSON.parse(runCli(['check', '--format', 'json', '.'], { cwd: root }).stdout) as JsonOutput;
  assert.ok(cli.files.length > 0, 'the CLI checked nothing');
  const client = new StdioLspClient();
  // The Problems panel lists every document, as the CLI checks every file.
  client.useSettings({ problems: 'workspace' });
  try {
    await client.initialize({ window: { workDoneProgress: false } }, [root]);
    for (const file of cli.files) {
      const uri = pathToFileURL(path.join(root, file.path)).toString();
      const published = await client.diagnostics(uri, (params) => params.diagnostics.length === file.findings.length);
      assert.deepEqual(
        published.diagnostics.map((diagnostic) =>
          line(
            String(diagnostic.code),
            SEVERITY[diagnostic.severity ?? 1]!,
            diagnostic.range,
            String(diagnostic.message),
          ),
        ),
        file.findings.map((finding) => line(finding.rule, finding.severity, finding.range, finding.message)),
        file.path,
      );
    }
    const portfolio = await client.request<PortfolioEntry[]>('agentdoc/portfolio', {});
    assert.deepEqual(
      portfolio
        .map((entry) => [
          path.relative(root, new URL(entry.uri).pathname).split(path.sep).join('/'),
          entry.verdict.phrase,
        ])
        .sort(),
      cli.files.map((file) => [file.path, file.readiness.verdict]).sort(),
      'verdicts differ',
    );
    for (const file of notChecked) {
      const uri = pathToFileURL(path.join(root, file)).toString();
      await assert.rejects(
        client.diagnostics(uri, () => true, 300),
        `${file} got diagnostics from the server`,
      );
    }
  } finally {
    await client.close();
  }
}

/** A Copilot custom agent: VS Code's own *.agent.md format, never an agent document. */
const COPILOT_AGENT =
  '---\ndescription: Plans features\ntools: [search, fetch]\nmodel: gpt-5\n---\nYou are a planner.\n';

describe('the CLI and the language server give the same verdict', () => {
  it('on the examples folder', async function () {
    this.timeout(60000);
    const root = tempTree({
      ...Object.fromEntries(
        fs
          .readdirSync(EXAMPLES_DIR)
          .filter((name) => name.endsWith('.agentdoc.md'))
          .map((name) => [name, example(name)]),
      ),
      ...exampleEvidence(),
    });
    try {
      await compareWorkspace(root, []);
    } finally {
      removeTree(root);
    }
  });

  it('on a workspace with duplicate ids, a dangling depends_on, per-folder configs, Copilot agents and a legacy *.agent.md', async function () {
    this.timeout(60000);
    const complete = example('complete.agentdoc.md');
    const root = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'ignored/\n',
      ...exampleEvidence('team-a/'),
      ...exampleEvidence('team-b/'),
      'team-a/.agentdoc.yaml': [
        'rules:',
        '  AD100: hint',
        '  AD342: off',
        '  AD381: error',
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
        '',
      ].join('\n'),
      'team-a/pilot.agentdoc.md': example('pilot.agentdoc.md'),
      'team-a/triage.agentdoc.md': complete.replace(
        /^name: .*$/m,
        'name: Triage copy\ndepends_on: [ghost-agent, ap-invoice-triage]',
      ),
      'team-b/.agentdoc.yaml': 'rules:\n  AD380: off\n',
      'team-b/triage.agentdoc.md': complete,
      'team-b/legacy.agent.md': complete.replace(/^id: .*$/m, 'id: legacy-agent'),
      'team-b/broken.agentdoc.md': example('broken.agentdoc.md'),
      '.github/agents/planner.agent.md': COPILOT_AGENT,
      'docs/helper.agent.md': COPILOT_AGENT,
      'ignored/old.agentdoc.md': complete,
    });
    try {
      const cli = JSON.parse(runCli(['check', '--format', 'json', '.'], { cwd: root }).stdout) as JsonOutput;
      assert.deepEqual(cli.files.map((file) => file.path).sort(), [
        'team-a/pilot.agentdoc.md',
        'team-a/triage.agentdoc.md',
        'team-b/broken.agentdoc.md',
        'team-b/legacy.agent.md',
        'team-b/triage.agentdoc.md',
      ]);
      const codes = (file: string): string[] =>
        cli.files.find((entry) => entry.path === file)?.findings.map((finding) => finding.rule) ?? [];
      // The duplicate id is an error in team-a, switched off by team-b's config.
      assert.ok(codes('team-a/triage.agentdoc.md').includes('AD380'));
      assert.ok(!codes('team-b/triage.agentdoc.md').includes('AD380'));
      // team-a raises the dangling dependency to an error.
      const dangling = cli.files
        .find((file) => file.path === 'team-a/triage.agentdoc.md')
        ?.findings.find((finding) => finding.rule === 'AD381');
      assert.equal(dangling?.severity, 'error');
      await compareWorkspace(root, [
        '.github/agents/planner.agent.md',
        'docs/helper.agent.md',
        'ignored/old.agentdoc.md',
      ]);
    } finally {
      removeTree(root);
    }
  });
});

describe('the CLI and the language server give the same verdict on a workspace the server indexes on worker threads', () => {
  it(`from ${WORKER_INDEX_THRESHOLD} files on, with configs per folder, duplicate ids, a dangling depends_on and agent files`, async function () {
    this.timeout(240000);
    assert.ok(
      fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli-worker.js')),
      'the indexing worker (the CLI worker) is built',
    );
    const complete = example('complete.agentdoc.md');
    const copies: Record<string, string> = {};
    for (let index = 0; index < WORKER_INDEX_THRESHOLD; index++) {
      const team = index % 2 ? 'team-a' : 'team-b';
      // Every seventh copy keeps the example's id (duplicates across batches and workers).
      const id = index % 7 ? `agent-${index}` : 'ap-invoice-triage';
      const text = complete.replace(/^id: .*$/m, `id: ${id}`);
      copies[`${team}/copy-${String(index).padStart(2, '0')}.agentdoc.md`] =
        index % 5 ? text : text.replace(/^name: .*$/m, 'name: Copy\ndepends_on: [ghost-agent]');
    }
    const root = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      ...exampleEvidence('team-a/'),
      ...exampleEvidence('team-b/'),
      'team-a/.agentdoc.yaml': 'rules:\n  AD100: hint\n  AD381: error\n',
      'team-b/.agentdoc.yaml': 'rules:\n  AD380: off\n',
      'team-a/pilot.agentdoc.md': example('pilot.agentdoc.md'),
      'team-b/broken.agentdoc.md': example('broken.agentdoc.md'),
      ...copies,
    });
    try {
      await compareWorkspace(root, []);
    } finally {
      removeTree(root);
    }
  });
});

function unescapeMarkdown(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\\(.)/g, '$1');
}

describe('report = check', () => {
  it('the report names exactly the errors `check --stage <stage>` gives, for every example and stage', function () {
    this.timeout(180000);
    for (const name of fs.readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.agentdoc.md'))) {
      for (const stage of ['pilot', 'shadow', 'canary', 'production']) {
        const file = `examples/${name}`;
        const check = JSON.parse(
          runCli(['check', '--format', 'json', '--stage', stage, '--today', '2026-11-23', file], { cwd: REPO_ROOT })
            .stdout,
        ) as JsonOutput;
        const errors =
          check.files[0]?.findings
            .filter((finding) => finding.severity === 'error')
            .map((finding) => `${finding.range.start.line + 1} ${finding.rule} ${finding.message}`) ?? [];
        const report = runCli(['report', '--stage', stage, '--today', '2026-11-23', file], { cwd: REPO_ROOT }).stdout;
        const section = /### Blockers for (\w+)\n\n([\s\S]*?)\n\n/.exec(report);
        const listed = (section?.[2] ?? '')
          .split('\n')
          .filter(Boolean)
          .map((entry) => /^- ❌ line (\d+): `(AD\d{3})` (.*)$/.exec(entry))
          .map((match) => `${match?.[1]} ${match?.[2]} ${unescapeMarkdown(match?.[3] ?? '')}`);
        // Nothing blocks this stage: the report's blockers, if any, are for a later one.
        if (errors.length === 0)
          assert.notEqual(section?.[1], stage, `${name} at ${stage}: the report lists blockers the check does not`);
        else {
          assert.equal(section?.[1], stage, `${name} at ${stage}: the report's blockers are for ${section?.[1]}`);
          assert.deepEqual(listed, errors, `${name} at ${stage}`);
        }
      }
    }
  });
});
