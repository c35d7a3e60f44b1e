// A small stdio LSP client for the benchmark: spawns a server, answers the requests servers make
// of their client (workspace/configuration, client/registerCapability, progress), and resolves
// waits for publishDiagnostics by uri and version.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const protocol = require('vscode-languageserver-protocol/node');

export class BenchLspClient {
  /**
   * @param {string[]} args node arguments (script path and flags)
   * @param {{ configuration?: (section: string) => unknown, capabilities?: object }} options
   *   configuration: when given, the client advertises the configuration capability and answers with it.
   */
  constructor(args, options = {}) {
    this.spawnedAt = performance.now();
    this.process = spawn(process.execPath, args, { stdio: 'pipe' });
    this.stderr = '';
    this.process.stderr.on('data', (chunk) => {
      this.stderr += chunk.toString();
    });
    this.options = options;
    this.waiters = new Set();
    this.published = new Map(); // uri -> last params
    this.publishedCount = 0;
    this.notifications = [];
    const connection = protocol.createProtocolConnection(
      new protocol.StreamMessageReader(this.process.stdout),
      new protocol.StreamMessageWriter(this.process.stdin),
    );
    this.connection = connection;
    connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
      const at = performance.now();
      this.published.set(params.uri, { params, at });
      this.publishedCount++;
      for (const waiter of [...this.waiters]) waiter(params, at);
    });
    this.checked = new Map(); // uri -> { version, at } of the last agent/checked
    connection.onNotification((method, params) => {
      if (method === 'agentdoc/checked')
        this.checked.set(params.uri, { version: params.version, at: performance.now() });
      this.notifications.push({ method, params, at: performance.now() });
      for (const waiter of [...this.waiters]) waiter(undefined, performance.now(), method);
    });
    connection.onRequest('workspace/configuration', (params) =>
      params.items.map((item) => options.configuration?.(item.section ?? '') ?? null),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/workspaceFolders', () => this.folders ?? null);
    connection.onRequest((method) => {
      throw new Error(`unexpected request ${method}`);
    });
    connection.listen();
  }

  get pid() {
    return this.process.pid;
  }

  async initialize(workspaceFolders = []) {
    this.folders = workspaceFolders.length ? workspaceFolders : null;
    const capabilities = {
      ...(this.options.capabilities ?? {}),
      workspace: {
        ...(this.options.configuration
          ? { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }
          : {}),
        workspaceFolders: true,
      },
      textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false } },
    };
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: workspaceFolders[0]?.uri ?? null,
      capabilities,
      workspaceFolders: this.folders,
      // The server does not re-send unchanged diagnostics; agentdoc/checked says a version's check is done.
      initializationOptions: { reportChecks: true },
    });
    this.initializedAt = performance.now();
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri, text, languageId = 'markdown', version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text },
    });
  }

  /** One incremental change: replace range with text. */
  change(uri, version, range, text) {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  notify(method, params) {
    return this.connection.sendNotification(method, params);
  }

  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  /**
   * Resolves with { params, at } for the first diagnostics for uri published at or after `after`
   * (a performance.now() time) whose version, when the server sends one, is at least `version`,
   * or, when the diagnostics did not change (the server sends nothing then), the agentdoc/checked
   * notification of that version (params is then undefined).
   */
  waitForDiagnostics(uri, version, after = 0, timeoutMs = 60000) {
    const matches = (params, at) =>
      params.uri === uri &&
      at >= after &&
      (version === undefined || params.version === undefined || params.version >= version);
    const checkedMatches = (checked) =>
      checked && version !== undefined && checked.at >= after && checked.version >= version;
    const last = this.published.get(uri);
    if (last && matches(last.params, last.at)) return Promise.resolve(last);
    if (checkedMatches(this.checked.get(uri)))
      return Promise.resolve({ params: undefined, at: this.checked.get(uri).at });
    return this.waitFor(
      (params, at, method) =>
        params && matches(params, at)
          ? { params, at }
          : method === 'agentdoc/checked' && checkedMatches(this.checked.get(uri))
            ? { params: undefined, at: this.checked.get(uri).at }
            : undefined,
      timeoutMs,
      `diagnostics for ${uri} v${version}`,
    );
  }

  waitFor(test, timeoutMs, what) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const waiter = (params, at, method) => {
        const found = test(params, at, method);
        if (found) {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(found);
        }
      };
      this.waiters.add(waiter);
    });
  }

  /**
   * CPU time (user + system) the server process has used so far, in ms, from /proc (Linux; 10 ms
   * ticks). Unlike wall time it hardly moves when other processes load the machine.
   */
  cpuMs() {
    try {
      const fields = fs.readFileSync(`/proc/${this.process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return NaN;
    }
  }

  /** Peak and current resident set size from /proc (Linux), in MB. */
  memory() {
    try {
      const status = fs.readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const kb = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
      return { peakMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
    } catch {
      return { peakMB: NaN, rssMB: NaN };
    }
  }

  async close() {
    try {
      await Promise.race([
        this.connection.sendRequest('shutdown'),
        new Promise((resolve) => setTimeout(resolve, 2000)),
      ]);
      await this.connection.sendNotification('exit');
    } catch {
      // The process may already be gone; it is killed below either way.
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
