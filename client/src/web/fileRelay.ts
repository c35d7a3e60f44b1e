import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { AgentdocClientRequests, ClientRequestMethod } from '../../../server/src/protocol/requests';
import type { EntryKind } from '../../../server/src/protocol/types';

/**
 * The web worker's file access: the server asks (agentdoc/fs/*, typed in server/src/protocol/requests.ts)
 * and the client answers with the editor's workspace API, which reads whatever file system the
 * workspace is on (GitHub through github.dev, a remote, the browser's own). Only URIs inside a
 * workspace folder are answered, links are reported and never followed, and nothing is written.
 */
export function relayFileAccess(client: BaseLanguageClient): vscode.Disposable {
  const handlers: { [M in ClientRequestMethod]: Handler<M> } = {
    'agentdoc/fs/readDirectory': async ({ uri }) => {
      const target = inWorkspace(uri);
      if (!target) return null;
      const entries = await vscode.workspace.fs.readDirectory(target);
      return entries.map(([name, type]) => ({ name, kind: kindOf(type) }));
    },
    'agentdoc/fs/kind': async ({ uri }) => {
      const target = inWorkspace(uri);
      if (!target) return null;
      return kindOf((await vscode.workspace.fs.stat(target)).type);
    },
    'agentdoc/fs/readFile': async ({ uri, maxBytes }) => {
      const target = inWorkspace(uri);
      if (!target) return null;
      const stat = await vscode.workspace.fs.stat(target);
      if (kindOf(stat.type) !== 'file' || stat.size > maxBytes) return null;
      // As Node.js reads UTF-8: a byte-order mark stays in the text (the engine handles it).
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(target));
    },
  };
  const disposables = (Object.keys(handlers) as ClientRequestMethod[]).map((method) =>
    client.onRequest(method, async (params: never) => {
      try {
        return await (handlers[method] as (params: never) => Promise<unknown>)(params);
      } catch {
        // Gone, unreadable, not allowed: the engine treats every one as "nothing there".
        return null;
      }
    }),
  );
  return vscode.Disposable.from(...disposables);
}

type Handler<M extends ClientRequestMethod> = (
  params: AgentdocClientRequests[M]['params'],
) => Promise<AgentdocClientRequests[M]['result']>;

function inWorkspace(uri: string): vscode.Uri | undefined {
  let parsed: vscode.Uri;
  try {
    parsed = vscode.Uri.parse(uri, true);
  } catch {
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(parsed);
  // getWorkspaceFolder compares paths; `..` segments are resolved by Uri.parse's normalisation.
  return folder && !parsed.path.split('/').includes('..') ? parsed : undefined;
}

function kindOf(type: vscode.FileType): EntryKind {
  if (type & vscode.FileType.SymbolicLink) return 'symlink';
  if (type === vscode.FileType.File) return 'file';
  if (type === vscode.FileType.Directory) return 'directory';
  return 'other';
}
