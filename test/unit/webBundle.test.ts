import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { EXAMPLES_DIR, REPO_ROOT } from '../helpers/fixtures';

interface Message {
  id?: number;
  method?: string;
  params?: { uri?: string; diagnostics?: { code?: string }[] };
  result?: { capabilities?: Record<string, unknown> };
}

/**
 * The web extension's language server bundle (dist/web/server.js) in a context with what a web
 * worker has and nothing of Node.js (no Buffer, process, require): a library that reaches for Node at
 * load or while checking fails here, not first in vscode.dev. Messages go through `self` as a
 * worker's do.
 */
function startWorker(): {
  send(message: object): void;
  received: Message[];
  next(test: (m: Message) => boolean): Promise<Message>;
} {
  const listeners: Array<(event: { data: unknown }) => void> = [];
  const received: Message[] = [];
  const waiters: Array<() => void> = [];
  const worker: Record<string, unknown> = {
    console: { log() {}, info() {}, warn() {}, error() {}, debug() {} },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    TextEncoder,
    TextDecoder,
    URL,
    atob,
    btoa,
    performance,
    postMessage(message: Message) {
      received.push(message);
      for (const wake of waiters.splice(0)) wake();
    },
    addEventListener(type: string, listener: (event: { data: unknown }) => void) {
      if (type === 'message') listeners.push(listener);
    },
    removeEventListener() {},
  };
  worker.self = worker;
  worker.globalThis = worker;
  const context = vm.createContext(worker);
  vm.runInContext(fs.readFileSync(path.join(REPO_ROOT, 'dist', 'web', 'server.js'), 'utf8'), context, {
    filename: 'dist/web/server.js',
  });
  return {
    received,
    send: (message) => {
      // The JSON-RPC reader listens through `onmessage`, other code through addEventListener.
      const onmessage = worker.onmessage as ((event: { data: unknown }) => void) | undefined;
      onmessage?.({ data: message });
      for (const listener of listeners) listener({ data: message });
    },
    async next(test) {
      for (;;) {
        const found = received.find(test);
        if (found) return found;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}

describe('web extension: the language server bundle runs without Node.js', () => {
  it('answers initialize and publishes the broken example’s findings', async () => {
    const worker = startWorker();
    worker.send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null },
    });
    const initialized = await worker.next((m) => m.id === 1);
    assert.ok(initialized.result?.capabilities?.codeActionProvider, JSON.stringify(initialized));
    worker.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
    const uri = 'vscode-vfs://github/acme/agents/broken.agentdoc.md';
    const text = fs.readFileSync(path.join(EXAMPLES_DIR, 'broken.agentdoc.md'), 'utf8');
    worker.send({
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'markdown', version: 1, text } },
    });
    const published = await worker.next(
      (m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri && !!m.params.diagnostics?.length,
    );
    const codes = new Set(published.params?.diagnostics?.map((d) => d.code));
    for (const code of ['AD001', 'AD100', 'AD111']) assert.ok(codes.has(code), `${code} in ${[...codes].join(' ')}`);
    worker.send({ jsonrpc: '2.0', id: 2, method: 'shutdown', params: null });
    await worker.next((m) => m.id === 2);
  });
});
