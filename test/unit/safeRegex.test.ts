import * as assert from 'node:assert/strict';
import { compileSafeRegex, MAX_PATTERN_LENGTH, type SafeRegex } from '../../server/src/engine/safeRegex';
import { timed } from '../robustness/invariants';
import { loadConfig } from '../../server/src/engine/config';
import { analyzeWithConfig } from '../helpers/fixtures';

function compile(source: string, flags?: string): SafeRegex {
  const result = compileSafeRegex(source, flags);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.regex;
}

describe('safe regular expressions for patterns from config (re2js, linear time)', () => {
  it('matches like RegExp on ordinary patterns, with UTF-16 offsets', () => {
    const todo = compile('\\bTODO\\b|\\bTBD\\b', 'i');
    assert.equal(todo.test('owner: tbd'), true);
    assert.equal(todo.test('TODOS'), false);
    assert.deepEqual(compile('(\\d{4})-(\\d{2})').exec('🎫 on 2026-11'), {
      text: '2026-11',
      index: 6,
      groups: ['2026', '11'],
    });
    assert.deepEqual(
      compile('^## (.+)$', 'm')
        .matchAll('# T\n## A\n## B')
        .map((match) => match.groups[0]),
      ['A', 'B'],
    );
    assert.equal(compile('a.b', 's').test('a\nb'), true);
    assert.equal(compile('a.b').test('a\nb'), false);
  });

  it('runs catastrophic-backtracking patterns in linear time', () => {
    const input = `${'a'.repeat(100_000)}!`;
    for (const pattern of ['(a+)+$', '(a|aa)+$', '(a|a?)+$', '(.*a){20}$', '^(([a-z])+.)+[A-Z]([a-z])+$']) {
      const { value, cpuMs } = timed(() => compile(pattern).test(input));
      assert.equal(typeof value, 'boolean');
      // RegExp would not return within the lifetime of the test; a generous bound that only a hang breaks.
      assert.ok(cpuMs < 3000, `${pattern} took ${Math.round(cpuMs)} ms of CPU`);
    }
  });

  it('refuses backreferences, lookaround, bad syntax, unknown flags and oversized patterns with a reason, never throwing', () => {
    const refused = (source: string, flags?: string) => {
      const result = compileSafeRegex(source, flags);
      assert.equal(result.ok, false, source);
      return result.ok ? '' : result.error;
    };
    assert.match(refused('(a)\\1'), /no backreferences or lookaround/);
    assert.match(refused('foo(?=bar)'), /no backreferences or lookaround/);
    assert.match(refused('(?<!x)y'), /no backreferences or lookaround/);
    assert.match(refused('(unclosed'), /missing closing \)/);
    assert.match(refused('a', 'g'), /unsupported flag "g"/);
    assert.match(refused('a'.repeat(MAX_PATTERN_LENGTH + 1)), /at most 1000/);
    assert.match(refused('(((a{100}){100}){100})'), /too complex|repeat count|invalid/);
    assert.match(refused(42 as unknown as string), /not a string/);
  });
});

describe('patterns from a workspace config run in linear time', () => {
  it('a catastrophic "pattern" in a config table row schema does not hang the check', function () {
    // With a backtracking engine this one cell takes minutes (2^40 paths), far past this timeout.
    this.timeout(20000);
    const config = loadConfig(
      [
        'sections:',
        '  - id: tools',
        '    title: Tools & integrations',
        '    requiredFrom: shadow',
        '    guidance: { why: "Each tool is a door into a production system and needs its facts.", reviewerChecks: ["Write access is the exception."], sources: ["seed:000"] }',
        '    template: "| Tool | System | Access | Side effects | Auth | On failure |"',
        '    tables:',
        '      - id: tools',
        '        title: Tools',
        '        columns:',
        '          - { id: tool, title: Tool, required: true }',
        '          - { id: system, title: System, required: true }',
        '        rowSchema: { type: object, properties: { system: { type: string, pattern: "^(a+)+$" } } }',
        '',
      ].join('\n'),
      '.agentdoc.yaml',
    );
    const text = [
      '---',
      'id: x',
      'name: X',
      'stage: pilot',
      'owner:',
      '  name: Ana Lima',
      'risk:',
      '  personal_data: false',
      '  customer_facing: false',
      '---',
      '# X',
      '',
      '## Tools & integrations',
      '',
      '| Tool | System |',
      '|---|---|',
      `| crm | ${'a'.repeat(40)}! |`,
      '',
    ].join('\n');
    assert.deepEqual(config.problems, []);
    const findings = analyzeWithConfig(text, config, { today: '2026-11-23' }).findings;
    assert.ok(
      findings.some((finding) => finding.code === 'AD112' && finding.message.includes('System')),
      JSON.stringify(config.problems),
    );
  });
});
