// Extension-host tests of the reviewer features: the API's checklist and portfolio data, the New-document and
// Export-report commands (driven with arguments, no prompts), and the code action, completion and hover providers
// as VS Code itself calls them. The workspace is a fresh copy of the repository's examples/ folder.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AgentdocApi } from '../../client/src/extension';
import type { PortfolioEntry } from '../../server/src/protocol/types';

const EXTENSION_ID = 'agentdoc.agentdoc';
const SOURCE = 'agentdoc';
const FIX_ALL_KIND = 'source.fixAll.agentdoc';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(100);
  }
}

async function findExample(name: string): Promise<vscode.Uri> {
  const [uri] = await vscode.workspace.findFiles(`**/${name}`, '**/node_modules/**', 1);
  assert.ok(uri, `${name} not found in the workspace`);
  return uri;
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The missing Runbook: on its own or in a merged "Missing sections: ... For shadow: Runbook" finding. */
function isMissingRunbook(d: vscode.Diagnostic): boolean {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return d.source === SOURCE && code === 'AD100' && /Missing sections?\b.*\bRunbook\b/.test(d.message);
}

function lineOf(doc: vscode.TextDocument, re: RegExp): number {
  for (let i = 0; i < doc.lineCount; i++) if (re.test(doc.lineAt(i).text)) return i;
  throw new Error(`${re} not found in ${doc.uri.path}`);
}

function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function closeAndDelete(uri: vscode.Uri): Promise<void> {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString())
        await vscode.window.tabGroups.close(tab);
    }
  }
  if (await exists(uri)) await vscode.workspace.fs.delete(uri);
}

const label = (item: vscode.TreeItem): string =>
  typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
const text = (value: vscode.CompletionItem['label']): string => (typeof value === 'string' ? value : value.label);
const markdownOf = (hover: vscode.Hover): string =>
  hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');

const SECTION_TITLES = [
  'Purpose & scope',
  'Known limitations',
  'Prompt',
  'Tools & integrations',
  'Decision architecture',
  'Failure modes',
  'Evaluation',
  'Operations',
  'Compliance',
  'User guide',
  'Runbook',
  'Rollout',
  'Readiness review',
  'Operating cadence',
];

