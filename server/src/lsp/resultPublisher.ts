import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { configInvalid, type AgentdocService } from '../engine';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import type { DocumentStore } from './documentStore';
import type { UriMapping } from './platform';
import { sendAgentdocNotification } from './typedConnection';

/**
 * What the editor is told about a document's result: its diagnostics (open documents always; the
 * others only when Problems lists the workspace) and, when its verdict changed, that the views
 * should refresh. Also the problems of a broken config file, shown on the file itself.
 */
export class ResultPublisher {
  private readonly diagnostics: DiagnosticsPublisher;
  private readonly verdicts = new Map<string, string>();
  /** A broken config is shown on the config file itself (once per load), never silently ignored. */
  private readonly publishedConfigs = new Set<string>();
  /**
   * Like markdownlint and ESLint: by default Problems lists open documents; the views still cover
   * all. True when documents on disk are checked (agentdoc.checkWorkspace) and agentdoc.problems
   * is 'workspace'.
   */
  listsDocumentsOnDisk = false;

  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly uris: UriMapping,
  ) {
    this.diagnostics = new DiagnosticsPublisher(connection);
  }

  publish(uri: string): void {
    const result = this.store.result(uri);
    if (!result) {
      this.diagnostics.clear(uri);
      this.verdicts.delete(uri);
      return;
    }
    const open = this.store.isOpen(uri);
    if (!open && !this.listsDocumentsOnDisk) this.diagnostics.clear(uri);
    else this.diagnostics.publish(uri, result.findings, open ? this.documents.get(uri)?.version : undefined);
    // The views refresh only when what they show changed, not on every keystroke.
    const verdict = JSON.stringify(result.verdict);
    if (this.verdicts.get(uri) !== verdict) {
      this.verdicts.set(uri, verdict);
      sendAgentdocNotification(this.connection, 'agentdoc/readinessChanged', { uri });
    }
  }

  /** Takes a document's diagnostics off (it is no agent document, or agentdoc is off for it). */
  clear(uri: string): void {
    this.diagnostics.clear(uri);
  }

  publishConfigProblems(configs: AgentdocService['configs']): void {
    const problems = configs.allProblems();
    for (const path of this.publishedConfigs) {
      if (!problems.has(path)) void this.connection.sendDiagnostics({ uri: this.uris.toUri(path), diagnostics: [] });
    }
    this.publishedConfigs.clear();
    for (const [path, list] of problems) {
      this.publishedConfigs.add(path);
      void this.connection.sendDiagnostics({
        uri: this.uris.toUri(path),
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
}
