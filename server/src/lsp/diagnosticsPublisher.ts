import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Connection } from 'vscode-languageserver';
import type { Finding } from '../engine';
import { toDiagnostic } from './convert';

/**
 * Sends diagnostics, and only when they changed: most keystrokes leave a document's findings as
 * they were, and re-serialising them all costs more than comparing. For an open document (one
 * with a version) what was sent is kept as its JSON text: comparing it is cheaper than hashing on
 * every keystroke, and only the few open documents are kept so. Others (a workspace indexed
 * on disk) are kept as a digest, 64 characters per document.
 */
export class DiagnosticsPublisher {
  private readonly sent = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  publish(uri: string, findings: readonly Finding[], version?: number): void {
    const diagnostics = findings.map(toDiagnostic);
    const json = JSON.stringify(diagnostics);
    // @noble/hashes, not node:crypto: this also runs in the web extension's worker. A digest
    // never equals a JSON text (which starts with "["), so the two kinds cannot be confused.
    const key = version !== undefined ? json : bytesToHex(sha256(utf8ToBytes(json)));
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
