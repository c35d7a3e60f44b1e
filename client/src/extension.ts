import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

const AGENT_DOC_GLOB = '**/*.agent.md';

function isAgentDoc(document: vscode.TextDocument): boolean {
  return document.uri.path.toLowerCase().endsWith('.agent.md');
}

/**
 * Activation does no work of its own: the language server starts the first time an agent doc is
 * open or the workspace holds one, so plain Markdown users pay nothing.
 */
export function activate(context: vscode.ExtensionContext): void {
  const startIfNeeded = (): void => {
    if (client) return;
    client = createClient(context);
    void client.start();
  };
  if (vscode.workspace.textDocuments.some(isAgentDoc)) startIfNeeded();
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((document) => {
    if (isAgentDoc(document)) startIfNeeded();
  }));
  void vscode.workspace.findFiles(AGENT_DOC_GLOB, '**/node_modules/**', 1).then((found) => {
    if (found.length > 0) startIfNeeded();
  });
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6029'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown', pattern: AGENT_DOC_GLOB },
      { scheme: 'untitled', language: 'markdown', pattern: AGENT_DOC_GLOB },
      { scheme: 'vscode-vfs', language: 'markdown', pattern: AGENT_DOC_GLOB },
    ],
    synchronize: { configurationSection: 'agentdoc' },
  };
  return new LanguageClient('agentdoc', 'agentdoc', serverOptions, clientOptions);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
