import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isAgentDoc, type ResolvedConfig } from '../engine';
import { documentKeyFor } from './platform';
import type { ServerContext } from './serverContext';
import { DEFAULT_SETTINGS, readSettings, type AgentdocSettings } from './settings';
import { sendAgentdocNotification } from './typedConnection';
import { ValidationScheduler } from './validationScheduler';

const NO_CONFIG: ResolvedConfig = { path: undefined, text: undefined, loaded: undefined };

/**
 * When the documents open in the editor are checked, and with which settings: at once when one
 * opens, debounced while it is edited, never for a text a newer edit has replaced. A check of the
 * editor's text replaces the document's entry from disk for as long as it is open.
 */
export class OpenDocumentChecks {
  private readonly scheduler = new ValidationScheduler();
  /** Per open document, its folder's settings (read when it opens and when settings change). */
  private readonly settings = new Map<string, AgentdocSettings>();
  /** The version a document was opened at, until the content change that comes with the open. */
  private readonly openedAt = new Map<string, number>();
  /** Tell the client each finished check (initializationOptions.reportChecks; see agentdoc/checked). */
  reportChecks = false;

  constructor(private readonly server: ServerContext) {}

  opened(document: TextDocument): void {
    this.openedAt.set(document.uri, document.version);
    this.schedule(document, true, true);
  }

  changed(document: TextDocument): void {
    // TextDocuments reports an open as a content change too, right after it: that one must not
    // replace the open's immediate check with a debounced one (it delayed every first check).
    const openedVersion = this.openedAt.get(document.uri);
    this.openedAt.delete(document.uri);
    if (openedVersion === document.version) return;
    this.schedule(document, false, false);
  }

  /** The editor closed the document: no check of its text is due any more. */
  closed(uri: string): void {
    this.openedAt.delete(uri);
    this.scheduler.cancel(uri);
    this.settings.delete(uri);
  }

  /** Every open document again, with its settings read afresh. */
  recheckAll(): void {
    this.settings.clear();
    for (const document of this.server.documents.all()) this.schedule(document, true, true);
  }

  dispose(): void {
    this.scheduler.dispose();
  }

  schedule(document: TextDocument, immediate: boolean, refreshSettings: boolean): void {
    const { connection, documents, platform } = this.server;
    void (async () => {
      let settings = this.settings.get(document.uri);
      if (!settings || refreshSettings) {
        settings = await readSettings(connection, document.uri, this.server.supportsConfiguration);
        this.settings.set(document.uri, settings);
      }
      const version = document.version;
      this.scheduler.schedule(document.uri, immediate ? 0 : settings.debounceMs, () => {
        const current = documents.get(document.uri);
        // A newer edit has arrived (and scheduled its own run): this text is stale.
        if (!current || current.version !== version) return;
        void this.checkNow(current)
          .then(() => {
            if (this.reportChecks)
              sendAgentdocNotification(connection, 'agentdoc/checked', { uri: current.uri, version });
            // Everything is sent: the loader may now write its code cache (once; server/src/loader/).
            platform.codeIsWarm?.();
          })
          .catch((error: unknown) => {
            connection.console.error(
              `agentdoc: checking ${current.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
            );
          });
      });
    })();
  }

  /** Checks the document's text now; a text a newer edit replaced meanwhile is dropped. */
  async checkNow(document: TextDocument): Promise<void> {
    const { documents, platform, store } = this.server;
    const uri = document.uri;
    const settings = this.settings.get(uri) ?? DEFAULT_SETTINGS;
    const key = documentKeyFor(platform.uris, uri);
    const text = document.getText();
    if (!settings.enable || !isAgentDoc(key, text)) {
      if (store.isOpen(uri)) {
        store.closeOpen(uri);
        this.server.afterChange(uri);
      }
      this.server.publisher.clear(uri);
      return;
    }
    const path = platform.uris.toPath(uri);
    const config = path ? await this.server.service.configs.forFile(path) : NO_CONFIG;
    if (documents.get(uri)?.version !== document.version) return;
    const check = await this.server.service.checkTextWithFiles(key, text, config, {
      maxBytes: settings.maxDocumentBytes,
      limits: { maxYamlDepth: settings.maxYamlNesting, maxFindingsPerRule: settings.maxFindingsPerRule },
      reuseRuleResults: true,
    });
    // Reading the agent files took a moment: a newer edit has its own run coming.
    if (documents.get(uri)?.version !== document.version) return;
    store.setOpen(uri, document.version, check);
    this.server.publisher.publishConfigProblems(this.server.service.configs);
    this.server.afterChange(uri);
  }
}
