import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  basename,
  buildReport,
  createSkeleton,
  exportDocument,
  portfolioEntry,
  readinessView,
  renderReportHtml,
  renderReportMarkdown,
  renderRuleReferenceHtml,
  setLocale,
} from '../engine';
import { PROJECT_URL, TOOL_VERSION } from '../projectInfo';
import type { PortfolioEntry } from '../protocol/requests';
import { AgentdocServer } from './agentdocServer';
import { useRuleLinkBase } from './convert';
import * as features from './features';
import { documentKeyFor, type ServerPlatform } from './platform';
import { portfolioDashboard } from './portfolioDashboard';
import { onAgentdocRequest, sendAgentdocNotification } from './typedConnection';
import { answerRefusals } from './lifecycle';

/**
 * The language server on a connection: the same handlers on Node.js (server/src/server.ts) and in
 * a web worker (server/src/browserServer.ts); what differs is in `platform`. `beforeInitialize` sees
 * the client's initialize request first (the web worker learns its workspace's URIs from it).
 */
export function startServer(
  connection: Connection,
  platform: ServerPlatform,
  beforeInitialize?: (params: InitializeParams) => void,
): void {
  // The connection was created with lifecycleGuard(): the requests it refuses are answered here.
  answerRefusals(connection);
  const documents = new TextDocuments(TextDocument);
  const server = new AgentdocServer(connection, documents, platform);

  connection.onInitialize((params): InitializeResult => {
    beforeInitialize?.(params);
    server.supportsConfiguration = Boolean(params.capabilities.workspace?.configuration);
    server.supportsProgress = Boolean(params.capabilities.window?.workDoneProgress);
    const watching = params.capabilities.workspace?.didChangeWatchedFiles;
    server.agentFileWatcher.supported = Boolean(watching?.dynamicRegistration && watching.relativePatternSupport);
    server.setFolders((params.workspaceFolders ?? []).map((folder) => folder.uri));
    const options = params.initializationOptions as
      { ruleLinkBase?: unknown; reportChecks?: unknown; locale?: unknown } | undefined;
    useRuleLinkBase(options?.ruleLinkBase);
    // Messages in the editor's display language (VS Code sends it as params.locale); an explicit
    // initializationOptions.locale wins, for clients that want another language than their UI's.
    setLocale(typeof options?.locale === 'string' ? options.locale : params.locale);
    server.reportChecks = options?.reportChecks === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, features.FIX_ALL_KIND],
        },
        completionProvider: { triggerCharacters: ['#', ':', ' ', '|'] },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        codeLensProvider: { resolveProvider: true },
        documentLinkProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'agentdoc', version: TOOL_VERSION },
    };
  });

  connection.onInitialized(async () => {
    // A client that declares configuration but refuses the registration must not end the server.
    if (server.supportsConfiguration)
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: ['agentdoc', 'files.exclude'] })
        .catch(() => undefined);
    await server.indexWorkspace();
    // Idle right after start-up: warm the engine so the first document opened is checked at speed.
    setTimeout(() => server.warmUp(), 0);
  });

  documents.onDidOpen((event) => server.opened(event.document));
  documents.onDidChangeContent((event) => server.changed(event.document));
  documents.onDidClose((event) => void server.closed(event.document.uri));
  connection.onDidChangeConfiguration(() => void server.recheckAll());
  connection.onDidChangeWatchedFiles((params) =>
    server.filesChanged(
      params.changes.map((change) => ({ uri: change.uri, deleted: change.type === FileChangeType.Deleted })),
    ),
  );

  /** The document and its up-to-date result, for requests about an open agent document. */
  async function open(uri: string) {
    const document = documents.get(uri);
    const result = document && (await server.openResult(uri));
    return document && result ? { document, result } : undefined;
  }

  connection.onCodeAction(async (params) => {
    const found = await open(params.textDocument.uri);
    return found ? features.codeActions(found.document, found.result, params.range, params.context.only) : [];
  });
  connection.onCompletion(async (params) => {
    const found = await open(params.textDocument.uri);
    return found ? features.completions(params.textDocument.uri, found.result, params.position) : [];
  });
  connection.onHover(async (params) => {
    const found = await open(params.textDocument.uri);
    return found ? features.hover(found.result, params.position) : null;
  });
  connection.onDocumentSymbol(async (params) => {
    const found = await open(params.textDocument.uri);
    return found ? features.documentSymbols(found.result) : [];
  });
  connection.onFoldingRanges(async (params) => {
    const found = await open(params.textDocument.uri);
    return found ? features.foldingRanges(found.result) : [];
  });
  connection.onDefinition(async (params) => {
    const found = await open(params.textDocument.uri);
    return found ? features.definition(params.textDocument.uri, found.result, params.position) : null;
  });
  connection.onReferences(async (params) => {
    const found = await open(params.textDocument.uri);
    return found
      ? features.references(params.textDocument.uri, found.result, params.position, params.context.includeDeclaration)
      : [];
  });
  connection.onDocumentLinks(async (params) => {
    const found = await open(params.textDocument.uri);
    const uri = params.textDocument.uri;
    return found ? features.documentLinks(found.result, (target) => server.linkTarget(uri, target)) : [];
  });
  connection.onCodeLens(async (params) => {
    const found = await open(params.textDocument.uri);
    return found ? features.codeLenses(found.result, params.textDocument.uri) : [];
  });
  let countTokens: ((text: string) => number) | undefined;
  connection.onCodeLensResolve((lens) => {
    const data = lens.data as { uri?: string; kind?: string } | undefined;
    if (data?.kind !== 'prompt-tokens' || !data.uri) return lens;
    countTokens ??= platform.loadTokenCounter();
    return features.resolvePromptLens(lens, server.result(data.uri), countTokens);
  });

  onAgentdocRequest(connection, 'agentdoc/readiness', async ({ uri }) => {
    const result = await server.fullResult(uri);
    return result ? readinessView(result, uri) : null;
  });
  onAgentdocRequest(connection, 'agentdoc/portfolio', (): PortfolioEntry[] =>
    server.results().map(({ uri, result }) => portfolioEntry(result, uri)),
  );
  onAgentdocRequest(connection, 'agentdoc/portfolioDashboard', async (params) =>
    portfolioDashboard(params, server.workspaceFolders, server.results(), platform),
  );
  let ruleReference: string | undefined;
  onAgentdocRequest(connection, 'agentdoc/ruleReference', () => {
    ruleReference ??= renderRuleReferenceHtml(`${PROJECT_URL}/blob/main/docs/`);
    return ruleReference;
  });
  onAgentdocRequest(connection, 'agentdoc/recheckWorkspace', async () => {
    const files = await server.recheckAll();
    sendAgentdocNotification(connection, 'agentdoc/portfolioChanged', {});
    return { files };
  });
  onAgentdocRequest(connection, 'agentdoc/skeleton', (answers) =>
    createSkeleton({ ...answers, today: answers.today ?? new Date().toISOString().slice(0, 10) }),
  );
  onAgentdocRequest(connection, 'agentdoc/report', async ({ uri, format }) => {
    const result = await server.fullResult(uri);
    if (!result) return null;
    const name = basename(documentKeyFor(platform.uris, uri));
    const report = buildReport([{ path: name, result }], { date: new Date().toISOString().slice(0, 10) });
    return format === 'html' ? renderReportHtml(report) : renderReportMarkdown(report);
  });
  onAgentdocRequest(connection, 'agentdoc/recordHashes', ({ uri }) => server.recordHashes(uri));
  onAgentdocRequest(connection, 'agentdoc/export', async ({ uri, format }) => {
    const result = await server.fullResult(uri);
    if (!result) return null;
    return (
      exportDocument(result, format, {
        fileName: basename(documentKeyFor(platform.uris, uri)),
        date: new Date().toISOString().slice(0, 10),
      }) ?? null
    );
  });
  connection.onShutdown(() => server.dispose());

  documents.listen(connection);
  connection.listen();
}
