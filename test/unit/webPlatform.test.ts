import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { createAgentdocService, type FileHost } from '../../server/src/engine';
import type { AgentdocClientRequests, ClientRequestMethod } from '../../server/src/protocol/requests';
import { clientFileHost, MAX_WEB_READ_BYTES, WorkspaceUris } from '../../server/src/web/webPlatform';
import { memoryHost, type MemoryEntry } from '../helpers/memoryHost';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const FOLDER = 'vscode-vfs://github/acme/agents';

/**
 * A connection whose requests to the client are answered the way client/src/web/fileRelay.ts answers
 * them (null for what cannot be read), from an in-memory tree under the workspace's URIs.
 */
function relayTo(host: FileHost, uris: WorkspaceUris, sent: string[] = []): Connection {
  const handlers: {
    [M in ClientRequestMethod]: (
      params: AgentdocClientRequests[M]['params'],
    ) => Promise<AgentdocClientRequests[M]['result']>;
  } = {
    'agentdoc/fs/readDirectory': async ({ uri }) => host.readDirectory(uris.toPath(uri)!),
    'agentdoc/fs/kind': async ({ uri }) => (await host.kind(uris.toPath(uri)!)) ?? null,
    'agentdoc/fs/readFile': async ({ uri }) => host.readFile(uris.toPath(uri)!).catch(() => null),
  };
  return {
    sendRequest: (method: ClientRequestMethod, params: never) => {
      sent.push(`${method} ${(params as { uri: string }).uri}`);
      return handlers[method](params);
    },
  } as unknown as Connection;
}

describe('web extension: the worker reads the workspace through the client', () => {
  it('maps the workspace URIs to engine paths and back as the editor writes them', () => {
    const uris = new WorkspaceUris();
    assert.equal(uris.toPath(`${FOLDER}/a.agentdoc.md`), undefined, 'no folders yet: nothing is readable');
    uris.setFolders([FOLDER]);
    const opened = `${FOLDER}/docs/ticket%20triage%20%231.agentdoc.md`;
    assert.equal(uris.toPath(opened), '/acme/agents/docs/ticket triage #1.agentdoc.md');
    // The URI a workspace walk produces for the same file is the string the editor sent on open.
    assert.equal(uris.toUri('/acme/agents/docs/ticket triage #1.agentdoc.md'), opened);
    // Another place (authority or scheme) is not the workspace's; another path on the same place is a
    // path, and the client refuses to read it unless it is inside a workspace folder.
    assert.equal(uris.toPath('vscode-vfs://gitlab/acme/agents/a.agentdoc.md'), undefined);
    assert.equal(uris.toPath('file:///acme/agents/a.agentdoc.md'), undefined);
    assert.equal(uris.toPath('untitled:Untitled-1'), undefined);
    // A bad %-escape ("100%.agentdoc.md" written raw) must not end the server.
    assert.doesNotThrow(() => uris.toPath('vscode-vfs://github/acme/agents/100%.agentdoc.md'));
  });

  it('a folder that cannot be read is empty, a missing path has no kind, an unreadable file rejects', async () => {
    const uris = new WorkspaceUris();
    uris.setFolders([FOLDER]);
    const failing = {
      sendRequest: async (method: string) => {
        if (method === 'agentdoc/fs/readFile') return null;
        throw new Error('connection closed');
      },
    } as unknown as Connection;
    const host = clientFileHost(failing, uris);
    assert.deepEqual(await host.readDirectory('/acme/agents'), []);
    assert.equal(await host.kind('/acme/agents/x'), undefined);
    await assert.rejects(host.readFile('/acme/agents/a.agentdoc.md'), /cannot read/);
  });

  it('asks for files with the size limit and never for a link the walk met', async () => {
    const uris = new WorkspaceUris();
    uris.setFolders([FOLDER]);
    const tree: Record<string, MemoryEntry> = {
      '/acme/agents/a.agentdoc.md': '---\nagentdoc: 1\n---\n',
      '/acme/agents/linked.agentdoc.md': { link: '/etc/passwd' },
    };
    const sent: string[] = [];
    const params: unknown[] = [];
    const relay = relayTo(memoryHost(tree), uris, sent);
    const spy = {
      sendRequest: (method: ClientRequestMethod, p: never) => {
        params.push(p);
        return relay.sendRequest(method, p);
      },
    } as unknown as Connection;
    const service = createAgentdocService({ host: clientFileHost(spy, uris), roots: ['/acme/agents'] });
    const listed = await service.listFiles(['/acme/agents']);
    assert.deepEqual(
      listed.files.map((file) => file.path),
      ['/acme/agents/a.agentdoc.md'],
    );
    await service.readAndCheck(listed.files[0]!);
    assert.ok(
      !sent.some((line) => line.startsWith('agentdoc/fs/readFile') && line.includes('linked')),
      sent.join('\n'),
    );
    assert.ok(params.some((p) => (p as { maxBytes?: number }).maxBytes === MAX_WEB_READ_BYTES));
  });

  it('the examples get the same findings through the relay as from memory directly', async () => {
    const uris = new WorkspaceUris();
    uris.setFolders([FOLDER]);
    const tree: Record<string, MemoryEntry> = {};
    const examples = path.join(REPO_ROOT, 'examples');
    for (const entry of fs.readdirSync(examples, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const relative = path.relative(examples, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      tree[`/acme/agents/${relative}`] = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    }
    const findings = async (host: FileHost) => {
      const service = createAgentdocService({ host, roots: ['/acme/agents'], today: '2026-06-01' });
      const listed = await service.listFiles(['/acme/agents']);
      const checked = await service.checkFiles(listed.files);
      return checked.map((file) => [file.path, file.result.findings.map((f) => `${f.code} ${f.message}`)]);
    };
    const direct = await findings(memoryHost(tree));
    assert.ok(direct.length >= 3, `examples listed: ${direct.length}`);
    assert.deepEqual(await findings(clientFileHost(relayTo(memoryHost(tree), uris), uris)), direct);
  });
});
