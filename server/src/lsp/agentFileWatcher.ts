import {
  DidChangeWatchedFilesNotification,
  type Connection,
  type Disposable,
  type FileSystemWatcher,
} from 'vscode-languageserver';
import type { UriMapping } from './platform';

/**
 * Asks the editor to watch the agent files documents name (agent_files: prompt files, MCP
 * configuration, custom agents…), by dynamic registration of workspace/didChangeWatchedFiles, so a
 * change to one re-checks the documents that name it. The client also watches the usual names
 * itself (client/src/extension.ts); this covers any path a document gives.
 */
export class AgentFileWatcher {
  /** Set from the client's capabilities at initialize. */
  supported = false;
  private registration: Promise<Disposable> | undefined;
  private watched = '';

  constructor(
    private readonly connection: Connection,
    private readonly folders: () => readonly string[],
    private readonly uris: UriMapping,
  ) {}

  watch(paths: ReadonlySet<string>): void {
    if (!this.supported) return;
    const watchers: FileSystemWatcher[] = [];
    for (const path of [...paths].sort()) {
      const folder = this.folders().find((candidate) => path.startsWith(`${candidate}/`));
      const relative = folder && path.slice(folder.length + 1);
      // A name with glob characters would match more than itself: the client's own watchers cover the usual names.
      if (!folder || !relative || /[*?[\]{}!]/.test(relative)) continue;
      watchers.push({ globPattern: { baseUri: this.uris.toUri(folder), pattern: relative } });
    }
    const key = JSON.stringify(watchers);
    if (key === this.watched) return;
    this.watched = key;
    const previous = this.registration;
    // A client that refuses the registration still has its own watchers: never an unhandled rejection.
    this.registration = watchers.length
      ? this.connection.client
          .register(DidChangeWatchedFilesNotification.type, { watchers })
          .catch((): Disposable => ({ dispose: () => undefined }))
      : undefined;
    void previous?.then((registration) => registration.dispose()).catch(() => undefined);
  }
}
