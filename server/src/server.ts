import {
  createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from './engine';
import { toDiagnostic } from './lsp/convert';
import { readSettings } from './lsp/settings';
import { ValidationScheduler } from './lsp/validationScheduler';

// createConnection picks the transport from the command line: --stdio, --node-ipc or --socket.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const scheduler = new ValidationScheduler();
let clientSupportsConfiguration = false;

const isAgentDoc = (uri: string): boolean => /\.agent\.md$/i.test(decodeURIComponent(uri));

connection.onInitialize((params): InitializeResult => {
  clientSupportsConfiguration = Boolean(params.capabilities.workspace?.configuration);
  return {
    capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
    serverInfo: { name: 'agentdoc', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (clientSupportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'agentdoc' });
});

async function validate(document: TextDocument, immediate: boolean): Promise<void> {
  if (!isAgentDoc(document.uri)) return;
  const settings = await readSettings(connection, document.uri, clientSupportsConfiguration);
  if (!settings.enable) {
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    return;
  }
  const version = document.version;
  scheduler.schedule(document.uri, immediate ? 0 : settings.debounceMs, () => {
    const current = documents.get(document.uri);
    // A newer edit has arrived (and scheduled its own run): this text is stale.
    if (!current || current.version !== version) return;
    const { findings } = analyze(current.getText(), { maxBytes: settings.maxDocumentBytes });
    void connection.sendDiagnostics({ uri: current.uri, version, diagnostics: findings.map(toDiagnostic) });
  });
}

documents.onDidOpen((event) => void validate(event.document, true));
documents.onDidChangeContent((event) => void validate(event.document, false));
documents.onDidClose((event) => {
  scheduler.cancel(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});
connection.onDidChangeConfiguration(() => {
  for (const document of documents.all()) void validate(document, true);
});
connection.onShutdown(() => scheduler.dispose());

documents.listen(connection);
connection.listen();
