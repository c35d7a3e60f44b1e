import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { EXAMPLES_DIR } from '../helpers/fixtures';
import { StdioLspClient } from '../helpers/lspClient';

const complete = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');
const lines = complete.split('\n');
const lineOf = (predicate: (line: string) => boolean): number => lines.findIndex(predicate);

describe('editor features over stdio', () => {
  let client: StdioLspClient;
  const uri = 'untitled:/features.agentdoc.md';
  before(async () => {
    client = new StdioLspClient();
    await client.initialize();
  });
  after(async () => {
    await client.close();
  });

  it('codeAction: offers the missing-section quick fix, pinned to the document version', async () => {
    const text = complete.replace('## Runbook', '## Runbok');
    const docUri = 'untitled:/actions.agentdoc.md';
    await client.open(docUri, text, 7);
    const published = await client.diagnostics(docUri);
    const missing = published.diagnostics.find(
      (diagnostic) => diagnostic.code === 'AD100' && String(diagnostic.message).includes('"Runbook"'),
    );
    assert.ok(missing);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: docUri },
      range: missing.range,
      context: { diagnostics: [missing], only: ['quickfix'] },
    });
    const action = actions.find((candidate) => candidate.title.includes('Runbook'));
    assert.equal(action?.kind, 'quickfix');
    const change = action?.edit?.documentChanges?.[0] as
      { textDocument: { version: number }; edits: TextEdit[] } | undefined;
    assert.equal(change?.textDocument.version, 7);
    assert.ok(change?.edits[0]?.newText.startsWith('## Runbook'));
    assert.deepEqual(change?.edits[0]?.range.start, change?.edits[0]?.range.end, 'an insertion, not a replacement');
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: docUri },
      range: missing.range,
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(fixAll[0]?.kind, 'source.fixAll.agentdoc');
  });

  it('completion: missing sections first after a #, enum values in the front matter', async () => {
    const text = complete.replace('## Runbook', '## Runbok') + '\n## \n';
    const docUri = 'untitled:/completion.agentdoc.md';
    await client.open(docUri, text);
    const last = text.split('\n').length - 2;
    const sections = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: docUri },
      position: { line: last, character: 3 },
    });
    const sorted = [...sections].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.equal(sorted[0]?.label, 'Runbook');
    const stageLine = text.split('\n').findIndex((line) => line.startsWith('stage:'));
    const values = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: docUri },
      position: { line: stageLine, character: 'stage: '.length },
    });
    assert.deepEqual(
      values.map((item) => item.label),
      ['pilot', 'shadow', 'canary', 'production', 'retired'],
    );
    // A section the document has is offered as a way to it: no text inserted, the typed "## " removed.
    const purpose = sections.find((item) => item.label.startsWith('Purpose & scope'));
    const purposeLine = text.split('\n').indexOf('## Purpose & scope');
    assert.equal(purpose?.label, `Purpose & scope (go to line ${purposeLine + 1})`);
    assert.equal((purpose?.textEdit as { newText: string } | undefined)?.newText, '');
    assert.equal(purpose?.filterText, '## Purpose & scope');
    assert.deepEqual(purpose?.command?.arguments?.[0], docUri);
    assert.equal((purpose?.command?.arguments?.[1] as { start: { line: number } }).start.line, purposeLine);
    assert.ok(!sections.some((item) => item.label === 'Purpose & scope'), 'a present section offered for insertion');
  });

  it('completion in the front matter: keys and values only, list values inside [...] and after "- "', async () => {
    const front = [
      '---',
      'id: lists',
      'name: Lists',
      'stage: pilot',
      'owner:',
      '  name: Ana Lima',
      '  responsibilities:',
      '    - triage',
      '    - ',
      'risk:',
      '  data_categories: [contact, ',
      '---',
      '# Lists',
      '',
    ].join('\n');
    const docUri = 'untitled:/lists.agentdoc.md';
    await client.open(docUri, front);
    const at = async (line: number, character: number) =>
      (
        await client.request<CompletionItem[]>('textDocument/completion', {
          textDocument: { uri: docUri },
          position: { line, character },
        })
      ).map((item) => item.label);
    const dash = await at(8, 6);
    assert.ok(dash.includes('change-authority') && !dash.includes('triage'), JSON.stringify(dash));
    const flow = await at(10, '  data_categories: [contact, '.length);
    assert.ok(flow.includes('financial') && !flow.includes('contact'), JSON.stringify(flow));
    const keys = await at(2, 0);
    assert.ok(keys.length > 0 && !keys.some((label) => /Runbook|Purpose/.test(label)), JSON.stringify(keys));
  });

  it('hover: section guidance on a heading, schema description on a key, arithmetic on volumes', async () => {
    await client.open(uri, complete);
    const heading = lineOf((line) => line === '## Runbook');
    const onHeading = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: heading, character: 4 },
    });
    assert.match((onHeading.contents as { value: string }).value, /A reviewer checks/);
    const stage = lineOf((line) => line.startsWith('stage:'));
    const onKey = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: stage, character: 2 },
    });
    assert.match((onKey.contents as { value: string }).value, /Lifecycle stage/);
    const volumes = lineOf((line) => line.includes('tasks_per_day_target'));
    const onVolumes = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: volumes, character: 4 },
    });
    assert.match((onVolumes.contents as { value: string }).value, /tasks\/day × .* reviews\/day/);
  });

  it('documentSymbol and foldingRange: sections with their subsections', async () => {
    await client.open(uri, complete);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const runbook = symbols.find((symbol) => symbol.name === 'Runbook');
    assert.ok(runbook && (runbook.children?.length ?? 0) >= 7);
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((fold) => fold.startLine === lineOf((line) => line === '## Runbook')));
  });

  it('definition and references: a runbook anchor link leads to its heading and back', async () => {
    await client.open(uri, complete);
    const linkLine = lineOf((line) => line.includes('](#') && line.startsWith('|'));
    const character = lines[linkLine]!.indexOf('](#') + 4;
    const target = await client.request<Location>('textDocument/definition', {
      textDocument: { uri },
      position: { line: linkLine, character },
    });
    assert.match(lines[target.range.start.line] ?? '', /^### /);
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: target.range.start,
      context: { includeDeclaration: false },
    });
    assert.ok(refs.some((ref) => ref.range.start.line === linkLine));
  });

  it('documentLink: evidence files resolve next to the document', async () => {
    const docUri = pathToFileURL(path.join(EXAMPLES_DIR, 'complete.agentdoc.md')).toString();
    await client.open(docUri, complete);
    const links = await client.request<Array<{ target: string }>>('textDocument/documentLink', {
      textDocument: { uri: docUri },
    });
    assert.ok(links.length >= 20);
    assert.ok(
      links.every((link) => link.target.startsWith(pathToFileURL(path.join(EXAMPLES_DIR, 'evidence')).toString())),
    );
  });

  it('codeLens: the readiness summary at the top', async () => {
    await client.open(uri, complete);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.match(lenses[0]?.command?.title ?? '', /^agentdoc: Production · /);
    const prompt = lenses.find((lens) => lens.range.start.line === lineOf((line) => line === '## Prompt'));
    assert.ok(prompt && !prompt.command, 'the token count is resolved lazily');
    const resolved = await client.request<CodeLens>('codeLens/resolve', prompt);
    const tokens = Number(/≈ ([\d,]+) tokens \(o200k_base/.exec(resolved.command?.title ?? '')?.[1]?.replace(/,/g, ''));
    // The complete example's prompt is a few hundred words: a sane count, not zero.
    assert.ok(tokens > 100 && tokens < 5000, resolved.command?.title);
  });
});
