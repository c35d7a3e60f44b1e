import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PortfolioEntry, ReadinessView } from '../../server/src/protocol/types';
import { EXAMPLES_DIR } from '../helpers/fixtures';
import { StdioLspClient } from '../helpers/lspClient';

describe('whole-workspace checking and the reviewer requests (agentdoc.problems: workspace)', () => {
  let client: StdioLspClient;
  let folder: string;
  const complete = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-ws-'));
    fs.mkdirSync(path.join(folder, 'agents'));
    fs.cpSync(path.join(EXAMPLES_DIR, 'evidence'), path.join(folder, 'evidence'), { recursive: true });
    fs.cpSync(path.join(EXAMPLES_DIR, 'evidence'), path.join(folder, 'agents', 'evidence'), { recursive: true });
    // The agent files complete.agentdoc.md names (its MCP configuration and prompt file), next to each copy.
    for (const base of [folder, path.join(folder, 'agents')]) {
      for (const name of ['.vscode', 'prompts'])
        fs.cpSync(path.join(EXAMPLES_DIR, name), path.join(base, name), { recursive: true });
    }
    fs.copyFileSync(path.join(EXAMPLES_DIR, 'pilot.agentdoc.md'), path.join(folder, 'agents', 'pilot.agentdoc.md'));
    fs.writeFileSync(path.join(folder, 'agents', 'one.agentdoc.md'), complete);
    // Same id as one.agentdoc.md, and a dependency nobody documents.
    fs.writeFileSync(
      path.join(folder, 'two.agentdoc.md'),
      complete.replace(/^name: .*$/m, 'name: Second copy\ndepends_on: [ghost-agent]'),
    );
    fs.mkdirSync(path.join(folder, 'node_modules'));
    fs.writeFileSync(path.join(folder, 'node_modules', 'ignored.agentdoc.md'), '# not indexed\n');
    client = new StdioLspClient();
    client.useSettings({ problems: 'workspace' });
    await client.initialize({ window: { workDoneProgress: false } }, [folder]);
  });
  after(async () => {
    await client.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('publishes diagnostics for files that were never opened, including cross-document ones', async () => {
    const two = pathToFileURL(path.join(folder, 'two.agentdoc.md')).toString();
    const published = await client.diagnostics(two, (params) =>
      params.diagnostics.some((diagnostic) => diagnostic.code === 'AD381'),
    );
    assert.ok(
      published.diagnostics.some((diagnostic) => diagnostic.code === 'AD380'),
      'duplicate id reported',
    );
    const pilot = pathToFileURL(path.join(folder, 'agents', 'pilot.agentdoc.md')).toString();
    assert.ok((await client.diagnostics(pilot)).diagnostics.length > 0);
    await assert.rejects(
      client.diagnostics(
        pathToFileURL(path.join(folder, 'node_modules', 'ignored.agentdoc.md')).toString(),
        () => true,
        300,
      ),
    );
  });

  it('agentdoc/portfolio lists every agent with owner, tier, stage and readiness', async () => {
    await client.diagnostics(pathToFileURL(path.join(folder, 'two.agentdoc.md')).toString());
    const entries = await client.request<PortfolioEntry[]>('agentdoc/portfolio', {});
    assert.equal(entries.length, 3);
    const pilot = entries.find((entry) => entry.uri.endsWith('pilot.agentdoc.md'));
    assert.equal(pilot?.verdict.stage?.id, 'pilot');
    assert.equal(pilot?.verdict.blockedStage?.id, 'shadow');
    assert.ok((pilot?.verdict.blockers ?? 0) > 0);
    const one = entries.find((entry) => entry.uri.endsWith('one.agentdoc.md'));
    assert.equal(one?.owner, 'Maria Lindqvist');
    // one and two share an id (AD380, an error): neither is ready for its stage until that is fixed.
    assert.equal(one?.verdict.blockers, 1);
    assert.equal(one?.verdict.phrase, 'Production · 1 finding blocks production');
  });

  it('agentdoc/readiness returns gates in stage order with statuses and places to reveal', async () => {
    const uri = pathToFileURL(path.join(folder, 'agents', 'pilot.agentdoc.md')).toString();
    const view = await client.request<ReadinessView | null>('agentdoc/readiness', { uri });
    assert.ok(view);
    assert.equal(view.verdict.stage?.id, 'pilot');
    assert.match(view.verdict.phrase, /^Pilot · \d+ findings? blocks? shadow$/);
    const stages = view.gates.map((gate) => gate.stage);
    assert.deepEqual(
      stages,
      [...stages].sort(
        (a, b) =>
          ['pilot', 'shadow', 'canary', 'production', 'retired'].indexOf(a) -
          ['pilot', 'shadow', 'canary', 'production', 'retired'].indexOf(b),
      ),
    );
    const runbook = view.gates.flatMap((gate) => gate.items).find((item) => item.id === 'section-runbook');
    assert.equal(runbook?.status, 'missing');
    assert.ok(runbook?.hasFix);
  });

  it('agentdoc/skeleton writes a pilot document with no errors; agentdoc/report renders the same data', async () => {
    const text = await client.request<string>('agentdoc/skeleton', {
      name: 'Refund assistant',
      id: 'refund-assistant',
      owner: 'Ana Lima',
      customerFacing: true,
      personalData: true,
    });
    const uri = 'untitled:/refund-assistant.agentdoc.md';
    await client.open(uri, text);
    const published = await client.diagnostics(uri);
    assert.deepEqual(
      published.diagnostics.filter((diagnostic) => diagnostic.severity === 1).map((diagnostic) => diagnostic.message),
      [],
    );
    const html = await client.request<string | null>('agentdoc/report', { uri, format: 'html' });
    assert.match(html ?? '', /Refund assistant/);
    assert.match(html ?? '', /<svg|class="bar/);
    const markdown = await client.request<string | null>('agentdoc/report', { uri, format: 'markdown' });
    assert.match(markdown ?? '', /Ana Lima/);
  });

  it('an edit that changes the id re-runs the cross-document checks; other edits need not', async () => {
    const uri = pathToFileURL(path.join(folder, 'two.agentdoc.md')).toString();
    const text = fs.readFileSync(path.join(folder, 'two.agentdoc.md'), 'utf8');
    await client.open(uri, text.replace('# AP invoice', '# AP  invoice'), 1);
    assert.ok((await client.diagnostics(uri)).diagnostics.some((diagnostic) => diagnostic.code === 'AD380'));
    await client.replace(uri, text.replace(/^id: .*$/m, 'id: renamed-agent'), 2);
    const renamed = await client.diagnostics(
      uri,
      (params) => params.version === 2 && !params.diagnostics.some((diagnostic) => diagnostic.code === 'AD380'),
    );
    assert.ok(
      renamed.diagnostics.some((diagnostic) => diagnostic.code === 'AD381'),
      'depends_on is still unresolved',
    );
    // A line added above the id moves it: the duplicate-id finding moves with it (same id, new place).
    const idLine = text.split('\n').findIndex((line) => line.startsWith('id: '));
    await client.replace(uri, text.replace(/^id: /m, '# a comment line\nid: '), 3);
    await client.diagnostics(
      uri,
      (params) => params.version === 3 && params.diagnostics.some((diagnostic) => diagnostic.code === 'AD380'),
    );
    await client.replace(uri, text.replace(/^id: /m, '# a comment line\n# and another\nid: '), 4);
    const moved = await client.diagnostics(
      uri,
      (params) => params.version === 4 && params.diagnostics.some((diagnostic) => diagnostic.code === 'AD380'),
    );
    assert.deepEqual(
      moved.diagnostics.filter((diagnostic) => diagnostic.code === 'AD380').map((d) => d.range.start.line),
      [idLine + 2],
      'AD380 stays where the id was',
    );
  });

  it('follows files created and changed on disk', async () => {
    const three = path.join(folder, 'three.agentdoc.md');
    fs.writeFileSync(three, complete.replace(/^id: .*$/m, 'id: third-agent'));
    const uri = pathToFileURL(three).toString();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    const published = await client.diagnostics(uri);
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => diagnostic.code),
      [],
    );
    const entries = await client.request<PortfolioEntry[]>('agentdoc/portfolio', {});
    assert.ok(entries.some((entry) => entry.id === 'third-agent'));
  });
});

