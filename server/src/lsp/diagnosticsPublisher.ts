import type { Connection } from 'vscode-languageserver';
import { sortFindings, type AnalysisResult, type Finding } from '../engine';
import { checkWorkspace } from '../engine/workspace/crossDocument';
import { toDiagnostic } from './convert';

/**
 * Publishes each document's own findings merged with the workspace-level ones (duplicate agent
 * ids, unresolved depends_on), and re-publishes a document when only its workspace findings
 * changed — e.g. another file took its id.
 */
export class DiagnosticsPublisher {
  private readonly own = new Map<string, { findings: Finding[]; version: number | undefined }>();
  private workspace = new Map<string, Finding[]>();
  /** Per document, what the cross-document checks read from it: its id and depends_on. */
  private readonly identities = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly results: () => [string, AnalysisResult][],
  ) {}

  publish(uri: string, findings: Finding[], version?: number): void {
    this.own.set(uri, { findings, version });
    this.send(uri);
  }

  clear(uri: string): void {
    this.own.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * After an edit, the cross-document checks only need re-running when the edited document's id
   * or depends_on changed; most keystrokes touch neither, and the workspace may hold thousands.
   */
  refreshWorkspaceIfNeeded(uri: string, result: AnalysisResult): void {
    const data = result.model?.frontMatter?.data as { id?: unknown; depends_on?: unknown } | undefined;
    const identity = JSON.stringify([data?.id ?? null, data?.depends_on ?? null]);
    if (this.identities.get(uri) === identity) return;
    this.identities.set(uri, identity);
    this.refreshWorkspace();
  }

  /** Recomputes the cross-document checks; cheap, since every model is already built. */
  refreshWorkspace(): void {
    const documents = this.results().flatMap(([uri, result]) => (result.model ? [{ uri, model: result.model }] : []));
    const next = checkWorkspace(documents);
    const changed = new Set<string>();
    for (const uri of new Set([...this.workspace.keys(), ...next.keys()])) {
      if (JSON.stringify(this.workspace.get(uri) ?? []) !== JSON.stringify(next.get(uri) ?? [])) changed.add(uri);
    }
    this.workspace = next;
    for (const uri of changed) if (this.own.has(uri)) this.send(uri);
  }

  private send(uri: string): void {
    const own = this.own.get(uri);
    if (!own) return;
    const merged = sortFindings([...own.findings, ...(this.workspace.get(uri) ?? [])]);
    void this.connection.sendDiagnostics({
      uri,
      ...(own.version !== undefined ? { version: own.version } : {}),
      diagnostics: merged.map(toDiagnostic),
    });
  }
}
