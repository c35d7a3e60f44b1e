import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, knownRuleCodes, loadConfig, ruleCatalogue, ruleInfo } from '../../server/src/engine';
import { renderRulesDoc } from '../../server/src/engine/catalogue/rulesDoc';
import { EXAMPLES_DIR, FIXTURE_DIR, FIXTURE_TODAY, REPO_ROOT } from '../helpers/fixtures';

/** Every code in a text: fixtures' {ADnnn} markers, golden files, docs. */
function codesIn(text: string): string[] {
  return [...new Set(text.match(/\bAD\d{3}\b/g) ?? [])];
}

function filesUnder(dir: string, suffix: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(suffix))
    .map((file) => path.join(dir, file));
}

describe('the rule catalogue', () => {
  it('docs/rules.md is generated from it (regenerate with npm run docs:rules)', () => {
    const file = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8').replace(/\r\n/g, '\n');
    assert.ok(file === renderRulesDoc(), 'docs/rules.md is stale: run npm run docs:rules and commit the result');
  });

  it('has a unique code, a why, a how-to-fix and a default severity for every entry', () => {
    const doc = renderRulesDoc();
    const codes = ruleCatalogue.map((entry) => entry.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const entry of ruleCatalogue) {
      assert.match(entry.code, /^AD\d{3}$/);
      assert.ok(doc.includes(`<a id="${entry.code.toLowerCase()}"></a>`), entry.code);
      assert.ok(entry.rationale.length > 20, `${entry.code} has no rationale`);
      assert.ok(entry.howToFix.length > 10, `${entry.code} has no how-to-fix`);
      assert.ok(['stage', 'error', 'warning', 'information', 'hint'].includes(entry.defaultSeverity), entry.code);
    }
  });

  it('knows every code a fixture, golden file, example or the docs name, and config accepts each', () => {
    const texts = [
      ...filesUnder(FIXTURE_DIR, '.md'),
      ...filesUnder(path.join(REPO_ROOT, 'test', 'golden'), ''),
      ...filesUnder(path.join(REPO_ROOT, 'docs'), '.md'),
      path.join(REPO_ROOT, 'README.md'),
      path.join(REPO_ROOT, 'schemas', 'config.schema.json'),
    ].map((file) => fs.readFileSync(file, 'utf8'));
    const named = new Set(texts.flatMap(codesIn));
    const unknown = [...named].filter((code) => !ruleInfo(code));
    assert.deepEqual(unknown, [], 'codes named somewhere but missing from the catalogue');
    const all = [...knownRuleCodes()];
    const config = loadConfig(`rules:\n${all.map((code) => `  ${code}: off`).join('\n')}\n`, '.agentdoc.yaml');
    assert.deepEqual(config.problems, []);
    assert.equal(Object.keys(config.severityOverrides).length, all.length);
  });

  it('knows every code the engine reports on the examples and fixtures', () => {
    const texts = [...filesUnder(EXAMPLES_DIR, '.agentdoc.md'), ...filesUnder(FIXTURE_DIR, '.agentdoc.md')].map(
      (file) => fs.readFileSync(file, 'utf8').replace(/[ \t]*\{AD\d{3}(\/\w+)?\}/g, ''),
    );
    for (const text of texts) {
      for (const stage of ['pilot', 'shadow', 'canary', 'production']) {
        for (const finding of analyze(text, { today: FIXTURE_TODAY, stageOverride: stage }).findings) {
          const info = ruleInfo(finding.code);
          assert.ok(info, `${finding.code} is reported but not in the catalogue`);
          assert.equal(finding.rule, info.name, `${finding.code} is reported under another name`);
        }
      }
    }
  });
});
