import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../../server/src/engine';
import { removeTree, tempTree } from '../helpers/cli';
import { AGENT, DOC, DRIFT_CODES, MCP, REPAIRED_AGENT, drifted, repairedMcp } from '../helpers/driftRepository';
import { StdioLspClient } from '../helpers/lspClient';

const codes = (params: PublishDiagnosticsParams) =>
  new Set(params.diagnostics.map((diagnostic) => String(diagnostic.code)));

describe('drift against the agent files in the editor (LSP): shown, re-checked on a file change, cleared by the fixes', function () {
  this.timeout(60_000);
  let root: string;
  let client: StdioLspClient;
  let uri: string;
  let text: string;
  let version = 1;
  const registrations: unknown[] = [];

  before(async () => {
    root = tempTree(drifted());
    uri = pathToFileURL(path.join(root, DOC)).toString();
    text = fs.readFileSync(path.join(root, DOC), 'utf8');
    client = new StdioLspClient();
    client.connection.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
      registrations.push(...params.registrations);
    });
    // The editor applies the server's edits (record hashes) to its copy of the text.
    client.connection.onRequest(
      'workspace/applyEdit',
      async (params: { edit: { documentChanges: Array<{ edits: TextEdit[] }> } }) => {
        text = applyTextEdits(text, params.edit.documentChanges[0]?.edits ?? []);
        await client.replace(uri, text, ++version);
        return { applied: true };
      },
    );
    await client.initialize(
      { workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } },
      [root],
    );
    await client.open(uri, text, version);
  });
  after(async () => {
    await client.close();
    removeTree(root);
  });

  it('shows each drift finding on the open document, and asks the editor to watch the agent files', async () => {
    const published = await client.diagnostics(uri, (params) => DRIFT_CODES.every((code) => codes(params).has(code)));
    assert.ok(published);
    // The registration follows the diagnostics: wait for it (bounded).
    for (let tries = 0; tries < 100 && registrations.length === 0; tries++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const watched = JSON.stringify(registrations);
    for (const file of [MCP, AGENT, 'prompts/ap-invoice-triage.prompt.md'])
      assert.ok(watched.includes(file), `${file} watched`);
  });

  it('re-checks when an agent file changes on disk: the model, server and version drift go', async () => {
    fs.writeFileSync(path.join(root, MCP), repairedMcp());
    fs.writeFileSync(path.join(root, AGENT), REPAIRED_AGENT);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [MCP, AGENT].map((file) => ({ uri: pathToFileURL(path.join(root, file)).toString(), type: 2 })),
    });
    const published = await client.diagnostics(
      uri,
      (params) => !['AD422', 'AD423', 'AD426'].some((code) => codes(params).has(code)) && codes(params).has('AD424'),
    );
    assert.ok(codes(published).has('AD421'), 'the undocumented server and tool are still reported');
  });

  it('the quick fixes add the missing rows, and agentdoc/recordHashes records the hashes: the drift findings are gone', async () => {
    for (const title of ['Add MCP server "github"', 'Add tool "fetch"']) {
      const published = await client.diagnostics(uri, (params) =>
        params.diagnostics.some((diagnostic) => diagnostic.code === 'AD421'),
      );
      const diagnostic = published.diagnostics.find(
        (candidate) =>
          candidate.code === 'AD421' &&
          String(candidate.message).includes(title.includes('github') ? 'github' : 'fetch'),
      );
      assert.ok(diagnostic, title);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      });
      const action = actions.find((candidate) => candidate.title.startsWith(title));
      assert.ok(action?.edit?.documentChanges, `${title} offered`);
      const change = action.edit.documentChanges[0] as { edits: TextEdit[] };
      text = applyTextEdits(text, change.edits);
      await client.replace(uri, text, ++version);
      await client.diagnostics(uri, (params) => params.version === version);
    }
    const result = await client.request<{ recorded: string[]; applied: boolean }>('agentdoc/recordHashes', { uri });
    assert.ok(result.applied && result.recorded.length > 0, JSON.stringify(result));
    const published = await client.diagnostics(
      uri,
      (params) => params.version === version && !DRIFT_CODES.some((code) => codes(params).has(code)),
    );
    assert.ok(published);
  });
});

describe('agent files of documents nobody opened are watched too (LSP)', function () {
  this.timeout(60_000);

  it('asks the editor to watch them once the workspace is indexed', async () => {
    const root = tempTree(drifted());
    const client = new StdioLspClient();
    const registrations: unknown[] = [];
    client.connection.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
      registrations.push(...params.registrations);
    });
    try {
      await client.initialize(
        { workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } },
        [root],
      );
      // No document is opened: only indexing can ask for the watchers (bounded wait).
      for (let tries = 0; tries < 200 && !JSON.stringify(registrations).includes(MCP); tries++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const watched = JSON.stringify(registrations);
      for (const file of [MCP, AGENT]) assert.ok(watched.includes(file), `${file} watched`);
    } finally {
      await client.close();
      removeTree(root);
    }
  });
});
