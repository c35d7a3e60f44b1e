import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ruleCatalogue } from '../../server/src/engine';
import { descriptor } from '../../server/src/cli/formats/sarif';
import { isPlaceholderUrl, projectUrl } from '../../server/src/cli/projectHome';
import { runCli } from '../helpers/cli';
import { FIXTURE_TODAY, REPO_ROOT } from '../helpers/fixtures';

// Microsoft's validator ships as a self-contained .NET binary inside the npm package (no .NET
// install, no network). Its postinstall only does chmod u+x, which npm may skip; we do it here.
const MULTITOOL = path.join(
  REPO_ROOT,
  'node_modules',
  '@microsoft',
  `sarif-multitool-${process.platform}`,
  process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool',
);

interface SarifLog {
  runs: Array<{
    results?: Array<{
      level?: string;
      ruleId: string;
      message: { text?: string; id?: string };
      locations?: Array<{ physicalLocation?: { region?: { startLine?: number } } }>;
    }>;
  }>;
}

describe("SARIF output passes Microsoft's validator (sarif-multitool validate)", () => {
  it('examples/ → no errors and no warnings', function () {
    this.timeout(180000);
    assert.ok(fs.existsSync(MULTITOOL), `${MULTITOOL} is missing: run npm ci`);
    fs.chmodSync(MULTITOOL, 0o755);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-sarif-'));
    try {
      const log = path.join(dir, 'agentdoc.sarif');
      const report = path.join(dir, 'validation.sarif');
      const check = runCli(['check', 'examples', '--format', 'sarif', '--output', log, '--today', FIXTURE_TODAY]);
      assert.equal(check.code, 1, check.stderr);
      // DOTNET_* settings: no telemetry, no first-run work, and no ICU needed on a minimal machine.
      const run = spawnSync(MULTITOOL, ['validate', log, '--output', report, '--level', 'Error', 'Warning'], {
        encoding: 'utf8',
        timeout: 170000,
        env: {
          ...process.env,
          DOTNET_CLI_TELEMETRY_OPTOUT: '1',
          DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1',
          DOTNET_NOLOGO: '1',
        },
      });
      assert.equal(run.status, 0, `validator exit ${run.status}: ${run.stdout}\n${run.stderr}`);
      const results = (JSON.parse(fs.readFileSync(report, 'utf8')) as SarifLog).runs[0]?.results ?? [];
      const problems = results.filter(
        (result) => result.level === undefined || result.level === 'error' || result.level === 'warning',
      );
      assert.deepEqual(
        problems.map(
          (result) =>
            `${result.ruleId} line ${result.locations?.[0]?.physicalLocation?.region?.startLine ?? '?'}: ${result.message.text ?? result.message.id ?? ''}`,
        ),
        [],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('maps severities and 1-based UTF-16 regions, with relative URIs under %SRCROOT%', () => {
    const log = JSON.parse(
      runCli(['check', 'examples/broken.agentdoc.md', '--format', 'sarif', '--today', FIXTURE_TODAY]).stdout,
    ) as {
      runs: Array<{
        columnKind: string;
        originalUriBaseIds: Record<string, { uri: string }>;
        tool: {
          driver: {
            version: string;
            informationUri?: string;
            rules: Array<{ id: string; helpUri?: string; help: { text: string } }>;
          };
        };
        results: Array<{
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: Array<{
            physicalLocation: {
              artifactLocation: { uri: string; uriBaseId: string };
              region: { startLine: number; startColumn: number };
            };
          }>;
        }>;
      }>;
    };
    const run = log.runs[0]!;
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.match(run.originalUriBaseIds['%SRCROOT%']!.uri, /^file:\/\/.*\/$/);
    assert.equal(
      run.tool.driver.version,
      (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    );
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.equal(result.locations[0]?.physicalLocation.artifactLocation.uri, 'examples/broken.agentdoc.md');
      assert.equal(result.locations[0]?.physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    }
    // package.json's repository is still a placeholder (.invalid): no link to it, the help names the file.
    assert.equal(run.tool.driver.informationUri, 'https://www.npmjs.com/package/agentdoc');
    assert.ok(run.tool.driver.rules.every((rule) => rule.helpUri === undefined));
    assert.ok(run.tool.driver.rules.every((rule) => rule.help.text.includes(`docs/rules.md (${rule.id})`)));
    const yaml = run.results.find((result) => result.ruleId === 'AD001');
    assert.deepEqual(
      [yaml?.locations[0]?.physicalLocation.region.startLine, yaml?.locations[0]?.physicalLocation.region.startColumn],
      [4, 7], // the quoted value of name, where the apostrophe repair goes
    );
  });
});

describe('links to the project home come from package.json, and never from a placeholder', () => {
  it('treats the reserved .invalid domain (and garbage) as a placeholder', () => {
    assert.equal(isPlaceholderUrl('https://example.invalid/agentdoc'), true);
    assert.equal(isPlaceholderUrl('not a url'), true);
    assert.equal(isPlaceholderUrl('https://git.example.org/agentdoc'), false);
    assert.equal(projectUrl('https://example.invalid/agentdoc.git'), undefined);
    assert.equal(projectUrl('git+https://git.example.org/team/agentdoc.git'), 'https://git.example.org/team/agentdoc');
  });

  it('gives every rule a helpUri into docs/rules.md once the home is real', () => {
    const rule = ruleCatalogue.find((entry) => entry.code === 'AD100')!;
    const sarif = descriptor(rule, 'https://git.example.org/team/agentdoc') as {
      helpUri: string;
      help: { markdown: string };
    };
    assert.equal(sarif.helpUri, 'https://git.example.org/team/agentdoc/blob/main/docs/rules.md#ad100');
    assert.ok(sarif.help.markdown.includes(`[Documentation](${sarif.helpUri})`));
  });
});
