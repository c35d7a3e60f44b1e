import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult } from '../engine';
import { sendAgentdocNotification } from './typedConnection';
import { toDiagnostic } from './convert';
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
  ) {}

  setFolders(folders: string[]): void {
    this.folders = folders;
  }

  private publish(uri: string, result: AnalysisResult | undefined): void {
    if (this.documents.get(uri)) return;
    void this.connection.sendDiagnostics({ uri, diagnostics: this.enabled && result ? result.findings.map(toDiagnostic) : [] });
  }

  async indexAll(enabled: boolean): Promise<number> {
    this.enabled = enabled;
    const previous = this.index.all().map(([uri]) => uri);
    this.index.clear();
    for (const uri of previous) this.publish(uri, undefined);
    let cancelled = false;
    const progress = this.supportsProgress() ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('agentdoc: checking agent docs', 0, 'listing files…', true);
    progress?.token.onCancellationRequested(() => { cancelled = true; });
    const count = await this.index.indexFolders(this.folders, {
      report: (done, total) => progress?.report(Math.round((done / Math.max(total, 1)) * 100), `${done} of ${total}`),
      isCancelled: () => cancelled,
    }, (uri, result) => this.publish(uri, result));
    progress?.done();
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
    sendAgentdocNotification(this.connection, 'agentdoc/portfolioChanged', {});
  }

  /** After an open document closes, its on-disk version speaks for it again. */
  async documentClosed(uri: string): Promise<void> {
    if (!this.folders.some((folder) => uri.startsWith(folder))) {
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    this.publish(uri, await this.index.refresh(uri));
  }
}