suite('agentdoc reviewer features in the extension host', () => {
  let api: AgentdocApi;
  const created: vscode.Uri[] = [];

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<AgentdocApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found`);
    api = await ext.activate();
    assert.ok(
      api && api.checklist && api.portfolio && typeof api.client === 'function',
      'activate() does not return the {client, checklist, portfolio} API',
    );
    await api.client();
  });

  suiteTeardown(async () => {
    for (const uri of created) await closeAndDelete(uri).catch(() => undefined);
  });

  // Shows `name` and waits until the checklist shows it.
  async function checklistOf(
    name: string,
  ): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor; view: NonNullable<AgentdocApi['checklist']['current']> }> {
    const uri = await findExample(name);
    const editor = await open(uri);
    const view = await until(`the readiness checklist of ${name}`, () => {
      const current = api.checklist.current;
      return current && current.uri === uri.toString() ? current : undefined;
    });
    return { uri, editor, view };
  }

  test('portfolio: every example agent, by front-matter name, grouped by stage, with its counts', async () => {
    const files = ['complete.agentdoc.md', 'pilot.agentdoc.md', 'broken.agentdoc.md', 'broken-schema.agentdoc.md'];
    const uris = await Promise.all(files.map(findExample));
    const entriesOf = (): Map<
      string,
      {
        label: string;
        group: string;
        entry: PortfolioEntry;
      }
    > => {
      const out = new Map();
      for (const group of api.portfolio.getChildren()) {
        if (group.kind !== 'group') continue;
        for (const node of api.portfolio.getChildren(group)) {
          if (node.kind === 'agent')
            out.set(node.entry.uri, {
              label: label(api.portfolio.getTreeItem(node)),
              group: group.label,
              entry: node.entry,
            });
        }
      }
      return out;
    };
    await api.portfolio.refresh();
    const entries = await until(
      'every example in the portfolio',
      async () => {
        const got = entriesOf();
        if (uris.every((u) => got.has(u.toString()))) return got;
        await api.portfolio.refresh();
        return undefined;
      },
      30000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}; portfolio: ${JSON.stringify([...entriesOf().values()].map((v) => v.label))}`);
    });
    const get = (file: string) => {
      const e = entries.get(uris[files.indexOf(file)]!.toString());
      assert.ok(e, `${file} not in the portfolio`);
      return e;
    };

    const complete = get('complete.agentdoc.md');
    assert.strictEqual(complete.label, 'AP invoice exception triage');
    assert.strictEqual(complete.group, 'Production');
    assert.deepStrictEqual(
      [complete.entry.owner, complete.entry.tier, complete.entry.verdict.blockers, complete.entry.verdict.errors],
      ['Maria Lindqvist', 'tier-2', 0, 0],
    );
    assert.strictEqual(complete.entry.verdict.phrase, 'Production · ready');

    const pilot = get('pilot.agentdoc.md');
    assert.strictEqual(pilot.label, 'Support reply drafter');
    assert.deepStrictEqual(
      [
        pilot.group,
        pilot.entry.verdict.blockedStage?.id,
        pilot.entry.owner,
        pilot.entry.tier,
        pilot.entry.verdict.errors,
      ],
      ['Pilot', 'shadow', 'Daniel Okafor', 'tier-3', 0],
    );
    assert.ok(pilot.entry.verdict.blockers > 0, 'pilot.agentdoc.md has no blockers for shadow');

    const brokenSchema = get('broken-schema.agentdoc.md');
    assert.strictEqual(brokenSchema.label, 'Expense receipt checker');
    assert.strictEqual(
      brokenSchema.entry.verdict.errors,
      2,
      'broken-schema.agentdoc.md: expected its two AD003 schema errors',
    );
    // agentdoc.problems is "open" by default: the portfolio knows the unopened document's errors,
    // the Problems panel does not list them.
    const unopened = uris[files.indexOf('broken-schema.agentdoc.md')]!;
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()),
      'broken-schema.agentdoc.md is open; this check needs it closed',
    );
    assert.deepStrictEqual(
      vscode.languages.getDiagnostics(unopened).filter((d) => d.source === SOURCE),
      [],
      'an unopened document has agentdoc diagnostics in Problems',
    );

    // broken.agentdoc.md's name is a YAML syntax error ('Service desk's …'); the entry must still be there, with errors.
    const broken = get('broken.agentdoc.md');
    assert.strictEqual(broken.group, 'Shadow');
    assert.strictEqual(broken.entry.owner, 'Sam Whitfield');
    assert.ok(broken.entry.verdict.errors > 0, 'broken.agentdoc.md has no errors in the portfolio');

    const groups = api.portfolio.getChildren().map((g) => (g.kind === 'group' ? g.label : ''));
    assert.deepStrictEqual(
      groups.filter((g) => ['Pilot', 'Shadow', 'Production'].includes(g)),
      ['Pilot', 'Shadow', 'Production'],
      `groups out of stage order: ${JSON.stringify(groups)}`,
    );
  });

  test('checklist: pilot.agentdoc.md summary, gates, item statuses and reveal ranges', async () => {
    const { uri, editor, view } = await checklistOf('pilot.agentdoc.md');
    assert.strictEqual(view.verdict.stage?.id, 'pilot');
    assert.strictEqual(view.verdict.readyFor?.id, 'pilot');
    assert.strictEqual(view.verdict.blockedStage?.id, 'shadow');
    assert.match(view.verdict.phrase, /^Pilot · \d+ findings block shadow$/);
    const [blocking] = /\d+/.exec(view.verdict.phrase) ?? ['0'];
    assert.strictEqual(view.verdict.blockers, Number(blocking), 'the phrase and the verdict count differ');

    const roots = api.checklist.getChildren();
    assert.strictEqual(
      label(api.checklist.getTreeItem(roots[0]!)),
      view.verdict.phrase,
      'the first row is not the verdict',
    );
    const gateRows = roots.slice(1).map((node) => label(api.checklist.getTreeItem(node)));
    for (const gate of [
      'Pilot: Project charter',
      'Pilot: Documentation parts',
      'Shadow: Pre-rollout artifacts',
      'Shadow: Documentation parts',
      'Canary: Production readiness review',
    ]) {
      assert.ok(gateRows.includes(gate), `no gate row "${gate}" in ${JSON.stringify(gateRows)}`);
    }
    const items = new Map<string, { description: string; node: (typeof roots)[number] }>();
    for (const gate of roots.slice(1)) {
      for (const node of api.checklist.getChildren(gate)) {
        const item = api.checklist.getTreeItem(node);
        items.set(`${label(api.checklist.getTreeItem(gate))} / ${label(item)}`, {
          description: String(item.description),
          node,
        });
      }
    }
    const expectations: Array<[string, string]> = [
      ['Pilot: Documentation parts / Section "Purpose & scope"', 'met'],
      ['Shadow: Documentation parts / Section "Runbook"', 'missing'],
      ['Shadow: Documentation parts / Section "Evaluation"', 'open findings'],
      [
        'Shadow: Pre-rollout artifacts / Integrations tested against staging systems',
        'pending sign-off · to sign: platform/SRE',
      ],
      ['Shadow: Pre-rollout artifacts / Who may roll back', 'missing'],
    ];
    for (const [key, status] of expectations) {
      assert.strictEqual(
        items.get(key)?.description,
        status,
        `${key}: ${items.get(key)?.description ?? 'no such item'}`,
      );
    }

    // Clicking an item runs agentdoc.revealItem, which selects the item's range: a present section's heading,
    // a missing section's finding (where its quick fix inserts it).
    const doc = editor.document;
    await until('the missing-Runbook diagnostic', () => vscode.languages.getDiagnostics(uri).find(isMissingRunbook));
    // The Runbook's own part of the merged "Missing sections" finding: the heading of the section it would follow
    // (Compliance, the last catalogue section before it in this document), where its quick fix inserts it.
    for (const [key, line] of [
      ['Pilot: Documentation parts / Section "Purpose & scope"', lineOf(doc, /^## Purpose & scope\s*$/)],
      ['Shadow: Documentation parts / Section "Runbook"', lineOf(doc, /^## Compliance\s*$/)],
    ] as const) {
      const treeItem = api.checklist.getTreeItem(items.get(key)!.node);
      assert.strictEqual(treeItem.command?.command, 'agentdoc.revealItem', `${key}: no reveal command`);
      await vscode.commands.executeCommand(treeItem.command.command, ...(treeItem.command.arguments ?? []));
      const active = vscode.window.activeTextEditor;
      assert.strictEqual(active?.document.uri.toString(), uri.toString());
      assert.strictEqual(
        active.selection.start.line,
        line,
        `${key}: selection on line ${active.selection.start.line + 1}, expected ${line + 1}`,
      );
    }

    // The readiness code lens and the status bar run agentdoc.showChecklist for this document: it opens the
    // checklist and selects the first blocker.
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const readiness = (lenses ?? []).find((lens) => lens.command?.command === 'agentdoc.showChecklist');
    assert.ok(
      readiness?.command,
      `no readiness code lens among ${JSON.stringify((lenses ?? []).map((l) => l.command?.title))}`,
    );
    assert.deepStrictEqual(readiness.command.arguments, [uri.toString()]);
    const firstBlocker = api.checklist.current?.firstBlocker;
    assert.ok(firstBlocker, 'pilot.agentdoc.md has no first blocker in its readiness view');
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(0, 0, 0, 0) });
    await vscode.commands.executeCommand(readiness.command.command, ...readiness.command.arguments);
    const after = vscode.window.activeTextEditor;
    assert.strictEqual(after?.document.uri.toString(), uri.toString());
    assert.deepStrictEqual(
      [after.selection.start.line, after.selection.start.character],
      [firstBlocker.start.line, firstBlocker.start.character],
      'the code lens does not select the first blocker',
    );
  });

  test('checklist: complete.agentdoc.md meets every gate up to production', async () => {
    const { view } = await checklistOf('complete.agentdoc.md');
    assert.strictEqual(view.verdict.stage?.id, 'production');
    assert.strictEqual(view.verdict.readyFor?.id, 'production');
    assert.strictEqual(view.verdict.phrase, 'Production · ready');
    const open = view.gates
      .filter((g) => g.stage !== 'retired')
      .flatMap((g) => g.items.map((i) => `${g.title} / ${i.title}: ${i.status}`))
      .filter((s) => !s.endsWith(': met'));
    assert.deepStrictEqual(open, []);
  });

  test('agentdoc.newDocument with answers and a target: the file is written, opened, and has no agentdoc errors', async () => {
    const target = workspaceUri('exthost-new-doc.agentdoc.md');
    created.push(target);
    await closeAndDelete(target);
    const answers = {
      name: 'Refund triage agent',
      id: 'refund-triage-agent',
      owner: 'Ana Lima',
      customerFacing: false,
      personalData: false,
      tier: 'tier-1' as const,
    };
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'agentdoc.newDocument',
      answers,
      target,
    );
    assert.strictEqual(result?.toString(), target.toString(), 'the command did not return the new file');
    assert.ok(await exists(target), 'the file was not written');
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    for (const s of [
      'name: Refund triage agent',
      'id: refund-triage-agent',
      'stage: pilot',
      'Ana Lima',
      'tier: tier-1',
    ])
      assert.ok(written.includes(s), `the new document lacks ${JSON.stringify(s)}`);
    assert.strictEqual(
      vscode.window.activeTextEditor?.document.uri.toString(),
      target.toString(),
      'the new document is not the active editor',
    );

    // The skeleton is full of TODOs (warnings) but must have no Error-level agentdoc finding at the pilot stage.
    const diags = await until('agentdoc diagnostics for the new document', () => {
      const d = vscode.languages.getDiagnostics(target).filter((x) => x.source === SOURCE);
      return d.length > 0 ? d : undefined;
    });
    await sleep(1500); // a later publish may add workspace-level findings
    const errors = vscode.languages
      .getDiagnostics(target)
      .filter((d) => d.source === SOURCE && d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(
      errors.map(
        (d) => `${String(typeof d.code === 'object' ? d.code.value : d.code)} L${d.range.start.line + 1}: ${d.message}`,
      ),
      [],
      `errors among ${diags.length} findings`,
    );
    const view = await until('the checklist of the new document', () =>
      api.checklist.current?.uri === target.toString() ? api.checklist.current : undefined,
    );
    assert.strictEqual(view.verdict.stage?.id, 'pilot');
    assert.strictEqual(
      view.verdict.readyFor?.id,
      'pilot',
      `the new document is not ready for pilot: ${view.verdict.phrase}`,
    );

    // It never overwrites an existing file.
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'agentdoc.newDocument',
      { ...answers, name: 'Other' },
      target,
    );
    assert.strictEqual(again, undefined, 'a second run with the same target did not refuse');
    assert.strictEqual(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(target)),
      written,
      'the existing file was changed',
    );
  });

  test('agentdoc.exportReport with a target: Markdown and HTML reports naming the agent', async () => {
    await checklistOf('pilot.agentdoc.md');
    for (const name of ['exthost-report.md', 'exthost-report.html']) {
      const target = workspaceUri(name);
      created.push(target);
      await closeAndDelete(target);
      const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('agentdoc.exportReport', target);
      assert.strictEqual(result?.toString(), target.toString(), `${name}: the command did not return the file`);
      const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.ok(written.includes('Support reply drafter'), `${name} does not name the agent`);
      assert.ok(/Pilot · \d+ findings block shadow/.test(written), `${name} has no verdict`);
      if (name.endsWith('.html')) assert.match(written, /<html|<!DOCTYPE/i, `${name} is not HTML`);
      else assert.match(written, /^# Agent readiness report/m, `${name} is not the Markdown report`);
    }
  });

  test('agentdoc.exportReport and agentdoc.newDocument refuse a target argument outside the workspace, of another kind, or over an existing file', async () => {
    await checklistOf('pilot.agentdoc.md');
    const existing = await findExample('complete.agentdoc.md');
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(existing));
    const outside = vscode.Uri.file(path.join(os.tmpdir(), `agentdoc-outside-${process.pid}.md`));
    const answers = { name: 'Hostile', id: 'hostile', owner: 'Ana Lima', customerFacing: false, personalData: false };
    const refused: Array<[string, unknown[]]> = [
      ['agentdoc.exportReport', [existing]],
      ['agentdoc.exportReport', [outside]],
      ['agentdoc.exportReport', [outside.toString()]],
      ['agentdoc.exportReport', [workspaceUri('exthost-report.sh')]],
      [
        'agentdoc.newDocument',
        [answers, vscode.Uri.file(path.join(os.tmpdir(), `agentdoc-outside-${process.pid}.agentdoc.md`))],
      ],
      ['agentdoc.newDocument', [answers, workspaceUri('exthost-hostile.md')]],
    ];
    for (const [command, args] of refused) {
      const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(command, ...args);
      assert.strictEqual(result, undefined, `${command} ${String(args[args.length - 1])} was written`);
    }
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(existing)), original);
    assert.ok(!(await exists(outside)), 'a file was created outside the workspace');
    assert.ok(!(await exists(workspaceUri('exthost-report.sh'))));
    assert.ok(!(await exists(workspaceUri('exthost-hostile.md'))));
  });

  test('portfolio: groups by tier and type; the dashboard opens in a webview; export writes every format', async () => {
    await api.portfolio.refresh();
    const groupLabels = (): string[] => api.portfolio.getChildren().map((g) => (g.kind === 'group' ? g.label : ''));
    await vscode.commands.executeCommand('agentdoc.portfolio.groupByType');
    assert.deepStrictEqual(
      groupLabels().filter((g) => ['foundation', 'capability', '(no type)'].includes(g)),
      ['foundation', 'capability', '(no type)'],
      `type groups: ${JSON.stringify(groupLabels())}`,
    );
    await vscode.commands.executeCommand('agentdoc.portfolio.groupByTier');
    assert.ok(groupLabels().includes('tier-2') && groupLabels().includes('tier-3'), JSON.stringify(groupLabels()));
    await vscode.commands.executeCommand('agentdoc.portfolio.groupByStage');

    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('agentdoc.showPortfolioDashboard');
    assert.ok(panel, 'no dashboard panel');
    assert.strictEqual(panel.webview.options.enableScripts, false, 'the dashboard must run no script');
    assert.match(panel.webview.html, /Content-Security-Policy/);
    assert.ok(panel.webview.html.includes('AP invoice exception triage'), 'the dashboard does not list the agents');
    assert.match(panel.webview.html, /body\.vscode-dark/, 'the dashboard does not follow the editor theme');
    panel.dispose();

    for (const name of [
      'exthost-portfolio.html',
      'exthost-portfolio.md',
      'exthost-portfolio.csv',
      'exthost-portfolio.db',
    ]) {
      const target = workspaceUri(name);
      created.push(target);
      await closeAndDelete(target);
      const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('agentdoc.exportPortfolio', target);
      assert.strictEqual(result?.toString(), target.toString(), `${name}: the command did not return the file`);
      const bytes = await vscode.workspace.fs.readFile(target);
      const text = new TextDecoder().decode(bytes);
      if (name.endsWith('.db'))
        assert.strictEqual(text.slice(0, 15), 'SQLite format 3', `${name} is not a SQLite file`);
      // The summary lists only agents that need attention; the others list every agent.
      else if (name.endsWith('.md')) assert.match(text, /^## Agent portfolio\n[\s\S]*### Stage funnel/, name);
      else assert.ok(text.includes('AP invoice exception triage'), `${name} does not name the agent`);
    }
  });

  test('code actions: fix-all (source.fixAll.agentdoc) and the Insert-section quick fix on broken.agentdoc.md', async () => {
    const uri = await findExample('broken.agentdoc.md');
    const { document } = await open(uri);
    const runbook = await until('the AD100 diagnostic', () =>
      vscode.languages.getDiagnostics(uri).find(isMissingRunbook),
    );
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const fixAll = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      whole,
      FIX_ALL_KIND,
    );
    const action = (fixAll ?? []).find((a) => a.kind?.value === FIX_ALL_KIND);
    assert.ok(
      action,
      `no ${FIX_ALL_KIND} action among ${JSON.stringify((fixAll ?? []).map((a) => [a.title, a.kind?.value]))}`,
    );
    assert.ok(action.edit && action.edit.get(uri).length > 0, 'the fix-all action has no edit for the document');
    assert.ok(
      action.edit.get(uri).some((e) => e.newText.includes('## Runbook')),
      'the fix-all edit does not insert the Runbook section',
    );

    const quick = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      runbook.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = (quick ?? []).map((a) => a.title);
    assert.ok(
      titles.some((t) => /^Insert the (\d+ missing sections|"Runbook" section)$/.test(t)),
      `no quick fix inserting the Runbook among ${JSON.stringify(titles)}`,
    );

    // A gate item waiting for a sign-off offers a waiver where its finding is.
    const pending = vscode.languages
      .getDiagnostics(uri)
      .find((d) => d.source === SOURCE && (typeof d.code === 'object' ? d.code.value : d.code) === 'AD201');
    assert.ok(pending, 'no AD201 (awaiting sign-off) diagnostic on broken.agentdoc.md');
    const atPending = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      pending.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const pendingTitles = (atPending ?? []).map((a) => a.title);
    assert.ok(
      pendingTitles.some((t) => t.startsWith('Add a waiver for')),
      `no waiver quick fix among ${JSON.stringify(pendingTitles)}`,
    );
  });

  test('completion: section titles after "## ", missing sections first', async () => {
    const uri = await findExample('broken.agentdoc.md');
    const editor = await open(uri);
    const doc = editor.document;
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.insert(end, '\n\n## ')), 'could not type "## "');
    try {
      const position = doc.lineAt(doc.lineCount - 1).range.end;
      assert.strictEqual(doc.lineAt(position.line).text, '## ');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        uri,
        position,
      );
      // A section the document has is offered as "Title (go to line N)": it goes there, inserting nothing.
      const title = (i: vscode.CompletionItem): string => text(i.label).replace(/ \(go to line \d+\)$/, '');
      const sections = list.items.filter((i) => SECTION_TITLES.includes(title(i)));
      const present = sections.find((i) => title(i) === 'Purpose & scope')!;
      assert.match(text(present.label), /^Purpose & scope \(go to line \d+\)$/);
      assert.strictEqual(typeof present.insertText === 'string' ? present.insertText : present.insertText?.value, '');
      assert.strictEqual(present.command?.command, 'agentdoc.revealItem', 'a present section does not go to itself');
      assert.deepStrictEqual(
        [...new Set(sections.map(title))].sort(),
        [...SECTION_TITLES].sort(),
        'not every section title is offered',
      );
      const sorted = [...sections].sort((a, b) =>
        (a.sortText ?? text(a.label)).localeCompare(b.sortText ?? text(b.label)),
      );
      const missing = ['Runbook', 'Operations', 'User guide', 'Operating cadence'];
      assert.deepStrictEqual(
        sorted.slice(0, missing.length).map(title).sort(),
        [...missing].sort(),
        'the missing sections do not sort first',
      );
      const runbook = sections.find((i) => text(i.label) === 'Runbook')!;
      const insert = typeof runbook.insertText === 'string' ? runbook.insertText : (runbook.insertText?.value ?? '');
      assert.match(insert, /^## Runbook\r?\n/, 'accepting "Runbook" does not insert its heading');
      const range = runbook.range instanceof vscode.Range ? runbook.range : runbook.range?.replacing;
      assert.ok(
        range && range.start.character === 0 && range.end.isEqual(position),
        'the item does not replace the typed "## "',
      );
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  // VS Code filters completion items by the text between the start of the item's range and the cursor ("## "
  // here) against filterText (or the label); an item whose filterText cannot match it is never shown.
  test('completion: the section items survive VS Code\'s filtering of the typed "## "', async () => {
    const uri = await findExample('pilot.agentdoc.md');
    const editor = await open(uri);
    const doc = editor.document;
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.insert(end, '\n\n## ')));
    try {
      const position = doc.lineAt(doc.lineCount - 1).range.end;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        uri,
        position,
      );
      const sections = list.items.filter((i) => SECTION_TITLES.includes(text(i.label)));
      assert.ok(sections.length > 0, 'no section items');
      const typed = '## ';
      const hidden = sections
        .filter((i) => !(i.filterText ?? text(i.label)).startsWith(typed))
        .map((i) => `${text(i.label)} (filterText ${JSON.stringify(i.filterText)})`);
      assert.deepStrictEqual(hidden, [], `items VS Code hides once "${typed}" is typed`);
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('hover on a section heading shows its guidance', async () => {
    const uri = await findExample('pilot.agentdoc.md');
    const { document } = await open(uri);
    const line = lineOf(document, /^## Evaluation\s*$/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(line, 4),
    );
    const texts = (hovers ?? []).map(markdownOf);
    const ours = texts.find((t) => t.includes('**Evaluation**'));
    assert.ok(ours, `no agentdoc hover on "## Evaluation": ${JSON.stringify(texts)}`);
    assert.match(ours, /required from shadow/);
    assert.match(ours, /A reviewer checks:/);
  });

  test('agentdoc.openFormatGuide opens the format guide shipped in the extension (the welcome view links it)', async () => {
    await vscode.commands.executeCommand('agentdoc.openFormatGuide');
    const tab = await until('a preview of format.md', () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .find((candidate) => /format\.md/.test(candidate.label)),
    );
    assert.match(tab.label, /Preview/);
  });
});
