import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, createSkeleton, type Finding } from '../../server/src/engine';
import { EXAMPLES_DIR, FIXTURE_DIR, FIXTURE_TODAY } from '../helpers/fixtures';

/**
 * Messages are checked like code: every finding's message, related note and fix title, rendered
 * over every example, fixture and new-document template (and each at every stage, so stage-timed
 * wording is rendered too), must read as a person wrote it.
 */
const ARTEFACTS: [RegExp, string][] = [
  [/\bundefined\b/, '"undefined"'],
  [/\bNaN\b/, '"NaN"'],
  [/\[object Object\]/, '"[object Object]"'],
  [/\bnull\b/, '"null"'],
  [/\bno an? ["'\w]/i, '"no a/an" (a missing noun or a wrong article)'],
  [
    /(^|[^\d.,])1 (months|days|weeks|years|hours|items|sections|errors|warnings|findings|entries|rows)\b/,
    'a singular count with a plural noun',
  ],
  [/ {2}/, 'a doubled space'],
  [/\s[.,:;]($|\s)/, 'a space before punctuation'],
  [/\.\./, 'a doubled full stop'],
  [/^\s|\s$/, 'leading or trailing space'],
];
const FIRST_SENTENCE_MAX = 160;

function* documents(): Generator<{ name: string; text: string }> {
  for (const file of fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.agentdoc.md')))
    yield { name: `examples/${file}`, text: fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8') };
  const rules = path.join(FIXTURE_DIR, 'rules');
  for (const file of fs.readdirSync(rules).filter((f) => f.endsWith('.agentdoc.md')))
    yield { name: `fixtures/${file}`, text: fs.readFileSync(path.join(rules, file), 'utf8') };
  yield {
    name: 'new document',
    text: createSkeleton({
      id: 'refund-triage',
      name: 'Refund triage',
      owner: 'Dana Kim',
      personalData: true,
      customerFacing: true,
    }),
  };
}

const STAGES = ['pilot', 'shadow', 'canary', 'production'];
const withStage = (text: string, stage: string): string => text.replace(/^stage: .*$/m, `stage: ${stage}`);

/** The first sentence: up to the first ". " / ": " boundary a reader pauses at. */
export function firstSentence(message: string): string {
  // Not after an abbreviation a citation uses ("GDPR Art. 35(7)", "e.g.").
  const match = /^.*?(?<!\b(?:Art|e\.g|i\.e|No|para|cf))[.!?](?=\s|$)/.exec(message);
  return match ? match[0] : message;
}

function textsOf(finding: Finding): string[] {
  return [
    finding.message,
    ...(finding.related ?? []).map((related) => related.message),
    ...(finding.fixes ?? []).map((fix) => fix.title),
  ];
}

describe('messages read as a person wrote them', () => {
  it('no artefacts and a first sentence of at most 160 characters, over examples, fixtures and templates at every stage', function () {
    this.timeout(120000);
    const problems = new Map<string, string>();
    let checked = 0;
    for (const document of documents()) {
      for (const stage of ['', ...STAGES]) {
        const text = stage ? withStage(document.text, stage) : document.text;
        for (const finding of analyze(text, { today: FIXTURE_TODAY }).findings) {
          for (const message of textsOf(finding)) {
            checked++;
            const where = `${finding.code} (${document.name}${stage ? ` at ${stage}` : ''})`;
            for (const [pattern, what] of ARTEFACTS)
              if (pattern.test(message)) problems.set(`${what} ${message}`, `${where}: ${message}`);
            // The document's own quoted values are the writer's length, not ours.
            const first = firstSentence(message).replace(/"[^"]*"/g, '"…"');
            if (first.length > FIRST_SENTENCE_MAX)
              problems.set(`long ${message}`, `${where}: first sentence has ${first.length} characters: ${first}`);
          }
        }
      }
    }
    assert.ok(checked > 1000, `only ${checked} messages rendered`);
    if (process.env['AGENTDOC_MESSAGES_DUMP'])
      fs.writeFileSync(process.env['AGENTDOC_MESSAGES_DUMP'], [...problems.values()].join('\n'));
    assert.deepEqual([...problems.values()], []);
  });

  it('the artefact checks catch what they are for', () => {
    const caught = (message: string) => ARTEFACTS.some(([pattern]) => pattern.test(message));
    assert.ok(caught('keeps something for only 1 months'));
    assert.ok(caught('has no a "Why:" paragraph'));
    assert.ok(caught('owner is undefined'));
    assert.ok(caught('two  spaces'));
    assert.ok(!caught('keeps inputs for 30 days and the audit log for 24 months.'));
    assert.ok(!caught('1 item blocks production; 1.5 months is not a duration we accept'));
    assert.equal(
      firstSentence('Missing section "Runbook": required. More here.'),
      'Missing section "Runbook": required.',
    );
  });
});
