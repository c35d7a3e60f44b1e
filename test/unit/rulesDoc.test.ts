import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderRulesDoc, ruleEntries } from '../../server/src/engine/catalogue/rulesDoc';
import { REPO_ROOT } from '../helpers/fixtures';

describe('docs/rules.md', () => {
  it('is up to date with the rule data (regenerate with npm run docs:rules)', () => {
    const file = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8').replace(/\r\n/g, '\n');
    assert.ok(file === renderRulesDoc(), 'docs/rules.md is stale: run npm run docs:rules and commit the result');
  });

  it('has an anchor, a why and a how-to-fix for every code, including gate, workspace and engine codes', () => {
    const doc = renderRulesDoc();
    const codes = ruleEntries().map((entry) => entry.code);
    for (const code of [
      'AD001',
      'AD112',
      'AD200',
      'AD201',
      'AD202',
      'AD300',
      'AD321',
      'AD380',
      'AD381',
      'AD900',
      'AD901',
      'AD902',
    ])
      assert.ok(codes.includes(code), code);
    for (const entry of ruleEntries()) {
      assert.ok(doc.includes(`<a id="${entry.code.toLowerCase()}"></a>`), entry.code);
      assert.ok(entry.howToFix.length > 10, `${entry.code} has no how-to-fix`);
    }
  });
});
