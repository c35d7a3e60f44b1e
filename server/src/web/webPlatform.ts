import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { DirectoryEntry, EntryKind, FileHost } from '../engine';
import type { ServerPlatform, UriMapping } from '../lsp/platform';
import { requestFromClient } from '../lsp/typedConnection';

/** Files larger than this are not sent over; the engine reports them instead of checking them. */
export const MAX_WEB_READ_BYTES = 16 * 1024 * 1024;

/**
 * The workspace's URIs as engine paths: a URI with the scheme and authority of the workspace
 * folders (vscode-vfs://github/…, vscode-remote://…, file:) maps to its path. A workspace whose
 * folders live on more than one such place is read from the first one's; documents elsewhere are
 * still checked from their text, as untitled ones are. vscode-uri formats URIs as the editor does,
 * so a file found by the workspace walk has the same URI as the same file opened in the editor.
 */
export class WorkspaceUris implements UriMapping {
  private base: URI | undefined;

  setFolders(folderUris: readonly string[]): void {
    const first = folderUris[0];
    this.base = first === undefined ? undefined : URI.parse(first);
  }

  toPath(uri: string): string | undefined {
    if (!this.base) return undefined;
    let parsed: URI;
    try {
      parsed = URI.parse(uri, true);
    } catch {
      return undefined;
    }
    if (parsed.scheme !== this.base.scheme || parsed.authority !== this.base.authority) return undefined;
    return parsed.path.startsWith('/') ? parsed.path : undefined;
  }

  toUri(path: string): string {
    return (this.base ?? URI.file('/')).with({ path, query: '', fragment: '' }).toString();
  }
}

/**
 * File access through the editor: each call is a request the browser client answers with
 * vscode.workspace.fs (client/src/web/fileRelay.ts), confined there to the workspace folders.
 */
export function clientFileHost(connection: Connection, uris: UriMapping): FileHost {
  return {
    async readDirectory(dir): Promise<DirectoryEntry[]> {
      try {
        return (await requestFromClient(connection, 'agentdoc/fs/readDirectory', { uri: uris.toUri(dir) })) ?? [];
      } catch {
        return [];
      }
    },
    async kind(path): Promise<EntryKind | undefined> {
      try {
        return (await requestFromClient(connection, 'agentdoc/fs/kind', { uri: uris.toUri(path) })) ?? undefined;
      } catch {
        return undefined;
      }
    },
    async readFile(path): Promise<string> {
      const text = await requestFromClient(connection, 'agentdoc/fs/readFile', {
        uri: uris.toUri(path),
        maxBytes: MAX_WEB_READ_BYTES,
      });
      if (text === null) throw new Error(`cannot read ${path}`);
      return text;
    },
  };
}

/**
 * The language server in a web worker (vscode.dev, github.dev). What it cannot do there: the token
 * count of the prompt lens (the tokenizer's tables are not shipped to the browser) and the check
 * that linked evidence files exist (the engine asks synchronously; the editor answers only async).
 */
export function webPlatform(connection: Connection, uris: WorkspaceUris): ServerPlatform {
  return {
    host: clientFileHost(connection, uris),
    uris,
    yieldToEvents: () => new Promise((resolve) => setTimeout(resolve, 0)),
    loadTokenCounter: () => undefined,
  };
}
