import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyze,
  configInvalid,
  createSkeleton,
  createAgentdocService,
  isAgentDoc,
  mayBeAgentDoc,
  type AgentdocService,
  recordAgentFileHashes,
  type AgentFileAccess,
  type AnalysisResult,
  type ResolvedConfig,
} from '../engine';
import { AgentFileWatcher } from './agentFileWatcher';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { DocumentStore } from './documentStore';
import { DEFAULT_SETTINGS, readFilesExclude, readSettings, type AgentdocSettings } from './settings';
import { sendAgentdocNotification } from './typedConnection';
import { ValidationScheduler } from './validationScheduler';
import { documentKeyFor, type ServerPlatform } from './platform';
import { checkOnDisk, indexFolders, inSlices } from './workspaceChecking';

const NO_CONFIG: ResolvedConfig = { path: undefined, text: undefined, loaded: undefined };

/** Agent documents indexed per workspace folder, at most; the user is told when there are more. */
export const MAX_WORKSPACE_FILES = 20_000;

/**
 * What the language server decides, kept out of the LSP handlers: which documents are agent docs,
 * when to check them, what to publish. It runs the engine's pipeline (createAgentdocService) the
 * way the CLI does: same file set, same config lookup, same cross-document checks and overrides.
 */
export class AgentdocServer {
  private folders: string[] = [];
  private service: AgentdocService;
  readonly store = new DocumentStore((check, workspace) => this.service.finish(check, workspace));
  private readonly publisher: DiagnosticsPublisher;
  private readonly scheduler = new ValidationScheduler();
  private readonly settings = new Map<string, AgentdocSettings>();
  private readonly verdicts = new Map<string, string>();
  /** Per document, the agent files it named when the watchers were last set (see afterChange). */
  private readonly agentFilesNamed = new Map<string, string>();
  private checkWorkspace = true;
  /** Like markdownlint and ESLint: by default Problems lists open documents; the views still cover all. */
  private problemsScope: AgentdocSettings['problems'] = 'open';
  supportsConfiguration = false;
  supportsProgress = false;
  /** Tell the client each finished check (initializationOptions.reportChecks; see agentdoc/checked). */
  reportChecks = false;
  /** Watches the files agent documents name (agent_files), so a change to one re-checks them. */
  readonly agentFileWatcher: AgentFileWatcher;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly platform: ServerPlatform,
  ) {
    this.publisher = new DiagnosticsPublisher(connection);
    this.agentFileWatcher = new AgentFileWatcher(connection, () => this.folders, platform.uris);
    this.service = this.createService();
  }

  /** The workspace folders as engine paths. */
  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  setFolders(folderUris: readonly string[]): void {
    this.folders = folderUris.flatMap((uri) => this.platform.uris.toPath(uri) ?? []);
    this.service = this.createService();
  }

  private createService(): AgentdocService {
    const roots = this.folders;
    const evidenceExists = this.platform.evidenceExists;
    return createAgentdocService({
      host: this.platform.host,
      roots,
      // A file opened on its own gets the config the CLI would give it.
      outsideRootsUseRepository: true,
      // The workspace walk reads nothing outside the folders: .gitignore files apply from each folder down.
      repositoryRoots: roots,
      // The index holds a compact result per file: bounded for a hostile or huge tree.
      maxFiles: MAX_WORKSPACE_FILES,
      ...(evidenceExists ? { fileExists: (document: string) => evidenceExists(document, roots) } : {}),
      // The agent files a document names are read inside its workspace folder (or, for a file
      // opened on its own, its repository): never outside, never through a link.
      agentFileAccess: (document) => this.agentFileAccess(document),
    });
  }

  /**
   * The agent files a document names are read inside its workspace folder (or, for a file opened
   * on its own, its repository): never outside, never through a link.
   */
  agentFileAccess(document: string): AgentFileAccess | undefined {
    if (!document.startsWith('/') && !/^[A-Za-z]:\//.test(document)) return undefined;
    const folder = this.folders.find((root) => document.startsWith(`${root}/`));
    const host = this.platform.host;
    if (folder) return { host, root: folder };
    const directory = document.slice(0, document.lastIndexOf('/')) || '/';
    return { host, root: this.platform.repositoryRoot?.(directory) ?? directory };
  }

  /**
   * Writes the current SHA-256 of each agent file into the document's agent_files (after the eval
   * set ran), through the editor so it can be undone: the engine computes, the client applies.
   */
  async recordHashes(uri: string): Promise<{ recorded: string[]; skipped: string[]; applied: boolean }> {
    const path = this.platform.uris.toPath(uri);
    const access = path ? this.agentFileAccess(path) : undefined;
    if (!path || !access) return { recorded: [], skipped: [], applied: false };
    const open = this.documents.get(uri);
    const text = open ? open.getText() : await this.platform.host.readFile(path);
    const recording = await recordAgentFileHashes(path, text, access);
    if (recording.edits.length === 0) return { recorded: [], skipped: recording.skipped, applied: true };
    const result = await this.connection.workspace.applyEdit({
      label: 'Record agent file hashes',
      edit: {
        documentChanges: [
          {
            textDocument: { uri, version: open ? open.version : null },
            edits: recording.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
          },
        ],
      },
    });
    return { recorded: recording.recorded, skipped: recording.skipped, applied: result.applied };
  }

  dispose(): void {
    this.scheduler.dispose();
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

  /** An open document's result, brought up to date with its text first. */
  async openResult(uri: string): Promise<AnalysisResult | undefined> {
    const document = this.documents.get(uri);
    if (!document) return this.store.result(uri);
    if (this.store.openVersion(uri) !== document.version) await this.checkNow(document);
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

  /**
   * The file URI a relative evidence link of a document names, when it lies inside the workspace
   * (the document's repository for a file opened on its own); undefined for anything else: a
   * scheme (`command:`, `file:`…), an absolute path, a path that climbs out, a broken %-escape.
   */
  linkTarget(documentUri: string, target: string): string | undefined {
    const documentPath = this.platform.uris.toPath(documentUri);
    const hash = target.indexOf('#');
    const linked = hash >= 0 ? target.slice(0, hash) : target;
    const fragment = hash >= 0 ? target.slice(hash) : '';
    if (!documentPath || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(linked) || !/^(#[\w.-]*)?$/.test(fragment)) return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(linked);
    } catch {
      return undefined;
    }
    const found = this.platform.linkedFile?.(documentPath, this.folders, decoded);
    return found && `${this.platform.uris.toUri(found)}${fragment}`;
  }

  opened(document: TextDocument): void {
    this.openedAt.set(document.uri, document.version);
    this.scheduleCheck(document, true, true);
  }

  changed(document: TextDocument): void {
    // TextDocuments reports an open as a content change too, right after it: that one must not
    // replace the open's immediate check with a debounced one (it delayed every first check).
    const openedVersion = this.openedAt.get(document.uri);
    this.openedAt.delete(document.uri);
    if (openedVersion === document.version) return;
    this.scheduleCheck(document, false, false);
  }
  /** The version a document was opened at, until the content change that comes with the open. */
  private readonly openedAt = new Map<string, number>();

  async closed(uri: string): Promise<void> {
    this.openedAt.delete(uri);
    this.scheduler.cancel(uri);
    this.settings.delete(uri);
    if (!this.store.isOpen(uri)) return;
    this.store.closeOpen(uri);
    const path = this.platform.uris.toPath(uri);
    // Its file on disk speaks for it again (if it is in the workspace and checked there).
    if (path && this.checkWorkspace && this.folders.some((folder) => path.startsWith(`${folder}/`))) {
      this.store.setDisk(
        uri,
        await checkOnDisk(this.service, {
          path,
          explicit: false,
          kind: (await this.platform.host.kind(path)) ?? 'other',
        }),
      );
    }
    this.afterChange(uri);
  }

  private scheduleCheck(document: TextDocument, immediate: boolean, refreshSettings: boolean): void {
    void (async () => {
      let settings = this.settings.get(document.uri);
      if (!settings || refreshSettings) {
        settings = await readSettings(this.connection, document.uri, this.supportsConfiguration);
        this.settings.set(document.uri, settings);
      }
      const version = document.version;
      this.scheduler.schedule(document.uri, immediate ? 0 : settings.debounceMs, () => {
        const current = this.documents.get(document.uri);
        // A newer edit has arrived (and scheduled its own run): this text is stale.
        if (!current || current.version !== version) return;
        void this.checkNow(current)
          .then(() => {
            if (this.reportChecks)
              sendAgentdocNotification(this.connection, 'agentdoc/checked', { uri: current.uri, version });
            // Everything is sent: the loader may now write its code cache (once; server/src/loader/).
            this.platform.codeIsWarm?.();
          })
          .catch((error: unknown) => {
            this.connection.console.error(
              `agentdoc: checking ${current.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
            );
          });
      });
    })();
  }

  private async checkNow(document: TextDocument): Promise<void> {
    const uri = document.uri;
    const settings = this.settings.get(uri) ?? DEFAULT_SETTINGS;
    const key = documentKeyFor(this.platform.uris, uri);
    const text = document.getText();
    if (!settings.enable || !isAgentDoc(key, text)) {
      if (this.store.isOpen(uri)) {
        this.store.closeOpen(uri);
        this.afterChange(uri);
      }
      this.publisher.clear(uri);
      return;
    }
    const path = this.platform.uris.toPath(uri);
    const config = path ? await this.service.configs.forFile(path) : NO_CONFIG;
    if (this.documents.get(uri)?.version !== document.version) return;
    const check = await this.service.checkTextWithFiles(key, text, config, {
      maxBytes: settings.maxDocumentBytes,
      limits: { maxYamlDepth: settings.maxYamlNesting, maxFindingsPerRule: settings.maxFindingsPerRule },
      reuseRuleResults: true,
    });
    // Reading the agent files took a moment: a newer edit has its own run coming.
    if (this.documents.get(uri)?.version !== document.version) return;
    this.store.setOpen(uri, document.version, check);
    this.publishConfigProblems();
    this.afterChange(uri);
  }

  /** After one document changed: the cross-document checks, then what must be published. */
  private afterChange(uri: string): void {
    const changed = this.store.refreshWorkspace((checks) =>
      this.service.crossCheck(checks.flatMap((check) => check.identity ?? [])),
    );
    for (const other of new Set([uri, ...changed])) this.publish(other);
    if (changed.length) sendAgentdocNotification(this.connection, 'agentdoc/portfolioChanged', {});
    // Collecting every document's agent files walks the whole workspace: only when this one's changed.
    const named = (this.store.check(uri)?.agentFiles ?? []).join('\n');
    if (this.agentFilesNamed.get(uri) !== named) {
      this.agentFilesNamed.set(uri, named);
      this.watchAgentFiles();
    }
  }

  /** The agent files every known document names: watched so that editing one re-checks its documents. */
  private watchAgentFiles(): void {
    const paths = new Set<string>();
    for (const uri of this.store.uris()) for (const path of this.store.check(uri)?.agentFiles ?? []) paths.add(path);
    this.agentFileWatcher.watch(paths);
  }

  /** The documents that name an agent file. */
  private dependentsOf(path: string): string[] {
    return this.store.uris().filter((uri) => this.store.check(uri)?.agentFiles?.includes(path));
  }

  private publish(uri: string): void {
    const result = this.store.result(uri);
    if (!result) {
      this.publisher.clear(uri);
      this.verdicts.delete(uri);
      return;
    }
    const open = this.store.isOpen(uri);
    if (!open && (!this.checkWorkspace || this.problemsScope === 'open')) this.publisher.clear(uri);
    else this.publisher.publish(uri, result.findings, open ? this.documents.get(uri)?.version : undefined);
    // The views refresh only when what they show changed, not on every keystroke.
    const verdict = JSON.stringify(result.verdict);
    if (this.verdicts.get(uri) !== verdict) {
      this.verdicts.set(uri, verdict);
      sendAgentdocNotification(this.connection, 'agentdoc/readinessChanged', { uri });
    }
  }

  /** A broken config is shown on the config file itself (once per load), never silently ignored. */
  private readonly publishedConfigs = new Set<string>();
  private publishConfigProblems(): void {
    const problems = this.service.configs.allProblems();
    for (const path of this.publishedConfigs) {
      if (!problems.has(path))
        void this.connection.sendDiagnostics({ uri: this.platform.uris.toUri(path), diagnostics: [] });
    }
    this.publishedConfigs.clear();
    for (const [path, list] of problems) {
      this.publishedConfigs.add(path);
      void this.connection.sendDiagnostics({
        uri: this.platform.uris.toUri(path),
        diagnostics: list.map((problem) => ({
          range: problem.range,
          severity: 1,
          source: 'agentdoc',
          code: configInvalid.code,
          message: problem.message,
        })),
      });
    }
  }

  /** Re-reads settings and configs, re-checks open documents and the workspace. */
  async recheckAll(): Promise<number> {
    this.service.configs.invalidate();
    this.settings.clear();
    for (const document of this.documents.all()) this.scheduleCheck(document, true, true);
    return this.indexWorkspace();
  }

  async indexWorkspace(): Promise<number> {
    const settings = await readSettings(this.connection, '', this.supportsConfiguration);
    this.checkWorkspace = settings.checkWorkspace;
    this.problemsScope = settings.problems;
    for (const uri of this.store.clearDisk()) if (!this.store.isOpen(uri)) this.publisher.clear(uri);
    let count = 0;
    if (this.checkWorkspace) {
      count = await indexFolders(this.connection, this.service, this.folders, this.platform, {
        excludes: (folder) =>
          readFilesExclude(this.connection, this.platform.uris.toUri(folder), this.supportsConfiguration),
        supportsProgress: () => this.supportsProgress,
        onFile: (uri, check) => this.store.setDisk(uri, check),
      });
    }
    this.store.refreshWorkspace(
      (checks) => this.service.crossCheck(checks.flatMap((check) => check.identity ?? [])),
      true,
    );
    this.publishConfigProblems();
    await inSlices(
      this.store.uris(),
      (uri) => this.publish(uri),
      () => this.platform.yieldToEvents(),
    );
    sendAgentdocNotification(this.connection, 'agentdoc/portfolioChanged', {});
    // Unopened documents' agent files are watched too, before any document is opened or edited.
    this.watchAgentFiles();
    return count;
  }

  /**
   * A watched file changed on disk: config files re-check everything, agent docs themselves, and an
   * agent file (a prompt, an MCP configuration) the documents that name it.
   */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    const path = this.platform.uris.toPath(uri);
    if (!path) return;
    const dependents = this.dependentsOf(path);
    for (const dependent of dependents) {
      const open = this.documents.get(dependent);
      if (open && this.store.isOpen(dependent)) this.scheduleCheck(open, true, false);
      else {
        const documentPath = this.platform.uris.toPath(dependent);
        if (!documentPath) continue;
        const kind = await this.platform.host.kind(documentPath);
        this.store.setDisk(
          dependent,
          kind === 'file' ? await checkOnDisk(this.service, { path: documentPath, explicit: false, kind }) : undefined,
        );
        this.afterChange(dependent);
      }
    }
    // Only candidate names can be agent documents: a prompt or MCP configuration is done with here.
    if (!mayBeAgentDoc(path) && !this.store.check(uri)) return;
    if (!this.checkWorkspace || !this.folders.some((folder) => path.startsWith(`${folder}/`))) return;
    if (deleted) this.store.setDisk(uri, undefined);
    else {
      const kind = await this.platform.host.kind(path);
      // A link or special file is never read: only regular files are indexed.
      this.store.setDisk(
        uri,
        kind === 'file' ? await checkOnDisk(this.service, { path, explicit: false, kind }) : undefined,
      );
    }
    if (!this.store.isOpen(uri)) this.afterChange(uri);
  }

  configFileChanged(): Promise<number> {
    return this.recheckAll();
  }
}
