import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { LspRange } from '../../server/src/protocol/types';
import { onNotification, request } from './agentdocClient';
import { createAgentDocument } from './commands/newDocument';
import { exportPortfolio, showPortfolioDashboard } from './commands/portfolioDashboard';
import { exportDocument } from './commands/exportDocument';
import { exportReport, showReport } from './commands/report';
import { RuleReferenceView } from './commands/ruleReference';
import { ReadinessStatusBar } from './statusBar';
import { ChecklistView } from './views/checklistView';
import { PortfolioView } from './views/portfolioView';

import { isAgentDoc as isAgentDocText, mayBeAgentDoc } from '../../server/src/engine/files/agentDocKind';

/** The first release's *.agent.md files are still followed when their front matter declares agentdoc. */
export const CANDIDATE_GLOBS = ['**/*.agentdoc.md', '**/*.agent.md'];

/**
 * The usual names of the files agent documents name in agent_files (MCP configuration, prompt
 * files, custom agents, AGENTS.md): a change re-checks the documents that name them. The server
 * also registers watchers for the exact paths it reads (server/src/lsp/agentFileWatcher.ts).
 */
const AGENT_FILE_GLOBS = ['**/{mcp.json,.mcp.json}', '**/*.prompt.{md,yml,yaml}', '**/*.chatmode.md', '**/AGENTS.md'];

/** The engine's own test (engine/files/agentDocKind.ts): the client, server and CLI agree by construction. */
export function isAgentDoc(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return Boolean(document && mayBeAgentDoc(document.uri.path) && isAgentDocText(document.uri.path, document.getText()));
}

/** What the extension exposes to its own tests (and nothing else relies on). */
export interface AgentdocApi {
  client(): Promise<BaseLanguageClient>;
  checklist: ChecklistView;
  portfolio: PortfolioView;
}

/**
 * Activation registers views and commands but does no work: the language server starts the first
 * time an agent doc is open, the workspace holds one, or an agentdoc command or view needs it.
 * The desktop extension (extension.ts) and the web extension (browserExtension.ts) differ only in
 * how `startClient` starts the server: a Node.js process or a web worker.
 */
