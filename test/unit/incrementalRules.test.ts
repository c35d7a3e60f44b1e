import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine';
import { parseBlocks } from '../../server/src/engine/model/blocks';
import { clearParseCache, parseBlocksIncrementally } from '../../server/src/engine/model/chunkedBlocks';
import { computeStatus, sectionStatus } from '../../server/src/engine/model/sectionStatus';
import { clearRuleResultCache } from '../../server/src/engine/rules/ruleResultCache';
import { EXAMPLES_DIR, FIXTURE_DIR, FIXTURE_TODAY } from '../helpers/fixtures';
import { applyMutation, mutation, type Mutation } from '../robustness/mutations';

/**
 * The model and several rules reuse what they derived from a piece, block, table or section whose
 * text did not change (model/chunkedBlocks.ts, documentModel.ts, sectionStatus.ts, promptTools.ts),
 * and rules' findings are reused when nothing a rule read changed (rules/ruleResultCache.ts).
 * After every edit of a random sequence the whole result — every finding with its code, range,
 * message, fixes and related places, the readiness items, the verdict and the facts — must equal
 * a from-scratch analysis with every cache emptied.
 */

function fromScratch(): void {
  clearParseCache();
  clearRuleResultCache();
}

const analysed = (text: string): string => {
  const result = analyze(text, { today: FIXTURE_TODAY, reuseRuleResults: true });
  return JSON.stringify({
    findings: result.findings,
    readiness: result.readiness,
    verdict: result.verdict,
    facts: result.facts,
    stage: result.stage?.id,
    sections: result.model?.sections.map((section) => [section.spec?.id, section.startLine, section.endLine]),
  });
};

/**
 * Documents below 400 lines are parsed whole (chunkedBlocks.ts); each seed is grown past that with
 * prose sections at its end, so its own sections sit in the pieces the cache reuses.
 */
function grown(text: string): string {
  const filler: string[] = [];
  for (let n = 1; n <= 70; n++)
    filler.push(`## Notes ${n}`, '', `Paragraph ${n} of notes that no rule reads.`, '', '- a list item', '');
  return `${text.replace(/\n*$/, '\n\n')}${filler.join('\n')}`;
}

const seeds = [
  ...fs.readdirSync(EXAMPLES_DIR).map((file) => path.join(EXAMPLES_DIR, file)),
  ...fs.readdirSync(path.join(FIXTURE_DIR, 'rules')).map((file) => path.join(FIXTURE_DIR, 'rules', file)),
]
  .filter((file) => file.endsWith('.agentdoc.md'))
  .sort()
  .map((file) => ({
    name: path.basename(file),
    // Expectation markers are left in: they are text like any other here.
    text: grown(fs.readFileSync(file, 'utf8')),
  }));

/** Edits made at a line start: headings added, fences opened and closed, comments, tables, front matter. */
type LineEdit = { kind: 'lineInsert'; line: number; text: string } | { kind: 'lineDelete'; line: number };
const LINE_TEXTS = [
  '## Runbook\n',
  '## Tools\n',
  '### A subsection\n',
  '# Title\n',
  '```\n',
  '~~~\n',
  '```yaml\n',
  '<!--\n',
  '-->\n',
  '| Tool | Access |\n|---|---|\n| search_docs | read |\n',
  'TODO: fill this in\n',
  'stage: production\n',
  'tier: 3\n',
  '---\n',
  '\n',
  'x',
  // Typed into a line, moving nothing: what a rule read changes while every line stays put.
  'TODO ',
  '| ',
  '[see](#nowhere) ',
  'none ',
];
const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.record({
    kind: fc.constant('lineInsert' as const),
    line: fc.nat({ max: 600 }),
    text: fc.constantFrom(...LINE_TEXTS),
  }),
  fc.record({ kind: fc.constant('lineDelete' as const), line: fc.nat({ max: 600 }) }),
);
/** A keystroke in the front matter (its first 20 lines). */
const frontMatterEdit: fc.Arbitrary<LineEdit> = fc.record({
  kind: fc.constant('lineInsert' as const),
  line: fc.integer({ min: 1, max: 20 }),
  text: fc.constantFrom('x', ' ', ':', '  - item\n', 'owner: someone\n', '#'),
});

