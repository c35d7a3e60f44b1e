import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/engine';
import { evidenceChecker } from '../../server/src/node/evidenceFiles';
import { EXAMPLES_DIR } from '../helpers/fixtures';
import { StdioLspClient } from '../helpers/lspClient';

describe('language server over stdio (node dist/server.js --stdio)', () => {
  let client: StdioLspClient;
  beforeEach(() => {
    client = new StdioLspClient();
  });
  afterEach(async () => {
    await client.close();
  });

  it('answers initialize with incremental sync and its name', async () => {
    const result = await client.initialize();
    assert.equal(result.serverInfo?.name, 'agentdoc');
    assert.equal(result.capabilities.textDocumentSync, 2);
  });

  it("publishes the broken example's planted problems with codes and exact ranges", async () => {
    await client.initialize();
    const file = path.join(EXAMPLES_DIR, 'broken.agentdoc.md');
    const uri = pathToFileURL(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    await client.open(uri, text);
    const published = await client.diagnostics(uri);
    assert.equal(published.version, 1);
    const byCode = (code: string) => published.diagnostics.filter((diagnostic) => diagnostic.code === code);
    for (const code of ['AD001', 'AD100', 'AD101', 'AD103', 'AD111', 'AD112'])
      assert.ok(byCode(code).length > 0, `expected ${code}`);
    // The Compliance template (AD102) is one of the sections still to write, with the missing ones.
    assert.ok(
      byCode('AD100').some((diagnostic) => /Runbook \(missing\), Compliance\b/.test(String(diagnostic.message))),
    );
    assert.ok(published.diagnostics.every((diagnostic) => diagnostic.source === 'agentdoc'));
    // The YAML error sits on the line with the stray quote, not on line 1.
    const yamlLine = text.split(/\r?\n/).findIndex((line) => line.includes("Service desk's"));
    assert.equal(byCode('AD001')[0]?.range.start.line, yamlLine);
    const modeLine = text.split(/\r?\n/).findIndex((line) => line.includes('| sometimes'));
    const invalidMode = byCode('AD112').find((diagnostic) => String(diagnostic.message).includes('sometimes'));
    assert.deepEqual(invalidMode?.range, {
      start: { line: modeLine, character: text.split(/\r?\n/)[modeLine]!.indexOf('sometimes') },
      end: { line: modeLine, character: text.split(/\r?\n/)[modeLine]!.indexOf('sometimes') + 'sometimes'.length },
    });
    assert.ok(byCode('AD100').some((diagnostic) => String(diagnostic.message).includes('Runbook')));
    // Each diagnostic links to its entry in the shipped rule reference, and carries its sources.
    const link = byCode('AD100')[0]?.codeDescription?.href ?? '';
    assert.match(link, /\/docs\/rules\.md#ad100$/);
    assert.ok(fs.existsSync(new URL(link.replace(/#.*$/, ''))), link);
    assert.ok(fs.readFileSync(new URL(link.replace(/#.*$/, '')), 'utf8').includes('<a id="ad100"></a>'));
    assert.deepEqual((byCode('AD100')[0]?.data as { sources?: string[] }).sources?.includes('seed:000'), true);
  });

  it('gives the same findings as the engine for every example', async () => {
    await client.initialize();
    for (const name of fs.readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.agentdoc.md'))) {
      const file = path.join(EXAMPLES_DIR, name);
      const uri = pathToFileURL(file).toString();
      const text = fs.readFileSync(file, 'utf8');
      await client.open(uri, text);
      const published = await client.diagnostics(uri);
      const expected = analyze(text, { fileExists: evidenceChecker(file, []) }).findings.map(
        (finding) => `${finding.code}@${finding.range.start.line}:${finding.range.start.character}`,
      );
      assert.deepEqual(
        published.diagnostics.map(
          (diagnostic) =>
            `${String(diagnostic.code)}@${diagnostic.range.start.line}:${diagnostic.range.start.character}`,
        ),
        expected,
        name,
      );
    }
  });

  it('re-checks after an edit and drops the fixed finding', async () => {
    await client.initialize();
    const uri = 'untitled:/edit-test.agentdoc.md';
    const text = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');
    await client.open(uri, text.replace('## Runbook', '## Runbook-ish'));
    const before = await client.diagnostics(uri);
    assert.ok(before.diagnostics.some((diagnostic) => diagnostic.code === 'AD100'));
    await client.replace(uri, text, 2);
    const after = await client.diagnostics(uri, (params) => params.version === 2);
    assert.deepEqual(after.diagnostics, []);
  });

  it('ignores Markdown files that are not agent docs', async () => {
    await client.initialize();
    await client.open('file:///tmp/readme.md', '# Not an agent doc\n');
    await client.open('untitled:/probe.agentdoc.md', '# Probe\n');
    await client.diagnostics('untitled:/probe.agentdoc.md');
    await assert.rejects(client.diagnostics('file:///tmp/readme.md', () => true, 300));
  });
});
