import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDocument, crossCheck, finishDocument, type Finding, type ResolvedConfig } from '../../server/src/engine';
import {
  check,
  checkWithAgentFiles,
  describeFinding,
  FIXTURE_DIR,
  FIXTURE_TODAY,
  loadFixture,
  type Fixture,
} from '../helpers/fixtures';

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
    it(name, async () => {
      const fixture = loadFixture(path.join(RULE_FIXTURES, name));
      assert.ok(fixture.checkedCodes.size > 0, 'a fixture must expect something');
      const findings = (await checkWithAgentFiles(fixture.text, path.join(RULE_FIXTURES, name))).filter((finding) =>
        fixture.checkedCodes.has(finding.code),
      );
      const { actual, expected } = compare(fixture, findings);
      assert.deepEqual(actual, expected, `findings:\n  ${findings.map(describeFinding).join('\n  ')}`);
      assert.equal(check(fixture.text).filter((finding) => finding.code === 'AD900').length, 0, 'no rule may crash');
    });
  }

  // A folder named *.workspace holds documents checked together (the cross-document checks), each
  // with its own markers, through the pipeline the CLI and the editor share.
  const workspaces = fs
    .readdirSync(RULE_FIXTURES)
    .filter((name) => name.endsWith('.workspace'))
    .sort();
  for (const name of workspaces) {
    it(name, () => {
      const dir = path.join(RULE_FIXTURES, name);
      const fixtures = fs
        .readdirSync(dir)
        .filter((file) => file.endsWith('.agentdoc.md'))
        .sort()
        .map((file) => loadFixture(path.join(dir, file)));
      const checks = fixtures.map((fixture) =>
        checkDocument(`/fixtures/${name}/${fixture.name}`, fixture.text, NO_CONFIG, { today: FIXTURE_TODAY }),
      );
      const workspace = crossCheck(checks.flatMap((one) => (one.identity ? [one.identity] : [])));
      fixtures.forEach((fixture, index) => {
        const checkedCodes = fixtures.reduce(
          (codes, other) => new Set([...codes, ...other.checkedCodes]),
          new Set<string>(),
        );
        const findings = finishDocument(checks[index]!, workspace).findings.filter((finding) =>
          checkedCodes.has(finding.code),
        );
        const { actual, expected } = compare(fixture, findings);
        assert.deepEqual(actual, expected, `${fixture.name}:\n  ${findings.map(describeFinding).join('\n  ')}`);
      });
    });
  }
});

const NO_CONFIG: ResolvedConfig = { path: undefined, text: undefined, loaded: undefined };

/** Findings against a fixture's markers; a marker with a severity must match it, several of one code on a line match as a multiset. */
function compare(fixture: Fixture, findings: readonly Finding[]): { actual: string[]; expected: string[] } {
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
      return at >= 0 ? (remaining.splice(at, 1)[0] ?? '') : prefix + (expectation.severity ?? '?');
    })
    .sort();
  return { actual, expected };
}
