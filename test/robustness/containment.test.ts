import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, analyze } from '../../server/src/engine';
import type { Rule } from '../../server/src/engine/rules/rule';
import { EXAMPLES_DIR, FIXTURE_TODAY } from '../helpers/fixtures';
import { invariantViolations } from './invariants';

const throwingRule: Rule = {
  code: 'AD999',
  name: 'always-throws',
  description: 'A rule with a bug, for the containment test.',
  rationale: 'none',
  howToFix: 'none',
  sources: [],
  defaultSeverity: 'error',
  check() {
    throw new TypeError("Cannot read properties of undefined (reading 'cells')");
  },
};

describe('crash containment', () => {
  for (const name of fs.readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.agentdoc.md'))) {
    it(`${name}: a throwing rule gives exactly one AD900 and leaves every other finding unchanged`, () => {
      const text = fs.readFileSync(path.join(EXAMPLES_DIR, name), 'utf8');
      const plain = analyze(text, { today: FIXTURE_TODAY }).findings;
      const middle = Math.floor(allRules.length / 2);
      const rules = [...allRules.slice(0, middle), throwingRule, ...allRules.slice(middle)];
      const withBug = analyze(text, { today: FIXTURE_TODAY, rules }).findings;
      const internal = withBug.filter((finding) => finding.code === 'AD900');
      assert.equal(internal.length, 1);
      assert.match(
        internal[0]!.message,
        /could not run rule AD999 \(always-throws\).*reading 'cells'.*Other rules ran normally/,
      );
      assert.deepEqual(
        withBug.filter((finding) => finding.code !== 'AD900'),
        plain,
      );
    });
  }

  it('a failure before the rules (model, facts, readiness) is one AD900 too, not an exception', () => {
    const hostileSchemas = new Proxy({} as never, {
      get() {
        throw new RangeError('schema set exploded');
      },
    });
    const { findings } = analyze('---\nid: x\n---\n# X\n', { schemas: hostileSchemas });
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.code, 'AD900');
    assert.match(findings[0]!.message, /could not read this document: schema set exploded/);
  });

  it('YAML error ranges never split a surrogate pair (found by fuzzing: a duplicate emoji key)', () => {
    const text = '---\nid: x\n👩: 1\n👩: 2\n---\n# T\n';
    const findings = analyze(text).findings;
    assert.ok(findings.some((finding) => finding.code === 'AD001'));
    assert.deepEqual(invariantViolations(text, findings), []);
  });

  it('a lone \\r ends a line for the YAML parser as it does for LSP and markdown-it', () => {
    const text = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');
    const crOnly = text.replace(/\n/g, '\r');
    const codes = (source: string) =>
      analyze(source, { today: FIXTURE_TODAY }).findings.map(
        (finding) => `${finding.code}@${finding.range.start.line}:${finding.range.start.character}`,
      );
    assert.deepEqual(codes(crOnly), codes(text));
  });

  // Through the server: server.ts gets findings only from analyze() (via AnalysisCache), so the
  // same containment holds there; the protocol fuzz test checks no AD900 reaches a client and the
  // hostile test that the process keeps serving after documents that once overflowed the stack.
});
