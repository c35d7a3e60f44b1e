import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Connection } from 'vscode-languageserver';
import type { Finding } from '../engine';
import { toDiagnostic } from './convert';

/**
 * Sends diagnostics, and only when they changed: most keystrokes leave a document's findings as
 * they were, and re-serialising them all costs more than comparing. What was sent is kept as a
 * digest (64 characters per document), not as the diagnostics themselves.
 */
export class DiagnosticsPublisher {
  private readonly sent = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  publish(uri: string, findings: readonly Finding[], version?: number): void {
    const diagnostics = findings.map(toDiagnostic);
    // @noble/hashes, not node:crypto: this also runs in the web extension's worker.
    const key = bytesToHex(sha256(utf8ToBytes(JSON.stringify(diagnostics))));
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
