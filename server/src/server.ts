import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './lsp/analysisCache';
import { toDiagnostic } from './lsp/convert';
import * as features from './lsp/features';
import { DEFAULT_SETTINGS, readSettings, type AgentdocSettings } from './lsp/settings';
import { ValidationScheduler } from './lsp/validationScheduler';

// createConnection picks the transport from the command line: --stdio, --node-ipc or --socket.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const scheduler = new ValidationScheduler();
const analyses = new AnalysisCache();
/** Settings per open document, refreshed on open and on configuration change, never shared across folders. */
const documentSettings = new Map<string, AgentdocSettings>();
let clientSupportsConfiguration = false;

const isAgentDoc = (uri: string): boolean => /\.agent\.md$/i.test(decodeURIComponent(uri));

connection.onInitialize((params): InitializeResult => {
  clientSupportsConfiguration = Boolean(params.capabilities.workspace?.configuration);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, features.FIX_ALL_KIND] },
      completionProvider: { triggerCharacters: ['#', ':', ' ', '|'] },
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'agentdoc', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (clientSupportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'agentdoc' });
});

function analysisOf(uri: string) {
  const document = documents.get(uri);
  if (!document || !isAgentDoc(uri)) return undefined;
  const settings = documentSettings.get(uri) ?? DEFAULT_SETTINGS;
  return { document, result: analyses.get(document, { maxBytes: settings.maxDocumentBytes }) };
}

async function validate(document: TextDocument, immediate: boolean, refreshSettings: boolean): Promise<void> {
  if (!isAgentDoc(document.uri)) return;
  let settings = documentSettings.get(document.uri);
  if (!settings || refreshSettings) {
    settings = await readSettings(connection, document.uri, clientSupportsConfiguration);
    documentSettings.set(document.uri, settings);
  }
  if (!settings.enable) {
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    return;
  }
  const version = document.version;
  scheduler.schedule(document.uri, immediate ? 0 : settings.debounceMs, () => {
    const current = documents.get(document.uri);
    // A newer edit has arrived (and scheduled its own run): this text is stale.
    if (!current || current.version !== version) return;
    const { findings } = analyses.get(current, { maxBytes: settings.maxDocumentBytes });
    void connection.sendDiagnostics({ uri: current.uri, version, diagnostics: findings.map(toDiagnostic) });
  });
}

documents.onDidOpen((event) => void validate(event.document, true, true));
documents.onDidChangeContent((event) => void validate(event.document, false, false));
documents.onDidClose((event) => {
  scheduler.cancel(event.document.uri);
  analyses.delete(event.document.uri);
  documentSettings.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});
connection.onDidChangeConfiguration(() => {
  for (const document of documents.all()) void validate(document, true, true);
});

connection.onCodeAction((params) => {
  const found = analysisOf(params.textDocument.uri);
  return found ? features.codeActions(found.document, found.result, params.range, params.context.only) : [];
});
connection.onCompletion((params) => {
  const found = analysisOf(params.textDocument.uri);
  return found ? features.completions(found.result, params.position) : [];
});
connection.onHover((params) => {
  const found = analysisOf(params.textDocument.uri);
  return found ? features.hover(found.result, params.position) : null;
});
connection.onDocumentSymbol((params) => {
  const found = analysisOf(params.textDocument.uri);
  return found ? features.documentSymbols(found.result) : [];
});
connection.onFoldingRanges((params) => {
  const found = analysisOf(params.textDocument.uri);
  return found ? features.foldingRanges(found.result) : [];
});
connection.onDefinition((params) => {
  const found = analysisOf(params.textDocument.uri);
  return found ? features.definition(params.textDocument.uri, found.result, params.position) : null;
});
connection.onReferences((params) => {
  const found = analysisOf(params.textDocument.uri);
  return found ? features.references(params.textDocument.uri, found.result, params.position, params.context.includeDeclaration) : [];
});
connection.onCodeLens((params) => {
  const found = analysisOf(params.textDocument.uri);
  return found ? features.codeLenses(found.result) : [];
});
connection.onShutdown(() => scheduler.dispose());

documents.listen(connection);
connection.listen();
