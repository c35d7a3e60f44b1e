import type { Connection } from 'vscode-languageserver';
import type { Finding } from '../engine';
import { toDiagnostic } from './convert';

/**
 * Sends diagnostics, and only when they changed: most keystrokes leave a document's findings as
 * they were, and re-serialising them all costs more than comparing.
 */
export class DiagnosticsPublisher {
  private readonly sent = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  publish(uri: string, findings: readonly Finding[], version?: number): void {
    const diagnostics = findings.map(toDiagnostic);
    const key = JSON.stringify(diagnostics);
    if (this.sent.get(uri) === key) return;
    this.sent.set(uri, key);
    void this.connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics });
  }

  clear(uri: string): void {
    if (!this.sent.has(uri)) return;
    this.sent.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