describe('a broken workspace config is reported on the config file', () => {
  it('publishes the config problem with its position, and checks documents with the defaults', async function () {
    this.timeout(30000);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-cfg-'));
    fs.writeFileSync(path.join(folder, '.agentdoc.yaml'), 'rules:\n  AD999: off\n');
    fs.writeFileSync(
      path.join(folder, 'a.agentdoc.md'),
      fs.readFileSync(path.join(EXAMPLES_DIR, 'pilot.agentdoc.md'), 'utf8'),
    );
    const client = new StdioLspClient();
    try {
      await client.initialize({}, [folder]);
      const configUri = pathToFileURL(path.join(folder, '.agentdoc.yaml')).toString();
      const docUri = pathToFileURL(path.join(folder, 'a.agentdoc.md')).toString();
      await client.open(docUri, fs.readFileSync(path.join(folder, 'a.agentdoc.md'), 'utf8'));
      await client.diagnostics(docUri);
      const published = await client.diagnostics(configUri);
      assert.equal(published.diagnostics.length, 1);
      assert.match(String(published.diagnostics[0]?.message), /AD999/);
      assert.equal(published.diagnostics[0]?.range.start.line, 1);
    } finally {
      await client.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('agentdoc.problems: open (the default) lists only open documents in Problems', () => {
  it('publishes nothing for unopened files, the findings of an opened one, and clears them on close; the portfolio still covers all', async function () {
    this.timeout(30000);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-scope-'));
    const pilotText = fs.readFileSync(path.join(EXAMPLES_DIR, 'pilot.agentdoc.md'), 'utf8');
    fs.writeFileSync(path.join(folder, 'a.agentdoc.md'), pilotText);
    fs.writeFileSync(path.join(folder, 'b.agentdoc.md'), pilotText.replace(/^id: .*$/m, 'id: other-agent'));
    const client = new StdioLspClient();
    try {
      await client.initialize({}, [folder]);
      const [a, b] = ['a', 'b'].map((name) => pathToFileURL(path.join(folder, `${name}.agentdoc.md`)).toString());
      // The workspace is indexed: both agents are in the portfolio.
      const until = Date.now() + 20000;
      let entries: PortfolioEntry[] = [];
      while (entries.length < 2 && Date.now() < until) {
        entries = await client.request<PortfolioEntry[]>('agentdoc/portfolio', {});
        if (entries.length < 2) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(entries.length, 2, 'the portfolio does not list both agents');
      await assert.rejects(
        client.diagnostics(a!, (params) => params.diagnostics.length > 0, 500),
        'an unopened document has diagnostics in Problems',
      );
      await client.open(b!, pilotText.replace(/^id: .*$/m, 'id: other-agent'));
      const opened = await client.diagnostics(b!, (params) => params.diagnostics.length > 0);
      assert.ok(opened.diagnostics.length > 0);
      await client.closeDocument(b!);
      await client.diagnostics(b!, (params) => params.diagnostics.length === 0);
      await assert.rejects(client.diagnostics(a!, (params) => params.diagnostics.length > 0, 300));
    } finally {
      await client.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
