import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult } from '../engine';
import { sendAgentdocNotification } from './typedConnection';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * Keeps diagnostics for agent docs that are not open: indexes the workspace folders at start-up
 * (with cancellable progress) and follows file-system changes. Open documents are published by
 * the open-document path; this only speaks for files the editor has not opened.
 */
export class WorkspaceChecking {
  private folders: string[] = [];
  private enabled = true;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly index: WorkspaceIndex,
    private readonly supportsProgress: () => boolean,
    private readonly publisher: DiagnosticsPublisher,
  ) {}

  setFolders(folders: string[]): void {
    this.folders = folders;
  }

  private publish(uri: string, result: AnalysisResult | undefined): void {
    if (this.documents.get(uri)) return;
    if (this.enabled && result) this.publisher.publish(uri, result.findings);
    else this.publisher.clear(uri);
  }

  async indexAll(enabled: boolean): Promise<number> {
    this.enabled = enabled;
    const previous = this.index.all().map(([uri]) => uri);
    this.index.clear();
    for (const uri of previous) this.publish(uri, undefined);
    let cancelled = false;
    const progress = this.supportsProgress() ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('agentdoc: checking agent docs', 0, 'listing files…', true);
    progress?.token.onCancellationRequested(() => {
      cancelled = true;
    });
    const count = await this.index.indexFolders(
      this.folders,
      {
        report: (done, total) => progress?.report(Math.round((done / Math.max(total, 1)) * 100), `${done} of ${total}`),
        isCancelled: () => cancelled,
      },
      (uri, result) => this.publish(uri, result),
    );
    progress?.done();
    this.publisher.refreshWorkspace();
    sendAgentdocNotification(this.connection, 'agentdoc/portfolioChanged', {});
    return count;
  }

  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    if (deleted) {
      this.index.remove(uri);
      this.publish(uri, undefined);
    } else {
      this.publish(uri, await this.index.refresh(uri));
    }
    this.publisher.refreshWorkspace();
    sendAgentdocNotification(this.connection, 'agentdoc/portfolioChanged', {});
  }

  /** After an open document closes, its on-disk version speaks for it again. */
  async documentClosed(uri: string): Promise<void> {
    if (!this.enabled || !this.folders.some((folder) => uri.startsWith(folder))) {
      this.publisher.clear(uri);
      this.publisher.refreshWorkspace();
      return;
    }
    this.publish(uri, await this.index.refresh(uri));
    this.publisher.refreshWorkspace();
  }
}
