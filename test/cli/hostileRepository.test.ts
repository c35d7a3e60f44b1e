import * as assert from 'node:assert/strict';
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
