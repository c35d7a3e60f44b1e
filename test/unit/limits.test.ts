import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';

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
});
