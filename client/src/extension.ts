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
  const options = { env: serverEnvironment(context) };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { ...options, execArgv: ['--nolazy', '--inspect=6029'] },
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

/**
 * What the server process gets on top of the extension host's environment (the language client adds
 * it to a copy): where its loader keeps the V8 code cache (the extension's own global storage, per
 * user, never the workspace), and no NODE_EXTRA_CA_CERTS: Node reads and parses that certificate
 * file at every start (80 ms on the project's machine), and the server never uses the network.
 */
export function serverEnvironment(context: Pick<vscode.ExtensionContext, 'globalStorageUri'>): NodeJS.ProcessEnv {
  return {
    AGENTDOC_CODE_CACHE_DIR: path.join(context.globalStorageUri.fsPath, 'code-cache'),
    NODE_EXTRA_CA_CERTS: undefined,
  };
}

export function deactivate(): void {
  // The language client is in context.subscriptions and is stopped when they are disposed.
}
