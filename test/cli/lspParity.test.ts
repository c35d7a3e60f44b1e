import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { example, removeTree, runCli, tempTree } from '../helpers/cli';
import { EXAMPLES_DIR, REPO_ROOT } from '../helpers/fixtures';
import { StdioLspClient } from '../helpers/lspClient';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

// Flip to true once the language server reads .agentdoc.yaml (engine/config: findConfigPath +
// loadConfig + analyzeWithConfig); the with-config case below then guards that both agree.
const SERVER_HONOURS_CONFIG = true;

interface JsonOutput {
  files: Array<{
    path: string;
    findings: Array<{
      rule: string;
      severity: string;
      message: string;
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
    }>;
  }>;
}

/** CLI and server findings as comparable lines. Both judge dates as of today (neither gets --today). */
async function compare(root: string, files: string[]): Promise<void> {
  const cli = JSON.parse(runCli(['check', '--format', 'json', ...files], { cwd: root }).stdout) as JsonOutput;
  const client = new StdioLspClient();
  try {
    await client.initialize();
    for (const file of cli.files) {
      const absolute = path.join(root, file.path);
      const uri = pathToFileURL(absolute).toString();
      await client.open(uri, fs.readFileSync(absolute, 'utf8'));
      const published = await client.diagnostics(uri);
      const fromServer = published.diagnostics.map(
        (diagnostic) =>
          `${String(diagnostic.code)} ${SEVERITY[diagnostic.severity ?? 1]} ${JSON.stringify(diagnostic.range)} ${diagnostic.message}`,
      );
      const fromCli = file.findings.map(
        (finding) => `${finding.rule} ${finding.severity} ${JSON.stringify(finding.range)} ${finding.message}`,
      );
      assert.deepEqual(fromServer, fromCli, file.path);
    }
  } finally {
    await client.close();
  }
}

describe('the CLI and the language server give identical findings', () => {
  it('for every example, without a config', async function () {
    this.timeout(60000);
    await compare(
      REPO_ROOT,
      fs
        .readdirSync(EXAMPLES_DIR)
        .filter((name) => name.endsWith('.agent.md'))
        .map((name) => `examples/${name}`),
    );
  });

  it('for files under a .agentdoc.yaml (severity overrides, extra gate item, policy)', async function () {
    if (!SERVER_HONOURS_CONFIG) this.skip();
    this.timeout(60000);
    const root = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.agentdoc.yaml': [
        'rules:',
        '  AD100: hint',
        '  AD342: off',
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
      'pilot.agent.md': example('pilot.agent.md'),
      'broken.agent.md': example('broken.agent.md'),
    });
    try {
      await compare(root, ['pilot.agent.md', 'broken.agent.md']);
    } finally {
      removeTree(root);
    }
  });
});
