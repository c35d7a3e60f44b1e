import * as assert from 'node:assert/strict';
import { loadConfig } from '../../server/src/engine';
import { example } from '../helpers/cli';
import { analyzeWithConfig, FIXTURE_TODAY } from '../helpers/fixtures';

/** A config replacing the Success metrics table's row schema (its rows are checked in every example). */
function withRowSchema(rowSchema: unknown): string {
  return JSON.stringify({
    version: 1,
    sections: [
      {
        id: 'purpose',
        tables: [
          {
            id: 'kpis',
            title: 'Success metrics',
            columns: [
              { id: 'metric', title: 'Metric', required: true },
              { id: 'target', title: 'Target', required: true },
            ],
            rowSchema,
          },
        ],
      },
    ],
  });
}

const problems = (text: string): string[] =>
  loadConfig(text, '.agentdoc.json').problems.map((problem) => problem.message);

describe('config bounds: compile bombs are refused at load, never AD900 in documents (issue 13.12)', () => {
  const hostile: Array<[string, unknown, RegExp]> = [
    [
      'an enum of 6,000 values',
      { type: 'object', properties: { metric: { enum: Array.from({ length: 6000 }, (_, i) => `m${i}`) } } },
      /too large/,
    ],
    [
      'a pattern with a lookahead',
      { type: 'object', properties: { metric: { type: 'string', pattern: '^(?=a)a' } } },
      /does not compile.*refused/,
    ],
    [
      'a pattern with a backreference',
      { type: 'object', properties: { metric: { type: 'string', pattern: '(a)\\1' } } },
      /does not compile.*refused/,
    ],
    [
      'a patternProperties key re2js cannot run',
      { type: 'object', patternProperties: { '(?<=x)y': { type: 'string' } } },
      /does not compile/,
    ],
    ['$ref: "#"', { $ref: '#' }, /refers to itself/],
    ['allOf: [{ $ref: "#" }]', { allOf: [{ $ref: '#' }] }, /refers to itself/],
    [
      'a $ref loop through definitions',
      {
        definitions: { a: { $ref: '#/definitions/b' }, b: { not: { $ref: '#/definitions/a' } } },
        $ref: '#/definitions/a',
      },
      /refers to itself/,
    ],
    ['a $ref that names nothing', { $ref: '#/definitions/missing' }, /names nothing/],
    [
      'a $ref fan-out (each level doubles)',
      {
        definitions: {
          ...Object.fromEntries(
            Array.from({ length: 20 }, (_, i) => [
              `d${i}`,
              { allOf: [{ $ref: `#/definitions/d${i + 1}` }, { $ref: `#/definitions/d${i + 1}` }] },
            ]),
          ),
          d20: { type: 'string' },
        },
        type: 'object',
        properties: { metric: { $ref: '#/definitions/d0' } },
      },
      /too large/,
    ],
  ];
  for (const [what, rowSchema, expected] of hostile) {
    it(`${what}: one config problem, and documents are checked with the bundled schemas`, () => {
      const text = withRowSchema(rowSchema);
      assert.match(problems(text).join('\n'), expected);
      const loaded = loadConfig(text, '.agentdoc.json');
      const findings = analyzeWithConfig(example('complete.agentdoc.md'), loaded, { today: FIXTURE_TODAY }).findings;
      assert.deepEqual(
        findings.filter((finding) => finding.code === 'AD900'),
        [],
      );
    });
  }

  it('a row schema with local $refs and a pattern re2js runs is accepted and applied', () => {
    const text = withRowSchema({
      type: 'object',
      definitions: { metricName: { type: 'string', pattern: '^[A-Z]' } },
      properties: { metric: { $ref: '#/definitions/metricName' } },
    });
    assert.deepEqual(problems(text), []);
    const loaded = loadConfig(text, '.agentdoc.json');
    const complete = example('complete.agentdoc.md');
    const lower = complete.replace('| Routing accuracy', '| routing accuracy');
    assert.notEqual(lower, complete, 'a metric row was lower-cased');
    const codes = (text: string) =>
      analyzeWithConfig(text, loaded, { today: FIXTURE_TODAY }).findings.map((finding) => finding.code);
    assert.ok(!codes(complete).includes('AD900'));
    assert.ok(codes(lower).length > codes(complete).length, 'the pattern applies');
  });

  it('a config over 1,000,000 characters is refused before it is parsed', () => {
    const messages = loadConfig(`# ${'x'.repeat(1_000_001)}\nversion: 1\n`, '.agentdoc.yaml').problems;
    assert.match(messages.map((problem) => problem.message).join('\n'), /agentdoc reads configs of up to 1,000,000/);
  });
});
