import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { EXAMPLES_DIR, FIXTURE_TODAY } from '../helpers/fixtures';

/** The hostile-input guards are settings (agentdoc.maxYamlNesting, agentdoc.maxFindingsPerRule). */
describe('analysis limits from settings', () => {
  const nested = (depth: number) => `---\nid: deep\nx: ${'['.repeat(depth)}${']'.repeat(depth)}\n---\n# Deep\n`;

  it('front matter deeper than maxYamlDepth is not read, with one finding naming the setting', () => {
    assert.ok(!analyze(nested(30)).findings.some((finding) => finding.message.includes('nested more than')));
    const limited = analyze(nested(30), { limits: { maxYamlDepth: 10 } }).findings.filter(
      (finding) => finding.code === 'AD001',
    );
    assert.equal(limited.length, 1);
    assert.match(limited[0]!.message, /nested more than 10 levels deep \(setting agentdoc\.maxYamlNesting\)/);
  });

  it('more findings than maxFindingsPerRule from one rule are summed up', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `| decision-${i} | sometimes | criteria | yes |`).join('\n');
    const text = `---\nid: many\nname: Many\nstage: pilot\nowner:\n  name: Ana Lima\nrisk:\n  personal_data: false\n  customer_facing: false\n---\n# Many\n\n## Decision architecture\n\n| Decision | Mode | Criteria | Reversible |\n|---|---|---|---|\n${rows}\n`;
    const all = analyze(text).findings.filter((finding) => finding.code === 'AD112');
    assert.equal(all.length, 40);
    const capped = analyze(text, { limits: { maxFindingsPerRule: 10 } }).findings.filter(
      (finding) => finding.code === 'AD112',
    );
    assert.equal(capped.length, 11);
    assert.match(capped[10]!.message, /^30 more AD112/);
  });

  it('findings that wait on a root cause are not counted as hidden by the cap (tools against a template Failure modes section)', () => {
    const complete = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');
    const template = [
      '## Failure modes',
      '',
      '| ID | Failure | Tool | Detection | Impact | Tolerable | Recovery |',
      '|---|---|---|---|---|---|---|',
      '| FM-1 | TODO | TODO | TODO | TODO | no | [TODO](#restart) |',
      '',
    ].join('\n');
    const withTools = (count: number): string => {
      const rows = Array.from(
        { length: count },
        (_, i) =>
          `| tool_${i} | System ${i} | read | none | OAuth | 10/s | internal | retry | api | | none | private-data |`,
      ).join('\n');
      const text = complete.replace(/## Failure modes\n[\s\S]*?(?=\n## )/, template);
      return text.replace(/(\| Tool \|[^\n]*\n\|[-| :]*\|\n)/, `$1${rows}\n`);
    };
    const summary = (text: string) => analyze(text, { today: FIXTURE_TODAY, limits: { maxFindingsPerRule: 10 } });
    const under = summary(withTools(10));
    const over = summary(withTools(11));
    // Eleven tools with no failure mode all wait on the template section: none listed, none "more".
    assert.ok(!over.findings.some((finding) => / more .* not listed/.test(finding.message)));
    assert.equal(over.verdict.phrase, under.verdict.phrase);
  });
});
