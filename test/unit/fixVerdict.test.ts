import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, createSkeleton, type AnalysisResult, type FixSuggestion } from '../../server/src/engine';
import { applyInsertions, fixAll } from '../../server/src/engine/features/codeActions';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { EXAMPLES_DIR, FIXTURE_TODAY } from '../helpers/fixtures';

const STAGES = ['pilot', 'shadow', 'canary', 'production'];
const run = (text: string) => analyze(text, { today: FIXTURE_TODAY });

/** A fix that only inserts text (template rows, TODO values); one that replaces writes a real value. */
const insertsOnly = (fix: FixSuggestion): boolean => fix.insertions.every((insertion) => !insertion.replaces);

function apply(text: string, fix: { insertions: FixSuggestion['insertions'] }): string {
  const index = new LineIndex(text);
  return applyInsertions(text, fix.insertions, (position) => index.offsetAt(position));
}

/** The verdict as a user reads it: the stage blocked first (by its order) and how many findings block it. */
function blocking(result: AnalysisResult): { order: number; count: number; phrase: string } {
  const order = ['pilot', 'shadow', 'canary', 'production', 'retired'].indexOf(result.verdict.blockedStage?.id ?? '');
  return { order: order < 0 ? Infinity : order, count: result.verdict.blockers, phrase: result.verdict.phrase };
}

const documents: { name: string; text: string }[] = [
  ...fs
    .readdirSync(EXAMPLES_DIR)
    .filter((file) => file.endsWith('.agentdoc.md'))
    .map((file) => ({ name: file, text: fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8') })),
  {
    name: 'agentdoc init (Refund helper)',
    text: createSkeleton({
      id: 'refund-helper',
      name: 'Refund helper',
      owner: 'Ann Smith',
      customerFacing: false,
      personalData: false,
    }),
  },
  {
    name: 'agentdoc init (customer-facing, personal data)',
    text: createSkeleton({
      id: 'claims-drafter',
      name: 'Claims drafter',
      owner: 'Ann Smith',
      customerFacing: true,
      personalData: true,
    }),
  },
];

describe('a quick fix that only inserts template text never makes the verdict better (trial: 4 → 3 items by inserting TODO)', () => {
  for (const { name, text: original } of documents) {
    it(`${name}, at every stage: each fix and fix-all`, () => {
      const problems: string[] = [];
      for (const stage of STAGES) {
        const text = /^stage: .*$/m.test(original) ? original.replace(/^stage: .*$/m, `stage: ${stage}`) : original;
        const result = run(text);
        const before = blocking(result);
        const plans = result.findings.flatMap((finding) =>
          (finding.fixes ?? []).filter(insertsOnly).map((fix) => ({ title: `${finding.code} ${fix.title}`, fix })),
        );
        // Fix-all of the fixes that only insert (a value correction writes a real value).
        const all = fixAll({
          ...result,
          findings: result.findings.map((finding) => ({
            ...finding,
            fixes: (finding.fixes ?? []).filter(insertsOnly),
          })),
        });
        if (all) plans.push({ title: 'fix all', fix: { title: all.title, insertions: all.insertions, safe: true } });
        for (const { title, fix } of plans) {
          const after = blocking(run(apply(text, fix)));
          if (after.order > before.order || (after.order === before.order && after.count < before.count))
            problems.push(`${stage}: ${title}: "${before.phrase}" became "${after.phrase}"`);
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
