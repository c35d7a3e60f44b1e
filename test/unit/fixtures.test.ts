import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, describeFinding, FIXTURE_DIR, loadFixture } from '../helpers/fixtures';

const RULE_FIXTURES = path.join(FIXTURE_DIR, 'rules');

/**
 * Each fixture carries its expectations inline, as `{AD100}` markers at the end of the line a
 * finding must start on (markdownlint's habit), so the fixture shows what it tests.
 */
describe('rule fixtures (inline expectations)', () => {
  const files = fs
    .readdirSync(RULE_FIXTURES)
    .filter((name) => name.endsWith('.agentdoc.md'))
    .sort();
  it('has fixtures to run', () => assert.ok(files.length >= 10, `only ${files.length} fixtures`));
  for (const name of files) {
    it(name, () => {
      const fixture = loadFixture(path.join(RULE_FIXTURES, name));
      assert.ok(fixture.checkedCodes.size > 0, 'a fixture must expect something');
      const findings = check(fixture.text, path.join(RULE_FIXTURES, name)).filter((finding) =>
        fixture.checkedCodes.has(finding.code),
      );
      // A marker with a severity must match it; several markers of one code on a line match as a multiset.
      const actual = findings
        .map((finding) => `${finding.range.start.line + 1} ${finding.code}/${finding.severity}`)
        .sort();
      const remaining = [...actual];
      const expected = fixture.expectations
        .map((expectation) => {
          const prefix = `${expectation.line + 1} ${expectation.code}/`;
          const at = remaining.findIndex((key) =>
            expectation.severity ? key === prefix + expectation.severity : key.startsWith(prefix),
          );
          const key = at >= 0 ? (remaining.splice(at, 1)[0] ?? '') : prefix + (expectation.severity ?? '?');
          return key;
        })
        .sort();
      assert.deepEqual(actual, expected, `findings:\n  ${findings.map(describeFinding).join('\n  ')}`);
      assert.equal(check(fixture.text).filter((finding) => finding.code === 'AD900').length, 0, 'no rule may crash');
    });
  }
});
