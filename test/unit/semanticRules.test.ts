import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, allRules, type Finding, type TextInsertion } from '../../server/src/engine';
import { capacityArithmetic } from '../../server/src/engine/rules/escalationCapacity';
import { retentionMonths } from '../../server/src/engine/rules/logRetention';
import { check, EXAMPLES_DIR, FIXTURE_DIR, FIXTURE_TODAY, loadFixture } from '../helpers/fixtures';

const COMPLETE = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');

/** Applies pure insertions back to front, so earlier positions stay valid. */
function applyInsertions(text: string, insertions: readonly TextInsertion[]): string {
  const lines = text.split('\n');
  const offsetOf = (line: number, character: number) =>
    lines.slice(0, line).reduce((sum, current) => sum + current.length + 1, 0) + character;
  return [...insertions]
    .map((insertion) => ({ at: offsetOf(insertion.position.line, insertion.position.character), text: insertion.text }))
    .sort((a, b) => b.at - a.at)
    .reduce((result, insertion) => result.slice(0, insertion.at) + insertion.text + result.slice(insertion.at), text);
}

function only(findings: Finding[], code: string): Finding[] {
  return findings.filter((finding) => finding.code === code);
}

describe('semantic rules (AD3xx)', () => {
  const semantic = allRules.filter((rule) => /^AD3\d\d$/.test(rule.code));

  it('every semantic rule has a code of its own, a rationale and sources', () => {
    const codes = semantic.map((rule) => rule.code);
    assert.equal(new Set(codes).size, codes.length, 'duplicate codes');
    for (const rule of semantic) {
      assert.ok(rule.rationale.length > 40 && rule.sources.length > 0, rule.code);
      assert.ok('howToFix' in rule, `${rule.code} has no howToFix`);
    }
  });

  it('every semantic rule is expected somewhere in the fixtures', () => {
    const dir = path.join(FIXTURE_DIR, 'rules');
    const expected = new Set(
      fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.agentdoc.md'))
        .flatMap((name) => loadFixture(path.join(dir, name)).expectations.map((expectation) => expectation.code)),
    );
    assert.deepEqual(
      semantic.map((rule) => rule.code).filter((code) => !expected.has(code)),
      [],
    );
  });

  it('stays silent on the complete example', () => {
    assert.deepEqual(
      analyze(COMPLETE, { today: FIXTURE_TODAY }).findings.map((finding) => `${finding.code} ${finding.message}`),
      [],
    );
  });

  it("shows the escalation arithmetic with the document's own numbers", () => {
    const fixture = loadFixture(path.join(FIXTURE_DIR, 'rules', 'semantic-decisions.agentdoc.md'));
    const [finding] = only(check(fixture.text), 'AD321');
    assert.ok(finding);
    assert.equal(
      finding.message,
      'Escalations at target scale do not fit review capacity: 10,000 tasks/day × (5% escalations + 2% review samples) = 700 reviews/day, but the stated capacity is 200/day (cap 80% = 160/day). Plan capacity for at least 875 reviews/day, or lower the escalation or sampling rate.',
    );
    assert.equal(
      capacityArithmetic(10000, 0.05, undefined, 200, 0.8).text,
      '10,000 tasks/day × 5% escalations = 500 reviews/day, but the stated capacity is 200/day (cap 80% = 160/day)',
    );
    // The complete example's numbers fit: 1,800 × 13% = 234 against 320 × 80% = 256.
    assert.ok(capacityArithmetic(1800, 0.08, 0.05, 320, 0.8).load <= 256);
  });

  it('reads retention durations in days, weeks, months and years', () => {
    assert.deepEqual(retentionMonths('6 months').map(Math.round), [6]);
    assert.deepEqual(retentionMonths('1 year; invoices 10-year').map(Math.round), [12, 120]);
    assert.ok((retentionMonths('180 days')[0] ?? 0) > 5.9);
  });

  it('quick fix: a dangling runbook link gets its ### entry at the end of the Runbook, and the finding goes', () => {
    const text = COMPLETE.replace('[Troubleshooting](#troubleshooting)', '[Throttling](#throttling)');
    const [finding] = only(analyze(text, { today: FIXTURE_TODAY }).findings, 'AD312');
    assert.ok(finding?.fixes?.[0]);
    const fixed = applyInsertions(text, finding.fixes[0].insertions);
    assert.ok(
      fixed.includes(
        '4. The release record lists the prompt version; the audit log must show the same version.\n\n### Throttling\n\n1. TODO: the steps the person on call follows.\n\n## Rollout',
      ),
    );
    assert.deepEqual(only(analyze(fixed, { today: FIXTURE_TODAY }).findings, 'AD312'), []);
  });

  it('quick fix: missing runbook entries are inserted together, and a tool without a failure mode gets a row', () => {
    const text = COMPLETE.replace('### Troubleshooting', '### Known problems')
      .replace('### Restart', '### Start again')
      .replace('[Troubleshooting](#troubleshooting)', '[Known problems](#known-problems)')
      .replace('[Restart](#restart)', '[Start again](#start-again)')
      .replace(
        '| FM-2 | Partial goods receipts mismatched, wrong category | match_po |',
        '| FM-2 | Partial goods receipts mismatched, wrong category | get_invoice |',
      );
    const findings = analyze(text, { today: FIXTURE_TODAY }).findings;
    const [runbook] = only(findings, 'AD370');
    assert.match(runbook?.message ?? '', /no entry for restart and troubleshooting/);
    const [tool] = only(findings, 'AD310');
    assert.match(tool?.message ?? '', /Tool "match_po" has no failure mode/);
    const fixed = applyInsertions(text, [
      ...(runbook?.fixes?.[0]?.insertions ?? []),
      ...(tool?.fixes?.[0]?.insertions ?? []),
    ]);
    assert.ok(fixed.includes('\n| FM-9 | TODO | match_po | TODO | TODO | TODO | TODO |\n'));
    assert.ok(
      fixed.includes(
        '\n\n### Restart\n\n1. TODO: the steps the person on call follows.\n\n### Troubleshooting\n\n1. TODO',
      ),
    );
    const after = analyze(fixed, { today: FIXTURE_TODAY }).findings;
    assert.deepEqual([...only(after, 'AD370'), ...only(after, 'AD310')], []);
  });

  it('keeps CRLF line endings in inserted text', () => {
    const text = COMPLETE.replace('[Troubleshooting](#troubleshooting)', '[Throttling](#throttling)').replace(
      /\n/g,
      '\r\n',
    );
    const [finding] = only(analyze(text, { today: FIXTURE_TODAY }).findings, 'AD312');
    const inserted = finding?.fixes?.[0]?.insertions[0]?.text ?? '';
    assert.ok(inserted.includes('\r\n### Throttling\r\n'));
    assert.ok(!/[^\r]\n/.test(inserted));
  });
});
