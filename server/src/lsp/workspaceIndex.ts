import { inFolders, type ServerContext } from './serverContext';
import { readFilesExclude, readSettings } from './settings';
import { sendAgentdocNotification } from './typedConnection';
import { checkOnDisk, indexFolders, inSlices } from './workspaceChecking';

/**
 * The documents on disk in the workspace folders, as the store keeps them: indexed as a whole (on
 * worker threads where the platform has them, see workspaceChecking.ts), and one document again
 * when the editor closes it or its file changes.
 */
export class WorkspaceIndex {
  /** Whether documents on disk are checked at all (agentdoc.checkWorkspace; read when indexing). */
  private checkWorkspace = true;

  constructor(private readonly server: ServerContext) {}

  /** Whether the file at `path` belongs to the index: checking the workspace is on and it lies inside. */
  covers(path: string): boolean {
    return this.checkWorkspace && inFolders(path, this.server.workspaceFolders);
  }

  /** Checks every agent document on disk again, publishes them all; returns how many files it checked. */
  async index(): Promise<number> {
    const { connection, platform, store, publisher } = this.server;
    const settings = await readSettings(connection, '', this.server.supportsConfiguration);
    this.checkWorkspace = settings.checkWorkspace;
    publisher.listsDocumentsOnDisk = settings.checkWorkspace && settings.problems === 'workspace';
    for (const uri of store.clearDisk()) if (!store.isOpen(uri)) publisher.clear(uri);
    // Every read of this run begins after this: a file that changes meanwhile is read again
    // (WatchedFiles), and this run's older result for it is dropped when it comes.
    const readStart = store.diskReadStarts();
    let count = 0;
    if (this.checkWorkspace) {
      count = await indexFolders(connection, this.server.service, this.server.workspaceFolders, platform, {
        excludes: (folder) =>
          readFilesExclude(connection, platform.uris.toUri(folder), this.server.supportsConfiguration),
        supportsProgress: () => this.server.supportsProgress,
        onFile: (uri, check) => store.setDisk(uri, check, readStart),
      });
    }
    store.refreshWorkspace(
      (checks) => this.server.service.crossCheck(checks.flatMap((check) => check.identity ?? [])),
      true,
    );
    publisher.publishConfigProblems(this.server.service.configs);
    await inSlices(
      store.uris(),
      (uri) => publisher.publish(uri),
      () => platform.yieldToEvents(),
    );
    sendAgentdocNotification(connection, 'agentdoc/portfolioChanged', {});
    return count;
  }

  /** A document the editor closed: its file on disk speaks for it again (if the index covers it). */
  async reopenFromDisk(uri: string): Promise<void> {
    const { platform, store } = this.server;
    const path = platform.uris.toPath(uri);
    if (!path || !this.covers(path)) return;
    const readStart = store.diskReadStarts();
    store.setDisk(
      uri,
      await checkOnDisk(this.server.service, {
        path,
        explicit: false,
        kind: (await platform.host.kind(path)) ?? 'other',
      }),
      readStart,
    );
  }

  /**
   * A document's file, or a file its check reads, changed on disk: its entry as the file is now.
   * A link or special file is never read (only regular files are indexed); a file that is gone
   * leaves the index. A check of it that began before (an indexing worker's, an earlier change's)
   * and comes back after this one is dropped (DocumentStore.diskChanged).
   */
  async changed(uri: string, path: string, deleted = false): Promise<void> {
    const { platform, store } = this.server;
    const readStart = store.diskChanged(uri);
    if (deleted) {
      store.setDisk(uri, undefined, readStart);
      return;
    }
    const kind = await platform.host.kind(path);
    store.setDisk(
      uri,
      kind === 'file' ? await checkOnDisk(this.server.service, { path, explicit: false, kind }) : undefined,
      readStart,
    );
  }
}
