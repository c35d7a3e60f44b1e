import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateAgentdoc, clientOptions, type AgentdocApi } from './activate';

export { isAgentDoc, type AgentdocApi } from './activate';

/** The desktop extension (package.json `main`): the language server is a Node.js process, dist/server.js. */
export function activate(context: vscode.ExtensionContext): AgentdocApi {
  return activateAgentdoc(context, startClient);
}

async function startClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6029'] },
    },
  };
  const client = new LanguageClient(
    'agentdoc',
    'agentdoc',
    serverOptions,
    clientOptions(context, ['file', 'untitled', 'vscode-vfs']),
  );
  context.subscriptions.push(client);
  await client.start();
  return client;
}

export function deactivate(): void {
  // The language client is in context.subscriptions and is stopped when they are disposed.
}
