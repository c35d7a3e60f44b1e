import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type Finding } from '../../server/src/engine';
import { applyInsertions, fixAll, quickFixes } from '../../server/src/engine/features/codeActions';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { EXAMPLES_DIR, FIXTURE_TODAY } from '../helpers/fixtures';

const run = (text: string) => analyze(text, { today: FIXTURE_TODAY });
const key = (finding: Finding) => `${finding.code} ${finding.subject?.id ?? ''} ${finding.message}`;

/** Applies the first fix of the finding, then re-checks: the finding must be gone. */
function applyFirstFix(
  text: string,
  pick: (finding: Finding) => boolean,
): { fixed: string; before: Finding[]; after: Finding[] } {
  const before = run(text).findings;
  const finding = before.find(pick);
  assert.ok(finding?.fixes?.length, 'expected a finding with a fix');
  const index = new LineIndex(text);
  const fixed = applyInsertions(text, finding.fixes[0]!.insertions, (position) => index.offsetAt(position));
  const after = run(fixed).findings;
  assert.ok(
    !after.some((candidate) => key(candidate) === key(finding)),
    `the finding is still reported: ${finding.message}`,
  );
  return { fixed, before, after };
}

/** Insertions only: deleting the inserted text must give back the original. */
function assertInsertionsOnly(original: string, fixed: string): void {
  let i = 0;
  for (let j = 0; j < fixed.length && i < original.length; j++) if (fixed[j] === original[i]) i++;
  assert.equal(i, original.length, 'the fix changed or removed text it did not insert');
}

const complete = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');

function withoutSection(text: string, title: string): string {
  const start = text.indexOf(`\n## ${title}\n`);
  const end = text.indexOf('\n## ', start + 4);
  return text.slice(0, start + 1) + text.slice(end + 1);
}

