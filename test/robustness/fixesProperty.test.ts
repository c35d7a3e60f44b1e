import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, type Finding, type TextInsertion } from '../../server/src/engine';
import { applyInsertions, fixAll } from '../../server/src/engine/features/codeActions';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { FIXTURE_TODAY } from '../helpers/fixtures';
import { excerpt } from './invariants';
import { EXAMPLES, FUZZ_SEED, fuzzRuns, mutatedDocument, type MutatedDocument } from './mutations';

const run = (text: string) => analyze(text, { today: FIXTURE_TODAY }).findings;
/** What a user counts: the errors and warnings in the Problems panel. */
const pressing = (findings: readonly Finding[]): number =>
  findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning').length;
const key = (finding: Finding) => `${finding.code} ${finding.subject?.id ?? ''} ${finding.message}`;

/**
 * Applies the insertions as an editor would, then takes the inserted spans out again at the
 * positions they were asked for: what is left must be the original, character for character.
 * Also refuses insertion points that would damage what is there: inside a \r\n or a surrogate pair.
 */
function checkInsertionsOnly(
  original: string,
  insertions: readonly TextInsertion[],
): { fixed: string; problems: string[] } {
  const index = new LineIndex(original);
  const problems: string[] = [];
  const located = insertions.map((insertion, order) => {
    const offset = index.offsetAt(insertion.position);
    const end = insertion.replaces ? index.offsetAt(insertion.replaces) : offset;
    return { offset, end, text: insertion.text, order, position: insertion.position };
  });
  for (const { offset, position } of located) {
    const [before, after] = [original.charCodeAt(offset - 1), original.charCodeAt(offset)];
    if (before === 13 && after === 10) problems.push(`inserts inside a \\r\\n at ${JSON.stringify(position)}`);
    if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff)
      problems.push(`inserts inside a surrogate pair at ${JSON.stringify(position)}`);
  }
  const fixed = applyInsertions(original, insertions, (position) => index.offsetAt(position));
  // Where each insertion ends up in the fixed text: after everything inserted at earlier offsets
  // (and earlier in the list at the same offset).
  located.sort((a, b) => a.offset - b.offset || a.order - b.order);
  let shift = 0;
  let rebuilt = '';
  let cursor = 0;
  for (const { offset, end, text } of located) {
    rebuilt += fixed.slice(cursor, offset + shift);
    if (fixed.slice(offset + shift, offset + shift + text.length) !== text)
      problems.push(`the text inserted at offset ${offset} is not where it was asked for`);
    // A value correction put its text where the flagged value was: put the value back.
    rebuilt += original.slice(offset, end);
    cursor = offset + shift + text.length;
    shift += text.length - (end - offset);
  }
  rebuilt += fixed.slice(cursor);
  if (rebuilt !== original) problems.push('taking the inserted text out again does not give the original');
  return { fixed, problems };
}

describe('quick fixes never lose text (fast-check)', function () {
  const runs = fuzzRuns('AGENTDOC_FUZZ_FIX_RUNS', 40);
  this.timeout(Math.max(60_000, runs * 3000));

  it(`every offered fix and fix-all on ${runs} mutated documents: insertions only, never more errors and warnings, and the finding is gone after re-checking`, () => {
    let fixesApplied = 0;
    const inputs = fc.oneof(
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(...EXAMPLES)
          .map((example) => ({ example: example.name, mutations: [], text: example.text }) as MutatedDocument),
      },
      { weight: 4, arbitrary: mutatedDocument },
    );
    fc.assert(
      fc.property(inputs, (input) => {
        const findings = run(input.text);
        const problems: string[] = [];
        // Unsafe fixes are templates for a decision (a waiver row with TODO reasons and approver):
        // the item rightly stays open until a person fills them in, so they are checked for text only.
        const plans = findings.flatMap((finding) =>
          (finding.fixes ?? []).map((fix) => ({
            title: `${finding.code} ${fix.title}`,
            insertions: fix.insertions,
            findings: fix.safe ? [finding] : [],
            // A value correction ("did you mean canary?") changes what the document claims, e.g.
            // its stage, and so the standard it is judged by: it may rightly reveal more.
            greener: !fix.insertions.some((insertion) => insertion.replaces),
          })),
        );
        const all = fixAll({ ...analyze(''), findings, model: undefined, readiness: undefined });
        if (all) plans.push({ title: all.title, insertions: all.insertions, findings: all.findings, greener: true });
        const before = pressing(findings);
        for (const plan of plans) {
          fixesApplied++;
          const { fixed, problems: textProblems } = checkInsertionsOnly(input.text, plan.insertions);
          problems.push(...textProblems.map((problem) => `${plan.title}: ${problem}`));
          const rechecked = run(fixed);
          if (plan.greener && pressing(rechecked) > before)
            problems.push(`${plan.title}: errors and warnings went from ${before} to ${pressing(rechecked)}`);
          const after = new Set(rechecked.map(key));
          // The same code, subject and message again means the fix did not fix. (A gate item whose
          // value is now a placeholder is reported with a different message: that is expected.)
          const stays = plan.findings.filter((finding) => after.has(key(finding)));
          for (const finding of stays) problems.push(`${plan.title}: still reported after the fix: ${finding.message}`);
        }
        if (problems.length && process.env['AGENTDOC_FUZZ_DUMP'])
          require('node:fs').writeFileSync(process.env['AGENTDOC_FUZZ_DUMP'], input.text);
        assert.deepEqual(
          problems,
          [],
          `${input.example} ${JSON.stringify(input.mutations).slice(0, 300)}\n${excerpt(input.text)}`,
        );
      }),
      { seed: FUZZ_SEED, numRuns: runs },
    );
    console.log(`      fix property: ${runs} documents, ${fixesApplied} fixes (and fix-alls) applied and re-checked`);
  });
});
