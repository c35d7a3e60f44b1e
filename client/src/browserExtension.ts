import * as vscode from 'vscode';
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  LanguageClient,
  type MessageTransports,
} from 'vscode-languageclient/browser';
import { activateAgentdoc, clientOptions, type AgentdocApi } from './activate';
import { relayFileAccess } from './web/fileRelay';

export { type AgentdocApi } from './activate';

/** What a web worker extension host offers to start the server's worker (no DOM types in this build). */
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;
type ServerWorker = ConstructorParameters<typeof BrowserMessageReader>[0];

/**
 * The web extension (package.json `browser`) for vscode.dev and github.dev: the same views,
 * commands and diagnostics, with the language server in a web worker (dist/web/server.js) that
 * reads the workspace through this client (web/fileRelay.ts).
 */
export function activate(context: vscode.ExtensionContext): AgentdocApi {
  return activateAgentdoc(context, startClient);
}

/** Any scheme the editor's file system can read: the worker reads through it. */
const SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web', 'github', 'vscode-userdata'];

async function startClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  // A function, so a restart after a crash starts a fresh worker. It returns the transports itself: the
  // library's `instanceof Worker` test fails on the extension host's wrapped Worker.
  const transports = async (): Promise<MessageTransports> => {
    const worker = await serverWorker(context.extensionUri);
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  const client = new LanguageClient('agentdoc', 'agentdoc (web)', transports, {
    ...clientOptions(context, SCHEMES),
  });
  context.subscriptions.push(client, relayFileAccess(client));
  await client.start();
  return client;
}

/**
 * vscode.dev serves an extension's files over https, which a worker loads directly. Elsewhere (an
 * extension installed on a remote such as code-server: vscode-remote:) the editor refuses to start
 * a worker from the extension's URI, so the bundle is read through the workspace API and started
 * from a blob URL.
 */
async function serverWorker(extensionUri: vscode.Uri): Promise<ServerWorker> {
  const main = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'server.js');
  if (main.scheme === 'https' || main.scheme === 'http') return new Worker(main.toString(true), { name: 'agentdoc' });
  const code = await vscode.workspace.fs.readFile(main);
  const url = URL.createObjectURL(new Blob([code], { type: 'application/javascript' }));
  return new Worker(url, { name: 'agentdoc' });
}

export function deactivate(): void {
  // The language client is in context.subscriptions and is stopped when they are disposed.
}
