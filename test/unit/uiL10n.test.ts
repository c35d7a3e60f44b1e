import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const REPO = path.resolve(__dirname, '../../..');
const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(REPO, file), 'utf8'));

function clientFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? clientFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every vscode.l10n.t('…') message of the extension; a non-literal message is a problem. */
function clientMessages(): { messages: Set<string>; problems: string[] } {
  const messages = new Set<string>();
  const problems: string[] = [];
  for (const file of clientFiles(path.join(REPO, 'client/src'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.getText(source) === 'vscode.l10n.t') {
        const first = node.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) messages.add(first.text);
        else problems.push(`${path.relative(REPO, file)}: vscode.l10n.t needs a literal message`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages, problems };
}

const indices = (text: string) => [...new Set([...text.matchAll(/\{(\d+)\}/g)].map((m) => m[1]))].sort().join();

describe('extension UI in German and French (package.nls, l10n bundles)', () => {
  it('has every %key% of package.json in package.nls.json, and German and French for each', () => {
    const manifest = fs.readFileSync(path.join(REPO, 'package.json'), 'utf8');
    const used = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!))].sort();
    const english = Object.keys(read('package.nls.json') as object).sort();
    assert.deepEqual(english, used, 'package.nls.json keys are the ones package.json uses');
    for (const locale of ['de', 'fr']) {
      const translated = read(`package.nls.${locale}.json`) as Record<string, string>;
      assert.deepEqual(Object.keys(translated).sort(), used, locale);
      for (const value of Object.values(translated)) assert.ok(value.trim().length > 0, locale);
    }
    assert.equal((JSON.parse(manifest) as { l10n?: string }).l10n, './l10n');
  });

  it('translates every vscode.l10n.t message of the client, with the same {n} arguments, and nothing stale', () => {
    const { messages, problems } = clientMessages();
    assert.deepEqual(problems, []);
    assert.ok(messages.size > 30, `only ${messages.size} client messages`);
    for (const locale of ['de', 'fr']) {
      const bundle = read(`l10n/bundle.l10n.${locale}.json`) as Record<string, string>;
      assert.deepEqual(
        [...messages].filter((message) => bundle[message] === undefined),
        [],
        `${locale}: untranslated`,
      );
      assert.deepEqual(
        Object.keys(bundle).filter((key) => !messages.has(key)),
        [],
        `${locale}: stale`,
      );
      assert.deepEqual(
        Object.entries(bundle)
          .filter(([key, value]) => indices(key) !== indices(value))
          .map(([key]) => key),
        [],
        `${locale}: arguments`,
      );
    }
  });
});