type Edit = Mutation | LineEdit;

function applyEdit(text: string, edit: Edit): string {
  if (edit.kind !== 'lineInsert' && edit.kind !== 'lineDelete') return applyMutation(text, edit);
  const lines = text.split('\n');
  const line = edit.line % lines.length;
  let at = 0;
  for (let k = 0; k < line; k++) at += (lines[k]?.length ?? 0) + 1;
  if (edit.kind === 'lineInsert') return text.slice(0, at) + edit.text + text.slice(at);
  return text.slice(0, at) + text.slice(at + (lines[line]?.length ?? 0) + 1);
}

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 3, arbitrary: mutation },
  { weight: 4, arbitrary: lineEdit },
  { weight: 2, arbitrary: frontMatterEdit },
);

describe('incremental model and rules equal a from-scratch analysis after every edit', () => {
  it('seeds grow past the size at which pieces are cached', () => {
    for (const seed of seeds) assert.ok(seed.text.split('\n').length >= 400, seed.name);
  });

  it('random edit sequences on every example and rule fixture: full results equal', () => {
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.array(edit, { minLength: 2, maxLength: 10 }), (which, edits) => {
        const seed = seeds[which]!;
        fromScratch();
        let text = seed.text;
        analysed(text);
        for (const change of edits) {
          text = applyEdit(text, change);
          const incremental = analysed(text);
          fromScratch();
          const scratch = analysed(text);
          // The scratch run leaves the caches holding this version: the next edit is incremental.
          assert.equal(incremental, scratch, `${seed.name} after ${JSON.stringify(edits)}`);
        }
      }),
      { seed: 20261130, numRuns: 60 },
    );
  });

  it('blocks after every edit of a sequence (cut again only around the change) equal a whole-body parse', () => {
    // The CommonMark examples put every tricky construct right before a possible cut.
    const { tests } = require('commonmark-spec') as { tests: { markdown: string; number: number }[] };
    const spec = tests.map((test) => `## Example ${test.number}\n\n${test.markdown}`).join('\n');
    const bodies = [spec, seeds[0]!.text, seeds[seeds.length - 1]!.text];
    fc.assert(
      fc.property(fc.nat(bodies.length - 1), fc.array(edit, { minLength: 1, maxLength: 12 }), (which, edits) => {
        clearParseCache();
        let text = bodies[which]!;
        parseBlocksIncrementally(text, 2);
        for (const change of edits) {
          text = applyEdit(text, change);
          assert.deepEqual(parseBlocksIncrementally(text, 2), parseBlocks(text, 2));
        }
      }),
      { seed: 20261131, numRuns: 60 },
    );
  });

  it('section status from the pieces (and from one search of small sections) equals a scan of every line', () => {
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.array(edit, { minLength: 1, maxLength: 8 }), (which, edits) => {
        clearParseCache();
        let text = seeds[which]!.text;
        for (const change of [undefined, ...edits]) {
          if (change) text = applyEdit(text, change);
          for (const candidate of [text, text.slice(0, text.length >> 2)]) {
            const model = analyze(candidate, { today: FIXTURE_TODAY }).model;
            for (const section of model?.sections ?? [])
              assert.deepEqual(sectionStatus(model!, section), computeStatus(model!, section));
          }
        }
      }),
      { seed: 20261201, numRuns: 40 },
    );
  });

  it('typing one character at a time (no line moves) reuses and still equals a from-scratch analysis', () => {
    for (const seed of seeds.slice(0, 8)) {
      fromScratch();
      let text = seed.text;
      analysed(text);
      const found = text.indexOf('\n## ', text.length >> 2);
      let offset = found >= 0 ? found + 1 : text.length;
      for (const ch of 'TODO x\n## Tools\n```\n') {
        text = text.slice(0, offset) + ch + text.slice(offset);
        offset += ch.length;
        const incremental = analysed(text);
        fromScratch();
        assert.equal(incremental, analysed(text), seed.name);
      }
    }
  });
});
