import { mayBeAgentDoc } from '../engine';
import { AgentFileWatcher } from './agentFileWatcher';
import type { OpenDocumentChecks } from './openDocumentChecks';
import type { ServerContext } from './serverContext';
import type { WorkspaceIndex } from './workspaceIndex';

const CONFIG_FILE = /(^|\/)\.agentdoc\.(ya?ml|json)$/i;

/** A file the editor saw change on disk (workspace/didChangeWatchedFiles). */
export interface WatchedFileChange {
  uri: string;
  deleted: boolean;
}

/**
 * What a change on disk means: a config file re-checks everything, an agent document itself, and
 * an agent file (a prompt, an MCP configuration) the documents that name it. Also which files are
 * watched: the client watches the usual names; the agent files documents name are registered here.
 */
export class WatchedFiles {
  /** Watches the files agent documents name (agent_files), so a change to one re-checks them. */
  readonly agentFileWatcher: AgentFileWatcher;
  /** Per document, the agent files it named when the watchers were last set (see documentChecked). */
  private readonly agentFilesNamed = new Map<string, string>();

  constructor(
    private readonly server: ServerContext,
    private readonly openChecks: OpenDocumentChecks,
    private readonly index: WorkspaceIndex,
    private readonly recheckAll: () => Promise<number>,
  ) {
    this.agentFileWatcher = new AgentFileWatcher(
      server.connection,
      () => server.workspaceFolders,
      server.platform.uris,
    );
  }

  async changed(changes: readonly WatchedFileChange[]): Promise<void> {
    if (changes.some((change) => CONFIG_FILE.test(change.uri))) {
      await this.recheckAll();
      return;
    }
    for (const change of changes) await this.fileChanged(change.uri, change.deleted);
  }

  private async fileChanged(uri: string, deleted: boolean): Promise<void> {
    const { documents, platform, store } = this.server;
    const path = platform.uris.toPath(uri);
    if (!path) return;
    for (const dependent of this.dependentsOf(path)) {
      const open = documents.get(dependent);
      if (open && store.isOpen(dependent)) this.openChecks.schedule(open, true, false);
      else {
        const documentPath = platform.uris.toPath(dependent);
        if (!documentPath) continue;
        await this.index.changed(dependent, documentPath);
        this.server.afterChange(dependent);
      }
    }
    // Only candidate names can be agent documents: a prompt or MCP configuration is done with here.
    if (!mayBeAgentDoc(path) && !store.check(uri)) return;
    if (!this.index.covers(path)) return;
    await this.index.changed(uri, path, deleted);
    if (!store.isOpen(uri)) this.server.afterChange(uri);
  }

  /** After a document was checked: the watchers follow when the agent files it names changed. */
  documentChecked(uri: string): void {
    // Collecting every document's agent files walks the whole workspace: only when this one's changed.
    const named = (this.server.store.check(uri)?.agentFiles ?? []).join('\n');
    if (this.agentFilesNamed.get(uri) !== named) {
      this.agentFilesNamed.set(uri, named);
      this.watchAgentFiles();
    }
  }

  /** The agent files every known document names: watched so that editing one re-checks its documents. */
  watchAgentFiles(): void {
    const { store } = this.server;
    const paths = new Set<string>();
    for (const uri of store.uris()) for (const path of store.check(uri)?.agentFiles ?? []) paths.add(path);
    this.agentFileWatcher.watch(paths);
  }

  /** The documents that name an agent file. */
  private dependentsOf(path: string): string[] {
    const { store } = this.server;
    return store.uris().filter((uri) => store.check(uri)?.agentFiles?.includes(path));
  }
}