export function activateAgentdoc(
  context: vscode.ExtensionContext,
  startClient: (context: vscode.ExtensionContext) => Promise<BaseLanguageClient>,
): AgentdocApi {
  let started: Promise<BaseLanguageClient> | undefined;
  const client = (): Promise<BaseLanguageClient> => {
    started ??= startClient(context);
    return started;
  };
  const checklist = new ChecklistView(async (uri) => request(await client(), 'agentdoc/readiness', { uri }));
  const portfolio = new PortfolioView(async () => request(await client(), 'agentdoc/portfolio', {}));
  const statusBar = new ReadinessStatusBar();
  let dashboard: vscode.WebviewPanel | undefined;
  const checklistTree = vscode.window.createTreeView('agentdoc.checklist', {
    treeDataProvider: checklist,
    showCollapseAll: true,
  });
  const portfolioTree = vscode.window.createTreeView('agentdoc.portfolio', {
    treeDataProvider: portfolio,
    showCollapseAll: true,
  });
  const rules = new RuleReferenceView(async () => request(await client(), 'agentdoc/ruleReference', {}));
  context.subscriptions.push(statusBar, checklistTree, portfolioTree, rules, vscode.window.registerUriHandler(rules));

  const refreshActive = async (): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    const agentDoc = isAgentDoc(document);
    void vscode.commands.executeCommand('setContext', 'agentdoc.activeIsAgentDoc', agentDoc);
    if (!agentDoc) {
      statusBar.show(null);
      return;
    }
    await checklist.refresh(document.uri.toString());
    if (checklist.current) checklistTree.message = '';
    else
      checklistTree.message = vscode.l10n.t('Open an agent document (*.agentdoc.md) to see its readiness checklist.');
    // The view names the document it shows: with several agent docs open, "which one?" is the first question.
    checklistTree.description = checklist.current ? baseName(document.uri) : '';
    statusBar.show(checklist.current);
  };
  const refreshPortfolio = async (): Promise<void> => {
    await portfolio.refresh();
    void vscode.commands.executeCommand('setContext', 'agentdoc.hasAgentDocs', portfolio.count > 0);
  };

  const wire = async (): Promise<void> => {
    const languageClient = await client();
    context.subscriptions.push(
      onNotification(languageClient, 'agentdoc/readinessChanged', ({ uri }) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === uri) void refreshActive();
        void refreshPortfolio();
      }),
      onNotification(languageClient, 'agentdoc/portfolioChanged', () => void refreshPortfolio()),
    );
    await Promise.all([refreshActive(), refreshPortfolio()]);
  };
  const ensureStarted = (): void => {
    if (!started) void wire();
  };

  if (vscode.workspace.textDocuments.some(isAgentDoc)) ensureStarted();
  // A candidate file starts the server, which reads it and decides; *.agent.md files under .github/
  // are VS Code's and Copilot's own chat agents and do not count.
  void Promise.all(
    CANDIDATE_GLOBS.map((glob) => vscode.workspace.findFiles(glob, '{**/node_modules/**,**/.github/**}', 1)),
  ).then((found) => {
    if (found.some((files) => files.length > 0)) ensureStarted();
  });

  const activeUri = (): vscode.Uri | undefined => {
    const document = vscode.window.activeTextEditor?.document;
    return isAgentDoc(document) ? document.uri : undefined;
  };
  // Waiver rows come as their own quick-fix kind (the server's WAIVER_KIND), whatever the language.
  const isWaiver = (action: vscode.CodeAction) => action.kind?.value === 'quickfix.agentdoc.waiver';
  const codeActionAt = async (uri: string, range: LspRange, waiver: boolean): Promise<void> => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      vscode.Uri.parse(uri),
      toRange(range),
      vscode.CodeActionKind.QuickFix.value,
    );
    const action = (actions ?? []).find((candidate) => isWaiver(candidate) === waiver);
    if (!action?.edit) {
      void vscode.window.showInformationMessage(
        waiver
          ? vscode.l10n.t('No waiver can be added here: add a Readiness review section first.')
          : vscode.l10n.t('agentdoc has no automatic fix for this item.'),
      );
      return;
    }
    await vscode.workspace.applyEdit(action.edit);
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (isAgentDoc(editor?.document)) ensureStarted();
      void refreshActive();
    }),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (isAgentDoc(document)) ensureStarted();
    }),
    vscode.commands.registerCommand('agentdoc.revealItem', async (uri: string, range: LspRange) => {
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preserveFocus: false });
      editor.selection = new vscode.Selection(toRange(range).start, toRange(range).end);
      editor.revealRange(toRange(range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand(
      'agentdoc.applyItemFix',
      (node: { view: { uri: string }; item: { range: LspRange } }) =>
        codeActionAt(node.view.uri, node.item.range, false),
    ),
    vscode.commands.registerCommand(
      'agentdoc.addWaiver',
      (node: { view: { uri: string }; item: { range: LspRange } }) =>
        codeActionAt(node.view.uri, node.item.range, true),
    ),
    vscode.commands.registerCommand('agentdoc.showRuleReference', (code?: string) => rules.show(code)),
    // From the code lens and the status bar: open the checklist and take the user to the first blocker.
    vscode.commands.registerCommand('agentdoc.showChecklist', async (uri?: string) => {
      ensureStarted();
      await vscode.commands.executeCommand('agentdoc.checklist.focus');
      const view = checklist.current;
      if (uri && view?.uri === uri && view.firstBlocker)
        await vscode.commands.executeCommand('agentdoc.revealItem', uri, view.firstBlocker);
    }),
    // The format guide ships inside the extension: it opens offline, and no link can go stale.
    vscode.commands.registerCommand('agentdoc.openFormatGuide', () =>
      vscode.commands.executeCommand(
        'markdown.showPreview',
        vscode.Uri.joinPath(context.extensionUri, 'docs', 'format.md'),
      ),
    ),
    vscode.commands.registerCommand('agentdoc.portfolio.groupByStage', () => portfolio.setGrouping('stage')),
    vscode.commands.registerCommand('agentdoc.portfolio.groupByOwner', () => portfolio.setGrouping('owner')),
    vscode.commands.registerCommand('agentdoc.portfolio.groupByTier', () => portfolio.setGrouping('tier')),
    vscode.commands.registerCommand('agentdoc.portfolio.groupByType', () => portfolio.setGrouping('type')),
    vscode.commands.registerCommand('agentdoc.showPortfolioDashboard', async () => {
      const languageClient = await client();
      // The user asked for it: only now does the server read the git history (the readiness chart).
      const html = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'agentdoc: building the portfolio dashboard' },
        () => request(languageClient, 'agentdoc/portfolioDashboard', { format: 'html', history: true }),
      );
      dashboard = showPortfolioDashboard(html, dashboard);
      dashboard.onDidDispose(() => (dashboard = undefined));
      return dashboard;
    }),
    vscode.commands.registerCommand('agentdoc.exportPortfolio', async (target?: unknown) => {
      const languageClient = await client();
      return exportPortfolio(
        (format) => request(languageClient, 'agentdoc/portfolioDashboard', { format, history: format !== 'csv' }),
        target,
      );
    }),
    vscode.commands.registerCommand(
      'agentdoc.newDocument',
      async (answers?: Parameters<typeof createAgentDocument>[1], target?: unknown) => {
        ensureStarted();
        return createAgentDocument(
          async (chosen) => request(await client(), 'agentdoc/skeleton', chosen),
          answers,
          target,
        );
      },
    ),
    vscode.commands.registerCommand('agentdoc.showReport', async () => {
      const uri = activeUri();
      if (!uri)
        return void vscode.window.showWarningMessage(
          vscode.l10n.t('Open an agent document (*.agentdoc.md) to see its readiness report.'),
        );
      const html = await request(await client(), 'agentdoc/report', { uri: uri.toString(), format: 'html' });
      if (html === null)
        return void vscode.window.showErrorMessage(
          vscode.l10n.t('agentdoc could not build a report for this document.'),
        );
      return showReport(html, baseName(uri));
    }),
    vscode.commands.registerCommand('agentdoc.exportReport', async (target?: unknown) => {
      const uri = activeUri();
      if (!uri)
        return void vscode.window.showWarningMessage(
          vscode.l10n.t('Open an agent document (*.agentdoc.md) to export its readiness report.'),
        );
      return exportReport(
        async (format) => request(await client(), 'agentdoc/report', { uri: uri.toString(), format }),
        baseName(uri).replace(/(\.agentdoc|\.agent)?\.md$/i, ''),
        target,
      );
    }),
    ...(
      [
        ['agentdoc.exportAnnexIv', 'annex-iv'],
        ['agentdoc.exportAgentCard', 'a2a'],
        ['agentdoc.exportBackstage', 'backstage'],
      ] as const
    ).map(([command, format]) =>
      vscode.commands.registerCommand(command, async (target?: unknown) => {
        const uri = activeUri();
        if (!uri)
          return void vscode.window.showWarningMessage(
            vscode.l10n.t('Open an agent document (*.agentdoc.md) to export it.'),
          );
        return exportDocument(
          async () => request(await client(), 'agentdoc/export', { uri: uri.toString(), format }),
          format,
          target,
        );
      }),
    ),
    vscode.commands.registerCommand('agentdoc.recordHashes', async () => {
      const uri = activeUri();
      if (!uri)
        return void vscode.window.showWarningMessage(
          vscode.l10n.t('Open an agent document (*.agentdoc.md) to record its agent file hashes.'),
        );
      const result = await request(await client(), 'agentdoc/recordHashes', { uri: uri.toString() });
      const skipped = result.skipped.length ? vscode.l10n.t(' Not recorded: {0}.', result.skipped.join('; ')) : '';
      if (!result.applied)
        return void vscode.window.showWarningMessage(vscode.l10n.t('agentdoc could not write the hashes.{0}', skipped));
      void vscode.window.showInformationMessage(
        result.recorded.length
          ? vscode.l10n.t(
              'Recorded the sha256 of {0} (run after the eval set passed).{1}',
              result.recorded.join(', '),
              skipped,
            )
          : vscode.l10n.t("Every agent file's hash is already recorded.{0}", skipped),
      );
      return result;
    }),
    vscode.commands.registerCommand('agentdoc.recheckWorkspace', async () => {
      const languageClient = await client();
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'agentdoc: re-checking the workspace' },
        async () => {
          const { files } = await request(languageClient, 'agentdoc/recheckWorkspace', {});
          void vscode.window.setStatusBarMessage(
            `agentdoc: checked ${files} agent document${files === 1 ? '' : 's'}`,
            4000,
          );
        },
      );
    }),
  );
  return { client, checklist, portfolio };
}

function toRange(range: LspRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/**
 * The client options both extensions share: every Markdown file (an agent doc is recognised by its
 * front matter), and *.agent.md files, which VS Code 1.139 opens as chat agents; the server answers
 * only for agent docs. `schemes` are those the server can read.
 */
export function clientOptions(context: vscode.ExtensionContext, schemes: readonly string[]): LanguageClientOptions {
  return {
    // A diagnostic's code opens the rule reference view through this extension's URI handler.
    // The server speaks the editor's display language; the web worker gets it here as well as in the
    // initialize request's locale.
    initializationOptions: {
      ruleLinkBase: `${vscode.env.uriScheme}://${context.extension.id}/rule/`,
      locale: vscode.env.language,
    },
    documentSelector: [{ language: 'markdown' }, ...schemes.map((scheme) => ({ scheme, pattern: '**/*.agent.md' }))],
    synchronize: {
      configurationSection: 'agentdoc',
      fileEvents: [
        ...[...CANDIDATE_GLOBS, ...AGENT_FILE_GLOBS].map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
        vscode.workspace.createFileSystemWatcher('**/.agentdoc.{yaml,yml,json}'),
      ],
    },
  };
}
