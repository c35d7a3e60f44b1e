// Extension-host tests of issue 17 in a real VS Code: the complete example's agent files (its
// .vscode/mcp.json and prompt file) are watched, so editing them re-checks the document; the three
// exports are written by their commands. The workspace is a fresh copy of examples/.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AgentdocApi } from '../../client/src/extension';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 20000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(100);
  }
}

function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

const codes = (uri: vscode.Uri): string[] =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'agentdoc')
    .map((diagnostic) => String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code));

suite('agent files and exports in the extension host', () => {
  const complete = workspaceUri('complete.agentdoc.md');
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<AgentdocApi>('agentdoc.agentdoc');
    assert.ok(ext);
    await (await ext.activate()).client();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(complete), { preview: false });
    await until('the complete example checked clean', () => (codes(complete).length === 0 ? true : undefined));
  });

  for (const { file, edit, code } of [
    {
      file: ['.vscode', 'mcp.json'],
      edit: (text: string) =>
        text.replace(
          '"servers": {',
          '"servers": {\n    "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"] },',
        ),
      code: 'AD421',
    },
    {
      file: ['prompts', 'ap-invoice-triage.prompt.md'],
      edit: (text: string) => `${text}\nAlso answer in French.\n`,
      code: 'AD424',
    },
  ]) {
    test(`changing ${file.join('/')} on disk re-checks the document (${code}), and changing it back clears it`, async () => {
      const uri = workspaceUri(...file);
      const original = decoder.decode(await vscode.workspace.fs.readFile(uri));
      try {
        await vscode.workspace.fs.writeFile(uri, encoder.encode(edit(original)));
        await until(`${code} on the document`, () => (codes(complete).includes(code) ? true : undefined));
      } finally {
        await vscode.workspace.fs.writeFile(uri, encoder.encode(original));
      }
      await until(`${code} cleared`, () => (codes(complete).includes(code) ? undefined : true));
    });
  }

  for (const { command, name, expect } of [
    { command: 'agentdoc.exportAnnexIv', name: 'exthost.annex-iv.md', expect: /^### 2\(h\) Cybersecurity measures$/m },
    { command: 'agentdoc.exportAgentCard', name: 'exthost.agent-card.json', expect: /"protocolVersion": "1\.0"/ },
    { command: 'agentdoc.exportBackstage', name: 'exthost.catalog-info.yaml', expect: /^kind: Component$/m },
  ]) {
    test(`${command} with a target writes the export`, async () => {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(complete), { preview: false });
      const target = workspaceUri(name);
      const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(command, target);
      assert.strictEqual(result?.toString(), target.toString());
      const written = decoder.decode(await vscode.workspace.fs.readFile(target));
      assert.match(written, expect);
      assert.ok(written.includes('AP invoice exception triage') || written.includes('ap-invoice-triage'));
      await vscode.workspace.fs.delete(target);
    });
  }
});
