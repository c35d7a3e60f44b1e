import * as vscode from 'vscode';
import { acceptedArgumentTarget } from './argumentTarget';
import { fromBase64, saveFile } from './saveFile';

export type DashboardFormat = 'html' | 'markdown' | 'csv' | 'sqlite';

const CSP =
  '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:;">';

/**
 * The portfolio dashboard in a webview: static HTML (inline CSS and SVG, no script). The webview
 * marks its body vscode-light or vscode-dark and sets the editor's colours as CSS variables; the
 * dashboard's stylesheet follows both, so it changes with the theme without being rendered again.
 */
export function showPortfolioDashboard(html: string, existing?: vscode.WebviewPanel): vscode.WebviewPanel {
  const panel =
    existing ??
    vscode.window.createWebviewPanel('agentdoc.portfolio', vscode.l10n.t('Agent portfolio'), vscode.ViewColumn.Active, {
      enableScripts: false,
      localResourceRoots: [],
    });
  panel.webview.html = html.replace('<head>', `<head>${CSP}`);
  panel.reveal();
  return panel;
}

export async function exportPortfolio(
  render: (format: DashboardFormat) => Promise<string>,
  /** From a command argument: anything, checked before use (argumentTarget.ts). */
  target?: unknown,
): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    target !== undefined
      ? await acceptedArgumentTarget(
          target,
          ['.html', '.md', '.csv', '.db', '.sqlite'],
          vscode.l10n.t('export the portfolio to'),
        )
      : await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Export agent portfolio'),
          filters: {
            'HTML dashboard': ['html'],
            'Markdown summary': ['md'],
            CSV: ['csv'],
            'SQLite database': ['db', 'sqlite'],
          },
          ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, 'agent-portfolio.html') } : {}),
        });
  if (!uri) return undefined;
  const extension = uri.path.toLowerCase().split('.').pop() ?? '';
  const format: DashboardFormat =
    extension === 'md'
      ? 'markdown'
      : extension === 'csv'
        ? 'csv'
        : extension === 'db' || extension === 'sqlite'
          ? 'sqlite'
          : 'html';
  const text = await render(format);
  const bytes = format === 'sqlite' ? fromBase64(text) : new TextEncoder().encode(text);
  if (!(await saveFile(uri, bytes))) return undefined;
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Agent portfolio saved to {0}.', vscode.workspace.asRelativePath(uri)),
  );
  return uri;
}
