import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import { DIST } from './cli';

/** A minimal LSP client over stdio, by default against the bundled server, as any editor would start it. */
export class StdioLspClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: Array<() => void> = [];
  /** Every other notification the server sent, in order. */
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  stderr = '';
  private settings: Record<string, unknown> | undefined;

  /**
   * @param serverArgs node arguments of another server (script and flags)
   * @param env the server's environment, when not this process's
   */
  constructor(serverArgs: readonly string[] = [path.join(DIST, 'server.js'), '--stdio'], env?: NodeJS.ProcessEnv) {
    this.process = spawn(process.execPath, [...serverArgs], { stdio: 'pipe', ...(env ? { env } : {}) });
    this.process.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    // The star handler (every other notification) is on the underlying message connection.
    (this.connection as unknown as MessageConnection).onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.connection.listen();
  }

  /**
   * Answers workspace/configuration with these agentdoc.* settings (and declares the capability),
   * as an editor with user settings would. Call before initialize.
   */
  useSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'agentdoc' ? this.settings : null)),
    );
  }

  async initialize(
    capabilities: Record<string, unknown> = {},
    workspaceFolders: string[] = [],
    initializationOptions?: Record<string, unknown>,
    /** What a client says about itself besides capabilities and options: its display language. */
    extra: { locale?: string } = {},
  ): Promise<InitializeResult> {
    if (this.settings) capabilities = { ...capabilities, workspace: { configuration: true } };
    const folders = workspaceFolders.map((folder) => ({
      uri: pathToFileURL(folder).toString(),
      name: folder.split('/').pop() ?? folder,
    }));
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      capabilities,
      workspaceFolders: folders.length ? folders : null,
      ...(initializationOptions ? { initializationOptions } : {}),
      ...extra,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(uri: string, text: string, version = 1, languageId = 'markdown'): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  async closeDocument(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async replace(uri: string, text: string, version: number): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  /** Every uri the server published diagnostics for. */
  publishedUris(): string[] {
    return [...this.published.keys()];
  }

  /** Every publishDiagnostics the server sent for the uri, in order. */
  allDiagnostics(uri: string): readonly PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /** Resolves with the first notification (other than diagnostics) that satisfies the predicate. */
  async notification(
    accept: (method: string, params: unknown) => boolean,
    timeoutMs = 10000,
  ): Promise<{ method: string; params: unknown }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.notifications.find((entry) => accept(entry.method, entry.params));
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no matching notification within ${timeoutMs} ms; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  /** Resolves with the first diagnostics published for the uri that satisfy the predicate. */
  async diagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10000,
  ): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (this.published.get(uri) ?? []).find(accept);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async close(): Promise<void> {
    try {
      // A server that hangs (the bug a test is about) must not hang the test run as well.
      await Promise.race([
        this.connection.sendRequest(ShutdownRequest.type),
        new Promise((resolve) => setTimeout(resolve, 5000).unref()),
      ]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The process may already be gone; it is killed below either way.
    }
    this.connection.dispose();
    this.process.kill();
  }
}
