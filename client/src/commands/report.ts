import * as vscode from 'vscode';
import { acceptedArgumentTarget } from './argumentTarget';
import { saveFile } from './saveFile';

/** Shows the readiness report (HTML rendered by the server from the same data as the CLI). */
export async function showReport(html: string, title: string): Promise<vscode.WebviewPanel> {
  const panel = vscode.window.createWebviewPanel('agentdoc.report', `Readiness: ${title}`, vscode.ViewColumn.Beside, {
    enableScripts: false,
    localResourceRoots: [],
  });
  // No scripts, no remote content: the report is static HTML with inline styles and SVG.
  const csp =
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:;">';
  panel.webview.html = html.includes('<head>')
    ? html.replace('<head>', `<head>${csp}`)
    : `<!DOCTYPE html><html><head>${csp}</head><body>${html}</body></html>`;
  return panel;
}

export async function exportReport(
  render: (format: 'markdown' | 'html') => Promise<string | null>,
  baseName: string,
  /** From a command argument: anything, checked before use (argumentTarget.ts). */
  target?: unknown,
): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    target !== undefined
      ? await acceptedArgumentTarget(target, ['.md', '.html', '.htm'], vscode.l10n.t('export the report to'))
      : await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Export readiness report'),
          filters: { Markdown: ['md'], HTML: ['html'] },
          ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${baseName}-readiness.md`) } : {}),
        });
  if (!uri) return undefined;
  const format =
    uri.path.toLowerCase().endsWith('.html') || uri.path.toLowerCase().endsWith('.htm') ? 'html' : 'markdown';
  const text = await render(format);
  if (text === null) {
    void vscode.window.showErrorMessage('agentdoc could not build a report for this document.');
    return undefined;
  }
  if (!(await saveFile(uri, new TextEncoder().encode(text)))) return undefined;
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Readiness report saved to {0}.', vscode.workspace.asRelativePath(uri)),
  );
  return uri;
}
