import { createHash } from 'node:crypto';
import type { Connection } from 'vscode-languageserver';
import type { Finding } from '../engine';
import { toDiagnostic } from './convert';

/**
 * Sends diagnostics, and only when they changed: most keystrokes leave a document's findings as
 * they were, and re-serialising them all costs more than comparing. What was sent is kept as a
 * digest (28 characters per document), not as the diagnostics themselves.
 */
export class DiagnosticsPublisher {
  private readonly sent = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  publish(uri: string, findings: readonly Finding[], version?: number): void {
    const diagnostics = findings.map(toDiagnostic);
    const key = createHash('sha1').update(JSON.stringify(diagnostics)).digest('base64');
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
