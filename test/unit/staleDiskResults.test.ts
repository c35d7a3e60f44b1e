import * as assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createSkeleton, type FileHost } from '../../server/src/engine';
import { AgentdocServer } from '../../server/src/lsp/agentdocServer';
import type { ServerPlatform, WorkerIndexRun } from '../../server/src/lsp/platform';
import { checkOnDisk } from '../../server/src/lsp/workspaceChecking';
import { memoryHost, type MemoryEntry } from '../helpers/memoryHost';

/**
 * A file that changes on disk while it is being checked: the check of the older text must never
 * end up as the document's result once the newer text's check is in. The workers, the file reads
 * and the editor's notices are all in the test's hands: each step happens when the test says.
 */

const FOLDER = '/ws';
const DOC = `${FOLDER}/triage.agentdoc.md`;
const DOC_URI = `file://${DOC}`;
const PROMPT = `${FOLDER}/prompts/triage.prompt.md`;

function agentDoc(id: string, extra = ''): string {
  const text = createSkeleton({ id, name: 'Triage', owner: 'Dana Kim', customerFacing: false, personalData: false });
  return text.replace(/^---\n/, `---\n${extra}`);
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** What the server sends is not looked at here; only its store is. */
const quietConnection = {
  sendDiagnostics: () => Promise.resolve(),
  sendNotification: () => Promise.resolve(),
  console: { error: (message: string) => assert.fail(message) },
  window: { showWarningMessage: () => Promise.resolve(undefined) },
} as unknown as Connection;

function serverOn(host: FileHost, checkInWorkers?: ServerPlatform['checkInWorkers']): AgentdocServer {
  const platform: ServerPlatform = {
    host,
    uris: {
      toPath: (uri) => (uri.startsWith('file:///') ? uri.slice('file://'.length) : undefined),
      toUri: (path) => `file://${path}`,
    },
    ...(checkInWorkers ? { checkInWorkers } : {}),
    yieldToEvents: () => Promise.resolve(),
    loadTokenCounter: () => undefined,
  };
  const server = new AgentdocServer(quietConnection, new TextDocuments(TextDocument), platform);
  server.setFolders([`file://${FOLDER}`]);
  return server;
}

const idOf = (server: AgentdocServer): string | undefined => server.store.check(DOC_URI)?.identity?.id;

describe('a file changed on disk while it is being checked', () => {
  it('keeps the changed file result when an indexing worker answers for the older text after it', async () => {
    const tree: Record<string, MemoryEntry> = { [DOC]: agentDoc('before-edit') };
    const host = memoryHost(tree);
    const handedOver = deferred<WorkerIndexRun>();
    const workersDone = deferred<boolean>();
    const server = serverOn(host, (run) => {
      handedOver.resolve(run);
      return workersDone.promise;
    });
    const indexing = server.indexWorkspace();
    const run = await handedOver.promise;
    const [file] = run.files;
    assert.equal(file?.path, DOC);
    // What the worker makes of the file as it read it, before the edit (as the server would).
    const older = await checkOnDisk(server.service, file);
    assert.equal(older?.identity?.id, 'before-edit');

    tree[DOC] = agentDoc('after-edit');
    await server.filesChanged([{ uri: DOC_URI, deleted: false }]);
    assert.equal(idOf(server), 'after-edit');

    run.onCheck(file, older);
    workersDone.resolve(true);
    assert.equal(await indexing, 1);
    assert.equal(idOf(server), 'after-edit', 'the older text came back from the worker');
  });

  it('keeps it too when the server checks the workspace on its own thread and its read is the slow one', async () => {
    const tree: Record<string, MemoryEntry> = { [DOC]: agentDoc('before-edit') };
    const files = memoryHost(tree);
    const indexRead = deferred<void>();
    const releaseIndexRead = deferred<void>();
    let reads = 0;
    // The index's read of the document gets the text as it is, then waits: its check is the slow one.
    const host: FileHost = {
      ...files,
      async readFile(path) {
        const text = await files.readFile(path);
        if (path === DOC && reads++ === 0) {
          indexRead.resolve();
          await releaseIndexRead.promise;
        }
        return text;
      },
    };
    const server = serverOn(host);
    const indexing = server.indexWorkspace();
    await indexRead.promise;

    tree[DOC] = agentDoc('after-edit');
    await server.filesChanged([{ uri: DOC_URI, deleted: false }]);
    assert.equal(idOf(server), 'after-edit');

    releaseIndexRead.resolve();
    await indexing;
    assert.equal(idOf(server), 'after-edit', 'the older text came back from the index');
  });

  it('keeps the newer of two quick changes, whichever check finishes last', async () => {
    const tree: Record<string, MemoryEntry> = {};
    const files = memoryHost(tree);
    const firstRead = deferred<void>();
    const releaseFirstRead = deferred<void>();
    let reads = 0;
    const host: FileHost = {
      ...files,
      async readFile(path) {
        const text = await files.readFile(path);
        if (path === DOC && reads++ === 0) {
          firstRead.resolve();
          await releaseFirstRead.promise;
        }
        return text;
      },
    };
    const server = serverOn(host);
    await server.indexWorkspace();
    tree[DOC] = agentDoc('first-save');
    const first = server.filesChanged([{ uri: DOC_URI, deleted: false }]);
    await firstRead.promise;
    tree[DOC] = agentDoc('second-save');
    await server.filesChanged([{ uri: DOC_URI, deleted: false }]);
    assert.equal(idOf(server), 'second-save');
    releaseFirstRead.resolve();
    await first;
    assert.equal(idOf(server), 'second-save', 'the first save came back after the second');
  });

  it('keeps a document re-checked for its deleted agent file when an older check answers after', async () => {
    const named = 'agent_files:\n  - path: prompts/triage.prompt.md\n';
    const tree: Record<string, MemoryEntry> = { [DOC]: agentDoc('triage', named), [PROMPT]: 'Old prompt.\n' };
    const files = memoryHost(tree);
    const promptRead = deferred<void>();
    const releasePromptRead = deferred<void>();
    let holdNext = false;
    // The next read of the prompt gets it as it is, then waits: that check is the slow one.
    const host: FileHost = {
      ...files,
      async readFile(path) {
        const text = await files.readFile(path);
        if (path === PROMPT && holdNext) {
          holdNext = false;
          promptRead.resolve();
          await releasePromptRead.promise;
        }
        return text;
      },
    };
    const server = serverOn(host);
    await server.indexWorkspace();
    assert.deepEqual(server.store.check(DOC_URI)?.agentFiles, [PROMPT]);
    const promptMissing = (): boolean =>
      (server.result(DOC_URI)?.findings ?? []).some((finding) => finding.message.includes('does not exist'));
    assert.ok(!promptMissing());

    // The document is saved: its re-check reads the prompt as it still is, slowly.
    holdNext = true;
    const saved = server.filesChanged([{ uri: DOC_URI, deleted: false }]);
    await promptRead.promise;
    // Meanwhile the prompt is deleted: the document is checked again and says so.
    delete tree[PROMPT];
    await server.filesChanged([{ uri: `file://${PROMPT}`, deleted: true }]);
    assert.ok(promptMissing(), 'the re-check for the deleted prompt is in');
    releasePromptRead.resolve();
    await saved;
    assert.ok(promptMissing(), 'the check that still read the prompt came back after');
  });
});
