import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult } from './engine';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeWithConfig } from './engine/config';
import { evidenceChecker } from './node/evidenceFiles';
import { portfolioEntry, readinessView } from './engine/features/checklist';
import { AnalysisCache } from './lsp/analysisCache';
import { DiagnosticsPublisher } from './lsp/diagnosticsPublisher';
import * as features from './lsp/features';
import { nodeWorkspaceFiles } from './lsp/nodeWorkspaceFiles';
import { isConfigFile, ServerConfig } from './lsp/serverConfig';
import { DEFAULT_SETTINGS, readSettings, type AgentdocSettings } from './lsp/settings';
import { ValidationScheduler } from './lsp/validationScheduler';
import { WorkspaceChecking } from './lsp/workspaceChecking';
import { WorkspaceIndex } from './lsp/workspaceIndex';
import { onAgentdocRequest, sendAgentdocNotification } from './lsp/typedConnection';
import type { PortfolioEntry } from './protocol/requests';
import { buildReport, renderReportHtml, renderReportMarkdown } from './engine/report';
import { createSkeleton } from './engine/skeleton';

// createConnection picks the transport from the command line: --stdio, --node-ipc or --socket.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const scheduler = new ValidationScheduler();
const config = new ServerConfig();
/** The same entry point as the CLI: analysis with the workspace config's schemas and severities. */
function analyzeDocument(uri: string, text: string): AnalysisResult {
  const settings = documentSettings.get(uri) ?? DEFAULT_SETTINGS;
  const fileExists = uri.startsWith('file:') ? evidenceChecker(fileURLToPath(uri), config.folderPaths()) : undefined;
  const limits = { maxYamlDepth: settings.maxYamlNesting, maxFindingsPerRule: settings.maxFindingsPerRule };
  return analyzeWithConfig(text, config.forDocument(uri), {
    maxBytes: settings.maxDocumentBytes,
    limits,
    ...(fileExists ? { fileExists } : {}),
  });
}
const analyses = new AnalysisCache(analyzeDocument);
/** Settings per open document, refreshed on open and on configuration change, never shared across folders. */
const documentSettings = new Map<string, AgentdocSettings>();
const index = new WorkspaceIndex(nodeWorkspaceFiles, analyzeDocument);
let clientSupportsConfiguration = false;
let clientSupportsProgress = false;
/** Open documents speak for themselves; the index speaks for files the editor has not opened. */
function currentResults(): [string, AnalysisResult][] {
  const open = new Map(
    documents
      .all()
      .filter((document) => isAgentDoc(document.uri))
      .map((document) => [document.uri, analysisOf(document.uri)?.result]),
  );
  const merged = new Map(index.all());
  for (const [uri, result] of open) if (result) merged.set(uri, result);
  return [...merged.entries()];
}
const publisher = new DiagnosticsPublisher(connection, currentResults);
const workspace = new WorkspaceChecking(connection, documents, index, () => clientSupportsProgress, publisher);

const isAgentDoc = (uri: string): boolean => /\.agent\.md$/i.test(decodeURIComponent(uri));

connection.onInitialize((params): InitializeResult => {
  clientSupportsConfiguration = Boolean(params.capabilities.workspace?.configuration);
  clientSupportsProgress = Boolean(params.capabilities.window?.workDoneProgress);
  const folders = (params.workspaceFolders ?? []).map((folder) => folder.uri.replace(/\/?$/, '/'));
  workspace.setFolders(folders);
  config.setFolders(folders);
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
      codeLensProvider: { resolveProvider: true },
      documentLinkProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'agentdoc', version: '0.1.0' },
  };
});

async function workspaceCheckingEnabled(): Promise<boolean> {
  const settings = await readSettings(connection, '', clientSupportsConfiguration);
  return settings.checkWorkspace;
}

connection.onInitialized(async () => {
  if (clientSupportsConfiguration)
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'agentdoc' });
  await workspace.indexAll(await workspaceCheckingEnabled());
});

function analysisOf(uri: string): { document: TextDocument; result: AnalysisResult } | undefined {
  const document = documents.get(uri);
  if (!document || !isAgentDoc(uri)) return undefined;
  return { document, result: analyses.get(document) };
}

