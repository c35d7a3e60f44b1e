import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { example, exampleEvidence, removeTree, tempTree } from '../helpers/cli';
import { StdioLspClient } from '../helpers/lspClient';

// What a cloned repository can do to the language server: documents, links, file names. These use
// the bundled server only, so AGENTDOC_DIST can point them at an older build.

const complete = example('complete.agentdoc.md');

describe('hostile workspace through the language server (issue 13)', () => {
  let client: StdioLspClient;
  let root: string;
  before(async () => {
    root = tempTree({
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'outside.md': 'secret',
      ...exampleEvidence('repo/'),
    });
    client = new StdioLspClient();
    await client.initialize({}, [path.join(root, 'repo')]);
  });
  after(async () => {
    await client.close();
    removeTree(root);
  });

  it('4. only http(s) links and relative files inside the workspace become document links', async () => {
    const hostile = [
      '[Evidence](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22id%5Cn%22%7D)',
      '[Evidence](file:///etc/passwd)',
      '[Evidence](javascript:alert(1))',
      '[Evidence](vscode://some.extension/run)',
      '[Evidence](../../outside.md)',
      '[Evidence](//attacker.example/share/x.md)',
      '[Evidence](/etc/passwd)',
      '[Evidence](https://example.com/report)',
    ];
    let index = 0;
    const text = complete.replace(/\| evidence\/[^ |]+ \|/g, (link) =>
      index < hostile.length ? `| ${hostile[index++]!} |` : link,
    );
    assert.equal(index, hostile.length, 'the example has enough evidence links to replace');
    const uri = pathToFileURL(path.join(root, 'repo', 'links.agent.md')).toString();
    await client.open(uri, text);
    const links = await client.request<Array<{ target: string }>>('textDocument/documentLink', {
      textDocument: { uri },
    });
    const evidence = pathToFileURL(path.join(root, 'repo', 'evidence')).toString();
    const unexpected = links.filter(
      (link) => link.target !== 'https://example.com/report' && !link.target.startsWith(`${evidence}/`),
    );
    assert.deepEqual(
      unexpected.map((link) => link.target),
      [],
    );
    assert.ok(links.some((link) => link.target === 'https://example.com/report'));
    assert.ok(links.filter((link) => link.target.startsWith(`${evidence}/`)).length > 5);
    assert.ok(fs.existsSync(path.join(root, 'outside.md')));
  });
});

const PIPES = ['pipe-1.agent.md', 'pipe-2.agent.md', 'pipe-3.agent.md', 'pipe-4.agent.md', 'pipe-5.agent.md'];

describe('hostile workspace: links, pipes and odd URIs (issue 13)', () => {
  const pilot = example('pilot.agentdoc.md');
  let client: StdioLspClient;
  let root: string;
  before(async () => {
    root = tempTree({
      'ws/a.agent.md': pilot,
      'outside/secret.agent.md': pilot.replace(/^id: .*$/m, 'id: secret-outside-agent'),
    });
    // More FIFOs than libuv has threads (4): one blocked open each would stall all file access.
    for (const pipe of PIPES) assert.equal(spawnSync('mkfifo', [path.join(root, 'ws', pipe)]).status, 0);
    fs.symlinkSync(path.join(root, 'outside', 'secret.agent.md'), path.join(root, 'ws', 'link.agent.md'));
    client = new StdioLspClient();
    await client.initialize({}, [path.join(root, 'ws')]);
  });
  after(async () => {
    await client.close();
    removeTree(root);
  });

  const portfolioIds = async (): Promise<string[]> =>
    (await client.request<Array<{ id?: string; uri: string }>>('agentdoc/portfolio', {})).map(
      (entry) => entry.id ?? entry.uri,
    );

  it('8. a FIFO in the workspace never blocks: a re-check of the workspace answers, also after a watcher event for it', async () => {
    const first = await client.request<{ files: number }>('agentdoc/recheckWorkspace', {});
    assert.equal(first.files, 1);
    // One event per FIFO: a server that opened each would block one thread per event.
    for (const pipe of PIPES)
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: pathToFileURL(path.join(root, 'ws', pipe)).toString(), type: 1 }],
      });
    const again = await client.request<{ files: number }>('agentdoc/recheckWorkspace', {});
    assert.equal(again.files, 1);
  });

  it('7. a watcher event for a symbolic link does not make the server read its target', async () => {
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(path.join(root, 'ws', 'link.agent.md')).toString(), type: 1 }],
    });
    await client.request('agentdoc/portfolio', {});
    const ids = await portfolioIds();
    assert.ok(ids.includes('support-reply-drafter'), ids.join(', '));
    assert.ok(!ids.includes('secret-outside-agent'), ids.join(', '));
  });

  it('9. a bad %-escape in a document URI is checked like any document and does not end the server', async () => {
    const bad = `${pathToFileURL(path.join(root, 'ws')).toString()}/100%.agent.md`;
    await client.open(bad, pilot);
    const published = await client.diagnostics(bad);
    assert.ok(published.diagnostics.length > 0);
    const good = pathToFileURL(path.join(root, 'ws', 'after.agent.md')).toString();
    await client.open(good, pilot);
    assert.ok((await client.diagnostics(good)).diagnostics.length > 0, 'the server still answers');
  });
});

describe('the LSP lifecycle is enforced (issue 13.13)', () => {
  const hover = { textDocument: { uri: 'file:///x.agent.md' }, position: { line: 0, character: 0 } };
  const refusedWith = async (promise: Promise<unknown>): Promise<number | undefined> => {
    try {
      await promise;
      return undefined;
    } catch (error) {
      return (error as { code?: number }).code;
    }
  };

  it('requests before initialize get -32002; a second initialize and requests after shutdown get InvalidRequest', async () => {
    const client = new StdioLspClient();
    try {
      assert.equal(await refusedWith(client.request('textDocument/hover', hover)), -32002);
      assert.equal(await refusedWith(client.request('agentdoc/portfolio', {})), -32002);
      await client.initialize();
      assert.equal(await refusedWith(client.initialize()), -32600);
      assert.deepEqual(await client.request('agentdoc/portfolio', {}), []);
      await client.request('shutdown', null);
      assert.equal(await refusedWith(client.request('textDocument/hover', hover)), -32600);
      assert.equal(await refusedWith(client.request('agentdoc/portfolio', {})), -32600);
    } finally {
      await client.close();
    }
  });
});