describe('quick fixes (apply, compare, re-check)', () => {
  it("inserts a missing section at its canonical place, with the document's heading level", () => {
    const text = withoutSection(complete, 'Runbook');
    const { fixed, after, before } = applyFirstFix(
      text,
      (finding) => finding.code === 'AD100' && finding.subject?.id === 'runbook',
    );
    assertInsertionsOnly(text, fixed);
    const runbookAt = fixed.indexOf('\n## Runbook\n');
    assert.ok(
      runbookAt > fixed.indexOf('\n## User guide\n') && runbookAt < fixed.indexOf('\n## Rollout\n'),
      'Runbook lands between User guide and Rollout',
    );
    assert.ok(fixed.includes('\n## Runbook\n\n### Restart\n\n1. TODO\n'));
    // Nothing new appears except the template's own TODO markers, which ask to be filled in.
    const beforeKeys = new Set(before.map(key));
    const fresh = after.filter((finding) => !beforeKeys.has(key(finding)));
    assert.deepEqual([...new Set(fresh.map((finding) => finding.code))], ['AD102']);
  });

  it('inserts at the end when no later section exists, and keeps CRLF line endings', () => {
    const text =
      '---\r\nid: demo\r\nname: Demo\r\nstage: pilot\r\nowner:\r\n  name: Ana Lima\r\nrisk:\r\n  personal_data: false\r\n  customer_facing: false\r\n---\r\n# Demo ✓\r\n\r\n## Purpose & scope\r\n\r\nÉtiquette 🎫.\r\n';
    // Every missing section goes at the end here, so they are one finding with one fix.
    const { fixed } = applyFirstFix(
      text,
      (finding) => finding.code === 'AD100' && finding.message.includes('Operating cadence'),
    );
    assertInsertionsOnly(text, fixed);
    assert.ok(fixed.endsWith('**Retirement criteria:** TODO\r\n'), JSON.stringify(fixed.slice(-60)));
    assert.ok(!/[^\r]\n/.test(fixed), 'every line break is CRLF');
  });

  it('adds a missing front-matter key inside its parent mapping', () => {
    const text = complete.replace(/\n {2}deputy: [^\n]*/, '').replace('stage: production', 'stage: shadow');
    const { fixed, after } = applyFirstFix(text, (finding) => finding.subject?.id === 'owner-trained');
    assertInsertionsOnly(text, fixed);
    // The item stays open, now waiting on the placeholder the fix inserted: one finding says so.
    const placeholder = after.find((finding) => finding.code === 'AD006');
    assert.match(placeholder?.message ?? '', /"owner" block still has a placeholder \(deputy\)/);
    assert.ok(placeholder?.related?.some((related) => related.message.includes('Owner trained and ready')));
    assert.ok(!after.some((finding) => finding.subject?.id === 'owner-trained'));
    const owner = /\nowner:\n((?: {2}[^\n]*\n)+)/.exec(fixed)?.[1] ?? '';
    assert.match(owner, /^ {2}deputy: TODO$/m, owner);
  });

  it('adds a missing block with every key its items need, before the closing fence', () => {
    const text = complete.replace(/\nrollback:\n(?: {2}[^\n]*\n)+/, '\n').replace('stage: production', 'stage: pilot');
    const { fixed, after } = applyFirstFix(
      text,
      (finding) => finding.code === 'AD005' && finding.subject?.id === 'rollback',
    );
    assertInsertionsOnly(text, fixed);
    assert.match(
      fixed,
      /\nrollback:\n {2}trigger_metric: TODO\n {2}threshold: TODO\n {2}authority: TODO\n {2}kill_switch: TODO\n---\n/,
    );
    assert.match(after.find((finding) => finding.code === 'AD006')?.message ?? '', /"rollback" block still has 4/);
  });

  for (const [what, firstKey] of [
    ['an anchor', '  &o name: Daniel Okafor'],
    ['a tag', '  !!str name: Daniel Okafor'],
    ['an explicit key', '  ? name\n  : Daniel Okafor'],
  ] as const) {
    it(`adds a key at the mapping's indentation when the first key carries ${what} (issue 13.3)`, () => {
      const pilot = fs.readFileSync(path.join(EXAMPLES_DIR, 'pilot.agentdoc.md'), 'utf8');
      const text = pilot.replace('\n  name: Daniel Okafor\n', `\n${firstKey}\n`);
      const before = run(text);
      const data = before.model?.frontMatter?.data as Record<string, unknown>;
      const fixes = before.findings
        .flatMap((finding) => finding.fixes ?? [])
        .filter((fix) => fix.title.startsWith('Add "'));
      assert.ok(
        fixes.some((fix) => fix.title.startsWith('Add "owner.deputy"')),
        'a key of the mapping is among the fixes',
      );
      for (const fix of fixes) {
        const index = new LineIndex(text);
        const fixed = applyInsertions(text, fix.insertions, (position) => index.offsetAt(position));
        const after = run(fixed);
        assert.deepEqual(
          after.findings.filter((finding) => finding.code === 'AD001').map((finding) => finding.message),
          [],
        );
        const dotted = /^Add "([^"]+)"/.exec(fix.title)![1]!.split('.');
        const fixedData = after.model?.frontMatter?.data as Record<string, unknown>;
        let value: unknown = fixedData;
        for (const part of dotted) value = (value as Record<string, unknown> | undefined)?.[part];
        assert.equal(value, 'TODO', `${fix.title}: the key is where it was meant to go`);
        for (const [name, old] of Object.entries(data))
          if (name !== dotted[0]) assert.deepEqual(fixedData[name], old, `${fix.title}: "${name}" is unchanged`);
      }
    });
  }

  it('fix-all inserts every missing section once, in canonical order, and re-checks clean of AD100', () => {
    const text = withoutSection(withoutSection(withoutSection(complete, 'Runbook'), 'User guide'), 'Failure modes');
    const result = run(text);
    const plan = fixAll(result);
    assert.ok(plan);
    const index = new LineIndex(text);
    const fixed = applyInsertions(text, plan.insertions, (position) => index.offsetAt(position));
    assertInsertionsOnly(text, fixed);
    assert.equal(run(fixed).findings.filter((finding) => finding.code === 'AD100').length, 0);
    const order = ['## Failure modes', '## User guide', '## Runbook', '## Rollout'].map((heading) =>
      fixed.indexOf(`\n${heading}\n`),
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
    );
  });

  it('offers quick fixes only for findings under the requested range', () => {
    const text = withoutSection(complete, 'Runbook');
    const result = run(text);
    const target = result.findings.find((finding) => finding.code === 'AD100');
    assert.ok(target);
    assert.ok(quickFixes(result, target.range).some((plan) => plan.title.includes('Runbook')));
    assert.deepEqual(
      quickFixes(result, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }).filter((plan) =>
        plan.title.includes('Runbook'),
      ),
      [],
    );
  });
});

