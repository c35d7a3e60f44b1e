import * as assert from 'node:assert/strict';
import { analyze, type Finding } from '../../server/src/engine';
import { applyInsertions } from '../../server/src/engine/features/codeActions';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { FIXTURE_TODAY } from '../helpers/fixtures';

/**
 * The YAML mistakes a newcomer makes, each as broken front matter → the message at the place to
 * look (1-based document line) → the repair, when only one makes sense. After the repair the
 * front matter must parse (no AD001 left) and the repaired line must read as expected.
 */
interface Case {
  name: string;
  yaml: string;
  message: RegExp;
  line: number;
  /** The quick fix's title, and the repaired line of the document (1-based `line`). */
  fix?: { title: RegExp; line: number; text: string };
}

const CASES: Case[] = [
  {
    name: 'apostrophe inside single quotes',
    yaml: "id: refunds\nname: 'Service desk's ticket classifier'\nstage: pilot",
    message: /^The value of "name" is in single quotes and contains an apostrophe, which ends the quoted text early/,
    line: 3,
    fix: {
      title: /^Quote the value as "Service desk's ticket classifier"$/,
      line: 3,
      text: `name: "Service desk's ticket classifier"`,
    },
  },
  {
    name: 'double quote inside double quotes',
    yaml: 'id: refunds\nname: "The "refund" bot"\nstage: pilot',
    message: /^The value of "name" is in double quotes and contains a double quote/,
    line: 3,
    fix: { title: /^Quote the value as/, line: 3, text: `name: 'The "refund" bot'` },
  },
  {
    name: 'tab indentation',
    yaml: 'id: refunds\nrisk:\n\ttier: 2\nstage: pilot',
    message: /^Line 4 is indented with a tab: YAML allows only spaces/,
    line: 4,
    fix: { title: /^Indent with spaces instead of tabs$/, line: 4, text: '  tier: 2' },
  },
  {
    name: 'missing space after a colon, top level',
    yaml: 'id: refunds\nstage:pilot\nname: Refunds',
    message: /^"stage:pilot" needs a space after the colon/,
    line: 3,
    fix: { title: /^Add a space after "stage:"$/, line: 3, text: 'stage: pilot' },
  },
  {
    name: 'missing space after a colon, with more keys after it',
    yaml: 'id: refunds\nowner:Dana Kim\nstage: pilot',
    message: /^"owner:Dana Kim" needs a space after the colon/,
    line: 3,
    fix: { title: /^Add a space after "owner:"$/, line: 3, text: 'owner: Dana Kim' },
  },
  {
    name: 'missing space after a colon, nested',
    yaml: 'id: refunds\nrisk:\n  tier:2\n  class: limited\nstage: pilot',
    message: /^"tier:2" needs a space after the colon/,
    line: 4,
    fix: { title: /^Add a space after "tier:"$/, line: 4, text: '  tier: 2' },
  },
  {
    name: 'a key indented further than the key with a value above it',
    yaml: 'id: refunds\nrisk:\n  tier: 2\n   class: limited\nstage: pilot',
    message: /^"class" is indented more than "tier" on the line above/,
    line: 5,
    fix: { title: /^Indent "class" like "tier"$/, line: 5, text: '  class: limited' },
  },
  {
    name: 'a key indented less than the keys before it in its block',
    yaml: 'id: refunds\nrisk:\n    tier: 2\n  class: limited\nstage: pilot',
    message: /^"class" is indented 2 spaces but "tier" above it 4/,
    line: 5,
    fix: { title: /^Indent "class" like "tier"$/, line: 5, text: '    class: limited' },
  },
  {
    name: 'unclosed double quote',
    yaml: 'id: refunds\nname: "Refund bot\nstage: pilot',
    message: /^The value quoted with " on line 3 is never closed/,
    line: 3,
    fix: { title: /^Close the quote with "$/, line: 3, text: 'name: "Refund bot"' },
  },
  {
    name: 'unclosed single quote',
    yaml: "id: refunds\nname: 'Refund bot\nstage: pilot",
    message: /^The value quoted with ' on line 3 is never closed/,
    line: 3,
    fix: { title: /^Close the quote with '$/, line: 3, text: "name: 'Refund bot'" },
  },
  {
    name: 'unclosed bracket',
    yaml: 'id: refunds\nname: Refunds\nsystems: [crm, billing\nstage: pilot',
    message: /^The list opened with "\[" on line 4 is not closed: add "]" at its end/,
    line: 4,
    fix: { title: /^Close the list with "]"$/, line: 4, text: 'systems: [crm, billing]' },
  },
  {
    name: 'unclosed brace',
    yaml: 'id: refunds\ncost: {currency: EUR\nstage: pilot',
    message: /^The mapping opened with "\{" on line 3 is not closed/,
    line: 3,
    fix: { title: /^Close the mapping with "}"$/, line: 3, text: 'cost: {currency: EUR}' },
  },
  {
    name: 'a colon inside a plain value',
    yaml: 'id: refunds\nname: Refunds: the triage bot\nstage: pilot',
    message: /^The value of "name" contains ": ", which YAML reads as the start of another key/,
    line: 3,
    fix: { title: /^Quote the value of "name"$/, line: 3, text: 'name: "Refunds: the triage bot"' },
  },
  {
    name: 'duplicate key: explained, no fix (which value is right is the writer’s call)',
    yaml: 'id: refunds\nstage: pilot\nname: Refunds\nstage: shadow',
    message: /^"stage" appears twice in the same block of the front matter \(first on line 3\)/,
    line: 5,
  },
];

const documentOf = (yaml: string) => `---\n${yaml}\n---\n# Refunds\n`;
const yamlFindings = (text: string): Finding[] =>
  analyze(text, { today: FIXTURE_TODAY }).findings.filter((finding) => finding.code === 'AD001');

describe('YAML errors a person understands (AD001)', () => {
  for (const example of CASES) {
    it(example.name, () => {
      const text = documentOf(example.yaml);
      const findings = yamlFindings(text);
      assert.ok(findings.length >= 1, 'no AD001 finding');
      const [first] = findings;
      assert.match(first!.message, example.message);
      assert.equal(first!.range.start.line + 1, example.line, `reported on line ${first!.range.start.line + 1}`);
      assert.ok(first!.message.split(/(?<=[.:])\s/)[0]!.length <= 160, 'the first sentence is too long');
      if (!example.fix) {
        assert.equal(first!.fixes, undefined, 'a fix is offered where the repair is the writer’s call');
        return;
      }
      const fix = first!.fixes?.[0];
      assert.ok(fix, 'no quick fix');
      assert.match(fix.title, example.fix.title);
      const index = new LineIndex(text);
      const fixed = applyInsertions(text, fix.insertions, (position) => index.offsetAt(position));
      assert.equal(fixed.split('\n')[example.fix.line - 1], example.fix.text);
      assert.deepEqual(
        yamlFindings(fixed).map((finding) => finding.message),
        [],
        'the repaired front matter still has YAML errors',
      );
    });
  }
});
