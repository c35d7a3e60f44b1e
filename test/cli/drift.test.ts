import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, createAgentdocService, type Finding } from '../../server/src/engine';
import { readAgentFiles } from '../../server/src/engine/agentFiles/read';
import { memoryHost } from '../helpers/memoryHost';
import { applyInsertions, fixAll } from '../../server/src/engine/features/codeActions';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { nodeHost, toEnginePath } from '../../server/src/node/nodeHost';
import { example, exampleAgentFiles, removeTree, runCli, tempTree } from '../helpers/cli';
import {
  AGENT,
  DOC,
  DRIFT_CODES,
  FETCH_ROW,
  MCP,
  REPAIRED_AGENT,
  drifted,
  repairedMcp,
} from '../helpers/driftRepository';
import { FIXTURE_TODAY } from '../helpers/fixtures';

const loud = (findings: readonly Finding[]) =>
  findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning').length;

function service(root: string) {
  const engineRoot = toEnginePath(root);
  return createAgentdocService({
    host: nodeHost,
    roots: [engineRoot],
    today: FIXTURE_TODAY,
    agentFileAccess: () => ({ host: nodeHost, root: engineRoot }),
  });
}

async function findings(root: string, text: string): Promise<Finding[]> {
  return (await service(root).checkText(toEnginePath(path.join(root, DOC)), text)).result.findings;
}

function apply(text: string, insertions: Parameters<typeof applyInsertions>[1]): string {
  const index = new LineIndex(text);
  return applyInsertions(text, insertions, (position) => index.offsetAt(position));
}

describe('drift against the agent files: a repository with a prompt file, an MCP configuration and a custom agent', function () {
  this.timeout(60_000);
  let root: string;
  beforeEach(() => {
    root = tempTree(drifted());
  });
  afterEach(() => removeTree(root));

  it('agentdoc check shows each drift finding', () => {
    const result = runCli(['check', DOC, '--format', 'json', '--today', FIXTURE_TODAY], { cwd: root });
    assert.equal(result.code, 1, result.stderr);
    const codes = new Set(
      (JSON.parse(result.stdout) as { files: Array<{ findings: Array<{ rule: string }> }> }).files[0]?.findings.map(
        (finding) => finding.rule,
      ),
    );
    assert.deepEqual(
      DRIFT_CODES.filter((code) => !codes.has(code)),
      [],
      `missing drift codes; got ${[...codes].join(', ')}`,
    );
  });

  it('the quick fixes add the undocumented server and tool rows without raising the errors and warnings', async () => {
    const text = fs.readFileSync(path.join(root, DOC), 'utf8');
    const before = await findings(root, text);
    const fixable = before.filter((finding) => finding.code === 'AD421' && finding.fixes?.length);
    assert.equal(fixable.length, 2, 'the github server and the fetch tool');
    for (const finding of fixable) {
      const fixed = apply(text, finding.fixes![0]!.insertions);
      const after = await findings(root, fixed);
      assert.ok(
        !after.some((candidate) => candidate.code === 'AD421' && candidate.message === finding.message),
        `still reported: ${finding.message}`,
      );
      assert.ok(
        loud(after) <= loud(before),
        `${finding.fixes![0]!.title}: ${loud(before)} → ${loud(after)} errors and warnings`,
      );
    }
    const all = fixAll({ ...(await service(root).checkText(toEnginePath(path.join(root, DOC)), text)).result });
    assert.ok(all);
    const fixedAll = apply(text, all.insertions);
    assert.ok(
      fixedAll.includes('| github | @modelcontextprotocol/server-github@2025.4.8 | stdio | env: GITHUB_TOKEN | - |'),
    );
    assert.ok(/\| fetch \| TODO \|[^\n]*\| builtin \| - \|/.test(fixedAll));
    assert.ok(loud(await findings(root, fixedAll)) <= loud(before));
  });

  it('after the fixes and a recorded hash, the drift findings are gone (agentdoc check --record-hashes)', async () => {
    const text = fs.readFileSync(path.join(root, DOC), 'utf8');
    const all = fixAll((await service(root).checkText(toEnginePath(path.join(root, DOC)), text)).result);
    assert.ok(all);
    const written = apply(text, all.insertions)
      .replace(/\| fetch \| TODO \|[^\n]*/, FETCH_ROW)
      .replace(
        '| FM-8 |',
        '| FM-9 | Fetched page unavailable or hostile | fetch | tool_error_rate alert | page ignored | yes | [Troubleshooting](#troubleshooting) |\n| FM-8 |',
      );
    fs.writeFileSync(path.join(root, DOC), written);
    fs.writeFileSync(path.join(root, MCP), repairedMcp());
    fs.writeFileSync(path.join(root, AGENT), REPAIRED_AGENT);
    const result = runCli(['check', DOC, '--record-hashes', '--today', FIXTURE_TODAY], { cwd: root });
    assert.match(result.stderr, /recorded sha256 of/);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /no problems/);
  });
});

describe('the quick fix for an undocumented MCP server when the document has no MCP servers table yet', () => {
  it('adds the table with the server row filled from the configuration, and lowers the errors and warnings', async () => {
    let text = example('complete.agentdoc.md');
    text =
      text.slice(0, text.indexOf('\nThe tools come from three MCP servers')) +
      text.slice(text.indexOf('\n## Decision'));
    text = text.replace(/ \| mcp \| sap-fi \|/g, ' | mcp | - |');
    const host = memoryHost(
      Object.fromEntries(Object.entries(exampleAgentFiles()).map(([name, content]) => [`/r/${name}`, content])),
    );
    const run = async (document: string) =>
      analyze(document, {
        today: FIXTURE_TODAY,
        agentFiles: (await readAgentFiles('/r/doc.agentdoc.md', document, { host, root: '/r' }))!,
      }).findings;
    const before = await run(text);
    const finding = before.find((candidate) => candidate.code === 'AD421' && candidate.fixes?.length);
    assert.equal(finding?.fixes?.[0]?.title, 'Add an MCP servers table with "sap-fi"');
    const fixed = apply(text, finding.fixes[0].insertions);
    assert.match(
      fixed,
      /\| Server \| Version \| Transport \| Auth \|\n\|---\|---\|---\|---\|\n\| sap-fi \| ghcr\.io\/acme-finance\/sap-odata-mcp@sha256:[0-9a-f]{64} \| stdio \| env: SAP_CLIENT_ID, SAP_CLIENT_SECRET \|/,
    );
    const after = await run(fixed);
    assert.ok(!after.some((candidate) => candidate.code === 'AD421'));
    assert.ok(loud(after) < loud(before));
  });
});
