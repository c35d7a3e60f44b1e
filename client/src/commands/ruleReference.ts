import * as vscode from 'vscode';

const RULE_CODE = /^AD\d{3}$/;

/**
 * The rule reference in a read-only view, opened at one rule. A diagnostic's code links to
 * `<scheme>://agentdoc.agentdoc/rule/AD123`; VS Code hands that URI to this extension's handler
 * (the opener does not run commands from a diagnostic link, and docs/rules.md would open as an
 * editable file). One panel is reused: a second link scrolls it instead of opening another.
 */
export class RuleReferenceView implements vscode.UriHandler, vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  constructor(private readonly load: () => Promise<string>) {}

  handleUri(uri: vscode.Uri): void {
    const code = /^\/rule\/(AD\d{3})$/.exec(uri.path)?.[1];
    void this.show(code);
  }

  async show(code?: string): Promise<vscode.WebviewPanel> {
    const target = code && RULE_CODE.test(code) ? code.toLowerCase() : '';
    if (this.panel) {
      this.panel.reveal(undefined, true);
      if (target) await this.panel.webview.postMessage({ rule: target });
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(
      'agentdoc.rules',
      'agentdoc rules',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
    );
    this.panel = panel;
    panel.onDidDispose(() => (this.panel = undefined));
    panel.webview.html = page(await this.load(), target);
    return panel;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function page(body: string, target: string): string {
  const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16)).join('');
  // The only script scrolls to the requested rule and marks it; the body is the server's rendering
  // of our own catalogue with raw HTML disabled.
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>${STYLE}</style></head><body data-rule="${target}">${body}
<script nonce="${nonce}">${SCRIPT}</script></body></html>`;
}

const SCRIPT = `
function openAt(rule) {
  const heading = rule && document.getElementById(rule);
  if (!heading) return;
  for (const old of document.querySelectorAll('.current')) old.classList.remove('current');
  heading.classList.add('current');
  heading.scrollIntoView({ block: 'start' });
}
window.addEventListener('message', (event) => openAt(event.data && event.data.rule));
openAt(document.body.dataset.rule);
`;

const STYLE = `body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);line-height:1.5;color:var(--vscode-foreground);max-width:56rem;padding:0 1.2rem 40vh}
a{color:var(--vscode-textLink-foreground)}code{font-family:var(--vscode-editor-font-family);font-size:.92em}
table{border-collapse:collapse}th,td{border:1px solid var(--vscode-panel-border,#8884);padding:.2rem .5rem;text-align:left;vertical-align:top}
h2{border-bottom:1px solid var(--vscode-panel-border,#8884);padding-bottom:.2rem;margin-top:2.2rem}
h3{margin-top:1.8rem;scroll-margin-top:.5rem}h3.current{background:var(--vscode-editor-findMatchHighlightBackground);outline:2px solid var(--vscode-focusBorder);padding:.1rem .3rem}`;
