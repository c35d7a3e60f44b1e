// Extension-host tests: the real extension (client + language server) inside a real VS Code, with the
// repository's examples/ folder as the workspace.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'agentdoc.agentdoc';
const SOURCE = 'agentdoc';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  if (typeof c === 'string' || typeof c === 'number') return String(c);
  return String(c.value);
}

function agentdocDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function describe(diags: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(diags.map((d) => `${codeOf(d)} L${d.range.start.line + 1}: ${d.message}`));
}

// Polls the agentdoc diagnostics of `uri` until `done` accepts them or `timeoutMs` passes.
async function waitForDiagnostics(
  uri: vscode.Uri,
  done: (diags: vscode.Diagnostic[]) => boolean,
  timeoutMs = 20000,
): Promise<vscode.Diagnostic[]> {
  const end = Date.now() + timeoutMs;
  let diags = agentdocDiagnostics(uri);
  while (!done(diags) && Date.now() < end) {
    await sleep(100);
    diags = agentdocDiagnostics(uri);
  }
  return diags;
}

async function findExample(name: string): Promise<vscode.Uri> {
  const [uri] = await vscode.workspace.findFiles(`**/${name}`, '**/node_modules/**', 1);
  assert.ok(
    uri,
    `${name} not found in the workspace (${(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()).join(', ')})`,
  );
  return uri;
}

async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The missing Runbook: on its own or in a merged "Missing sections: ... For shadow: Runbook" finding. */
const hasRunbook = (d: vscode.Diagnostic): boolean =>
  /Missing sections?\b.*\bRunbook\b/.test(d.message) && codeOf(d) === 'AD100';
const hasYamlError = (d: vscode.Diagnostic): boolean => codeOf(d) === 'AD001';

suite('agentdoc in the extension host', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (ext && !ext.isActive) await ext.activate();
  });

  test('the extension is installed and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  test('broken.agentdoc.md: missing Runbook section (AD100) and YAML syntax error (AD001)', async () => {
    const uri = await findExample('broken.agentdoc.md');
    const doc = await open(uri);
    const diags = await waitForDiagnostics(uri, (ds) => ds.some(hasRunbook) && ds.some(hasYamlError));
    assert.ok(
      diags.length > 0,
      `no agentdoc diagnostics on broken.agentdoc.md within 20 s (document languageId: ${doc.languageId})`,
    );
    assert.ok(diags.some(hasRunbook), `no AD100 missing-Runbook diagnostic in ${describe(diags)}`);
    assert.ok(diags.some(hasYamlError), `no AD001 (YAML syntax error) diagnostic in ${describe(diags)}`);
  });

  test('editing broken.agentdoc.md re-checks the unsaved text (the editor document is synced to the server)', async () => {
    const uri = await findExample('broken.agentdoc.md');
    const doc = await open(uri);
    const before = await waitForDiagnostics(uri, (ds) => ds.some(hasRunbook));
    assert.ok(before.some(hasRunbook), `no AD100 missing-Runbook diagnostic before the edit in ${describe(before)}`);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(
      uri,
      doc.lineAt(doc.lineCount - 1).range.end,
      '\n\n## Runbook\n\n### Restart\n\nRestart the classifier worker from the service desk console.\n',
    );
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
    try {
      const after = await waitForDiagnostics(uri, (ds) => ds.length > 0 && !ds.some(hasRunbook));
      assert.ok(
        !after.some(hasRunbook),
        `'Missing section "Runbook"' still reported after adding the section in the editor: the open document ` +
          `(languageId: ${doc.languageId}) does not seem to reach the language server`,
      );
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('complete.agentdoc.md: no agentdoc diagnostics', async () => {
    // The server is up once broken.agentdoc.md has its diagnostics.
    const broken = await findExample('broken.agentdoc.md');
    const brokenDoc = await open(broken);
    const brokenDiags = await waitForDiagnostics(broken, (ds) => ds.length > 0);
    assert.ok(
      brokenDiags.length > 0,
      `language server published nothing for broken.agentdoc.md within 20 s (document languageId: ${brokenDoc.languageId})`,
    );

    const uri = await findExample('complete.agentdoc.md');
    let published = false;
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) published = true;
    });
    try {
      await open(uri);
      // Give the server a chance to publish (an empty publish may or may not fire an event) ...
      for (const end = Date.now() + 5000; !published && Date.now() < end;) {
        if (agentdocDiagnostics(uri).length > 0) break;
        await sleep(100);
      }
      // ... then require ~2 s of stable zero.
      for (const end = Date.now() + 2000; Date.now() < end;) {
        const diags = agentdocDiagnostics(uri);
        assert.strictEqual(diags.length, 0, `complete.agentdoc.md has agentdoc diagnostics: ${describe(diags)}`);
        await sleep(100);
      }
    } finally {
      sub.dispose();
    }
  });

  test('agent docs open as Markdown, so the Markdown preview keeps working', async () => {
    // VS Code 1.139 would open *.agentdoc.md as its own chat-agent format; agentdoc's
    // configurationDefaults associate them with Markdown (except .github/agents/ files).
    const uri = await findExample('complete.agentdoc.md');
    const doc = await open(uri);
    assert.strictEqual(doc.languageId, 'markdown');
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    let preview: vscode.Tab | undefined;
    for (const end = Date.now() + 10000; !preview && Date.now() < end; await sleep(200)) {
      preview = vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview'));
    }
    assert.ok(preview, 'no Markdown preview tab opened');
  });
});
