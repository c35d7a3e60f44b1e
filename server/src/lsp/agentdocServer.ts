import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, createSkeleton, type AgentdocService, type AnalysisResult } from '../engine';
import { recordHashesInEditor } from './agentFileHashes';
import { linkTarget } from './documentFiles';
import { DocumentStore } from './documentStore';
import { createEditorService } from './editorService';
import { OpenDocumentChecks } from './openDocumentChecks';
import type { ServerPlatform } from './platform';
import { ResultPublisher } from './resultPublisher';
import type { ServerContext } from './serverContext';
import { sendAgentdocNotification } from './typedConnection';
import { WatchedFiles, type WatchedFileChange } from './watchedFiles';
import { WorkspaceIndex } from './workspaceIndex';

/**
 * What the language server decides, kept out of the LSP handlers: which documents are agent docs,
 * when to check them, what to publish. It runs the engine's pipeline (createAgentdocService) the
 * way the CLI does: same file set, same config lookup, same cross-document checks and overrides.
 * The decisions are in its parts: OpenDocumentChecks (the editor's texts), WorkspaceIndex (the
 * files on disk), WatchedFiles (changes on disk), ResultPublisher (what the editor is told).
 */
export class AgentdocServer implements ServerContext {
  private folders: string[] = [];
  private currentService: AgentdocService;
  readonly store = new DocumentStore((check, workspace) => this.currentService.finish(check, workspace));
  readonly publisher: ResultPublisher;
  private readonly openChecks: OpenDocumentChecks;
  private readonly index: WorkspaceIndex;
  private readonly watchedFiles: WatchedFiles;
  supportsConfiguration = false;
  supportsProgress = false;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly platform: ServerPlatform,
  ) {
    this.publisher = new ResultPublisher(connection, this.store, documents, platform.uris);
    this.currentService = createEditorService(platform, this.folders);
    this.openChecks = new OpenDocumentChecks(this);
    this.index = new WorkspaceIndex(this);
    this.watchedFiles = new WatchedFiles(this, this.openChecks, this.index, () => this.recheckAll());
  }

  get service(): AgentdocService {
    return this.currentService;
  }

  /** The workspace folders as engine paths. */
  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  /** Tell the client each finished check (initializationOptions.reportChecks; see agentdoc/checked). */
  get reportChecks(): boolean {
    return this.openChecks.reportChecks;
  }
  set reportChecks(on: boolean) {
    this.openChecks.reportChecks = on;
  }

  /** Watches the files agent documents name (agent_files), so a change to one re-checks them. */
  get agentFileWatcher(): WatchedFiles['agentFileWatcher'] {
    return this.watchedFiles.agentFileWatcher;
  }

  setFolders(folderUris: readonly string[]): void {
    this.folders = folderUris.flatMap((uri) => this.platform.uris.toPath(uri) ?? []);
    this.currentService = createEditorService(this.platform, this.folders);
  }

  recordHashes(uri: string): Promise<{ recorded: string[]; skipped: string[]; applied: boolean }> {
    return recordHashesInEditor(this, uri);
  }

  /** The file URI a relative evidence link of a document names, when it lies inside the workspace. */
  linkTarget(documentUri: string, target: string): string | undefined {
    return linkTarget(this.platform, this.folders, documentUri, target);
  }

  dispose(): void {
    this.openChecks.dispose();
  }

  /**
   * Analyses a generated skeleton once, publishing nothing, when the server is idle after
   * initialize: the first real check then meets compiled code and built tables instead of paying
   * for them (about a third of a cold first check). Skipped once a real check has run or is due.
   * Returns whether it ran.
   */
  warmUp(): boolean {
    if (this.warmedUp || this.documents.all().length > 0 || this.store.uris().length > 0) return false;
    this.warmedUp = true;
    analyze(
      createSkeleton({
        id: 'warm-up',
        name: 'Warm-up',
        owner: 'Nobody',
        customerFacing: true,
        personalData: true,
        purpose: 'Nothing: it warms the engine up.',
      }),
    );
    return true;
  }
  private warmedUp = false;

  /** The final result of an agent document, open or on disk. */
  result(uri: string): AnalysisResult | undefined {
    return this.store.result(uri);
  }

  /** Every agent document the server knows, open or on disk, with its final result. */
  results(): Array<{ uri: string; result: AnalysisResult }> {
    return this.store.uris().flatMap((uri) => {
      const result = this.store.result(uri);
      return result ? [{ uri, result }] : [];
    });
  }

  /** An open document's result, brought up to date with its text first. */
  async openResult(uri: string): Promise<AnalysisResult | undefined> {
    const document = this.documents.get(uri);
    if (!document) return this.store.result(uri);
    if (this.store.openVersion(uri) !== document.version) await this.openChecks.checkNow(document);
    return this.store.isOpen(uri) ? this.store.result(uri) : undefined;
  }

  /**
   * A full result (model and items, for the checklist and the report): the open document's, or
   * the file on disk read and checked again, since the index keeps only compact results.
   */
  async fullResult(uri: string): Promise<AnalysisResult | undefined> {
    if (this.documents.get(uri)) return this.openResult(uri);
    const path = this.platform.uris.toPath(uri);
    if (!path || !this.store.check(uri)) return undefined;
    const kind = await this.platform.host.kind(path);
    const check = await this.service.readAndCheck({ path, explicit: false, kind: kind ?? 'other' });
    return check && this.store.finishWith(check);
  }

  opened(document: TextDocument): void {
    this.openChecks.opened(document);
  }

  changed(document: TextDocument): void {
    this.openChecks.changed(document);
  }

  async closed(uri: string): Promise<void> {
    this.openChecks.closed(uri);
    if (!this.store.isOpen(uri)) return;
    this.store.closeOpen(uri);
    await this.index.reopenFromDisk(uri);
    this.afterChange(uri);
  }

  /** After one document changed: the cross-document checks, then what must be published. */
  afterChange(uri: string): void {
    const changed = this.store.refreshWorkspace((checks) =>
      this.service.crossCheck(checks.flatMap((check) => check.identity ?? [])),
    );
    for (const other of new Set([uri, ...changed])) this.publisher.publish(other);
    if (changed.length) sendAgentdocNotification(this.connection, 'agentdoc/portfolioChanged', {});
    this.watchedFiles.documentChecked(uri);
  }

  /** Re-reads settings and configs, re-checks open documents and the workspace. */
  async recheckAll(): Promise<number> {
    this.service.configs.invalidate();
    this.openChecks.recheckAll();
    return this.indexWorkspace();
  }

  async indexWorkspace(): Promise<number> {
    const count = await this.index.index();
    // Unopened documents' agent files are watched too, before any document is opened or edited.
    this.watchedFiles.watchAgentFiles();
    return count;
  }

  /** Files changed on disk (workspace/didChangeWatchedFiles). */
  filesChanged(changes: readonly WatchedFileChange[]): Promise<void> {
    return this.watchedFiles.changed(changes);
  }
}