describe('waiver skeleton fix', () => {
  it('adds a waiver row to the waivers table; the incomplete waiver is reported until filled in', () => {
    const text = complete
      .replace('stage: production', 'stage: production')
      .replace(/\n\| handover \| pass \|[^\n]*/, '');
    const result = run(text);
    const finding = result.findings.find((candidate) => candidate.subject?.id === 'handover');
    assert.ok(finding, 'handover sign-off removed, so the item is open');
    const fix = finding.fixes?.find((candidate) => candidate.title === 'Add a waiver for "handover"');
    assert.ok(fix && !fix.safe, 'a waiver is a decision, never applied by fix-all');
    const index = new LineIndex(text);
    const fixed = applyInsertions(text, fix.insertions, (position) => index.offsetAt(position));
    assertInsertionsOnly(text, fixed);
    assert.match(fixed, /\n\| handover \| TODO: why this item can wait \| TODO: who approves \| 2027-02-21 \|\n/);
    assert.ok(
      run(fixed).findings.some(
        (candidate) => candidate.code === 'AD202' && candidate.message.includes('"handover" does not count'),
      ),
    );
  });
});

describe('missing column fix', () => {
  it('appends the column to the header, the delimiter row and every row, and the finding goes', () => {
    const text = complete
      .replace(/\| Tool \| System \| Access \|/, '| Tool | System |')
      .replace(
        /\|---\|---\|---\|---\|---\|---\|---\|---\|---\|---\|---\|---\|\n\| get_invoice/,
        '|---|---|---|---|---|---|---|---|---|---|---|\n| get_invoice',
      )
      .replace(/^(\| [a-z_]+ \| [^|]+\|) (read|write|read-write) \|/gm, '$1');
    const before = run(text).findings.find((finding) => finding.code === 'AD111');
    assert.ok(before, 'the Tools table lacks its Access column');
    const fix = before.fixes?.[0];
    assert.ok(fix && !fix.safe, 'adding a column is offered, not applied by fix-all');
    const index = new LineIndex(text);
    const fixed = applyInsertions(text, fix.insertions, (position) => index.offsetAt(position));
    assertInsertionsOnly(text, fixed);
    assert.match(
      fixed,
      /\| Tool \| System \| Side effects \| Auth \| Rate limit \| Data classes \| On failure \| Kind \| Server \| Approval \| Exposure \| Access \|\n\|---\|---\|---\|---\|---\|---\|---\|---\|---\|---\|---\| --- \|\n\| get_invoice \|[^\n]* TODO \|\n/,
    );
    assert.ok(!run(fixed).findings.some((finding) => finding.code === 'AD111'));
  });
});

describe('front-matter key fixes and the schema (issue 13.2): TODO only where AD003 takes it as a placeholder', () => {
  const errors = (text: string) => run(text).findings.filter((finding) => finding.severity === 'error');
  const apply = (text: string, insertions: Parameters<typeof applyInsertions>[1]) => {
    const index = new LineIndex(text);
    return applyInsertions(text, insertions, (position) => index.offsetAt(position));
  };

  it('fix-all on the pilot example adds no error (it added TODO to three typed keys: exit 0 became 1)', () => {
    const pilot = fs.readFileSync(path.join(EXAMPLES_DIR, 'pilot.agentdoc.md'), 'utf8');
    const plan = fixAll(run(pilot));
    const fixed = plan ? apply(pilot, plan.insertions) : pilot;
    assert.deepEqual(errors(fixed).map(key), errors(pilot).map(key));
  });

  it('no safe fix of any example raises a schema error', () => {
    for (const name of fs.readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.agentdoc.md'))) {
      const text = fs.readFileSync(path.join(EXAMPLES_DIR, name), 'utf8');
      const schemaErrors = (source: string) => run(source).findings.filter((finding) => finding.code === 'AD003');
      const before = schemaErrors(text).length;
      for (const fix of run(text)
        .findings.flatMap((finding) => finding.fixes ?? [])
        .filter((f) => f.safe)) {
        const added = schemaErrors(apply(text, fix.insertions)).slice(before);
        assert.deepEqual(added.map(key), [], `${name}: ${fix.title}`);
      }
    }
  });
});