async function validate(document: TextDocument, immediate: boolean, refreshSettings: boolean): Promise<void> {
  if (!isAgentDoc(document.uri)) return;
  let settings = documentSettings.get(document.uri);
  if (!settings || refreshSettings) {
    settings = await readSettings(connection, document.uri, clientSupportsConfiguration);
    documentSettings.set(document.uri, settings);
  }
  if (!settings.enable) {
    publisher.clear(document.uri);
    return;
  }
  const version = document.version;
  scheduler.schedule(document.uri, immediate ? 0 : settings.debounceMs, () => {
    const current = documents.get(document.uri);
    // A newer edit has arrived (and scheduled its own run): this text is stale.
    if (!current || current.version !== version) return;
    // The engine contains its own failures; this is the last line of defence, because an
    // exception escaping a timer callback would end the server process.
    try {
      const { findings } = analyses.get(current);
      publishConfigProblems();
      publisher.publish(current.uri, findings, version);
      publisher.refreshWorkspaceIfNeeded(current.uri, analyses.get(current));
      sendAgentdocNotification(connection, 'agentdoc/readinessChanged', { uri: current.uri });
    } catch (error) {
      connection.console.error(
        `agentdoc: checking ${current.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  });
}

documents.onDidOpen((event) => void validate(event.document, true, true));
documents.onDidChangeContent((event) => void validate(event.document, false, false));
documents.onDidClose((event) => {
  scheduler.cancel(event.document.uri);
  analyses.delete(event.document.uri);
  documentSettings.delete(event.document.uri);
  if (isAgentDoc(event.document.uri)) void workspace.documentClosed(event.document.uri);
});
connection.onDidChangeConfiguration(async () => {
  analyses.clear();
  for (const document of documents.all()) void validate(document, true, true);
  await workspace.indexAll(await workspaceCheckingEnabled());
});
/** A broken config is shown on the config file itself, never silently ignored. */
function publishConfigProblems(): void {
  for (const { uri, problems } of config.takeUnpublishedProblems()) {
    void connection.sendDiagnostics({
      uri,
      diagnostics: problems.map((problem) => ({
        range: problem.range,
        severity: 1,
        source: 'agentdoc',
        code: 'AD003',
        message: problem.message,
      })),
    });
  }
}

connection.onDidChangeWatchedFiles(async (params) => {
  if (params.changes.some((change) => isConfigFile(change.uri))) {
    for (const change of params.changes)
      if (isConfigFile(change.uri)) void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
    config.invalidate();
    analyses.clear();
    for (const document of documents.all()) void validate(document, true, false);
    await workspace.indexAll(await workspaceCheckingEnabled());
    publishConfigProblems();
    return;
  }
  for (const change of params.changes) {
    if (isAgentDoc(change.uri)) await workspace.fileChanged(change.uri, change.type === FileChangeType.Deleted);
  }
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
  return found
    ? features.references(params.textDocument.uri, found.result, params.position, params.context.includeDeclaration)
    : [];
});
connection.onDocumentLinks((params) => {
  const found = analysisOf(params.textDocument.uri);
  return found ? features.documentLinks(params.textDocument.uri, found.result) : [];
});
connection.onCodeLens((params) => {
  const found = analysisOf(params.textDocument.uri);
  return found ? features.codeLenses(found.result, params.textDocument.uri) : [];
});
let countTokens: ((text: string) => number) | undefined;
connection.onCodeLensResolve((lens) => {
  const data = lens.data as { uri?: string; kind?: string } | undefined;
  if (data?.kind !== 'prompt-tokens' || !data.uri) return lens;
  // Loaded from its own bundle next to this file, on first use only.
  countTokens ??= (require(path.join(__dirname, 'tokenizer.js')) as { countTokens: (text: string) => number })
    .countTokens;
  return features.resolvePromptLens(lens, analysisOf(data.uri)?.result, countTokens);
});

onAgentdocRequest(connection, 'agentdoc/readiness', ({ uri }) => {
  const result = analysisOf(uri)?.result ?? index.get(uri);
  return result ? readinessView(result, uri) : null;
});
onAgentdocRequest(connection, 'agentdoc/portfolio', () => {
  const uris = new Set([
    ...index.all().map(([uri]) => uri),
    ...documents
      .all()
      .map((document) => document.uri)
      .filter(isAgentDoc),
  ]);
  const entries: PortfolioEntry[] = [];
  for (const uri of [...uris].sort()) {
    const result = analysisOf(uri)?.result ?? index.get(uri);
    const entry = result && portfolioEntry(result, uri);
    if (entry) entries.push(entry);
  }
  return entries;
});
onAgentdocRequest(connection, 'agentdoc/recheckWorkspace', async () => {
  for (const document of documents.all()) void validate(document, true, true);
  const files = await workspace.indexAll(await workspaceCheckingEnabled());
  sendAgentdocNotification(connection, 'agentdoc/portfolioChanged', {});
  return { files };
});
onAgentdocRequest(connection, 'agentdoc/skeleton', (answers) =>
  createSkeleton({ ...answers, today: answers.today ?? new Date().toISOString().slice(0, 10) }),
);
onAgentdocRequest(connection, 'agentdoc/report', ({ uri, format }) => {
  const result = analysisOf(uri)?.result ?? index.get(uri);
  if (!result) return null;
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const report = buildReport([{ path: name, result }], { date: new Date().toISOString().slice(0, 10) });
  return format === 'html' ? renderReportHtml(report) : renderReportMarkdown(report);
});
connection.onShutdown(() => scheduler.dispose());

documents.listen(connection);
connection.listen();
