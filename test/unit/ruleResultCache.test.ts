import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { ruleContextFor } from '../../server/src/engine/analyze';
import { clearParseCache } from '../../server/src/engine/model/chunkedBlocks';
import type { DocumentModel } from '../../server/src/engine/model/documentModel';
import { noReads, readsStayInside, type ModelReads } from '../../server/src/engine/model/modelReads';
import { allRules } from '../../server/src/engine/rules';
import { firstSection, rowsOf } from '../../server/src/engine/rules/support';
import { makeFinding, type Rule, type RuleContext } from '../../server/src/engine/rules/rule';
import { clearRuleResultCache, watchedContext } from '../../server/src/engine/rules/ruleResultCache';
import type { Finding } from '../../server/src/engine/types';
import { EXAMPLES_DIR, FIXTURE_DIR, FIXTURE_TODAY } from '../helpers/fixtures';

const corpus = [
  ...fs.readdirSync(EXAMPLES_DIR).map((file) => path.join(EXAMPLES_DIR, file)),
  ...fs.readdirSync(path.join(FIXTURE_DIR, 'rules')).map((file) => path.join(FIXTURE_DIR, 'rules', file)),
]
  .filter((file) => file.endsWith('.agentdoc.md'))
  .sort()
  .map((file) => ({ name: path.basename(file), text: fs.readFileSync(file, 'utf8') }));

function checkWatched(rule: Rule, context: RuleContext): { findings: Finding[]; reads: ModelReads } {
  const reads = noReads();
  return { findings: rule.check(watchedContext(context, reads)), reads };
}

/**
 * The text with every line blanked that a rule with these reads may not look at: only the front
 * matter, the title, the sections it reached and the heading lines that lay the sections out stay
 * (so every kept line keeps its number and every section its place).
 */
function blankedOutside(text: string, model: DocumentModel, reads: ModelReads): string {
  const keep = new Set<number>();
  for (let line = 0; line < model.bodyStartLine; line++) keep.add(line);
  for (const block of model.blocks)
    if (block.kind === 'heading' && block.level <= model.sectionLevel)
      for (let line = block.startLine; line < block.endLine; line++) keep.add(line);
  const reached = reads.allSections
    ? model.sections
    : [...reads.sectionIds].flatMap((id) => model.sectionsById.get(id) ?? []);
  for (const section of reached) for (let line = section.startLine; line < section.endLine; line++) keep.add(line);
  const parts = text.split(/(\r\n|\r|\n)/);
  for (let line = 0; line * 2 < parts.length; line++) if (!keep.has(line)) parts[line * 2] = '';
  return parts.join('');
}

describe('rule results reused when nothing the rule read changed', () => {
  it('what a rule is recorded to read is all its findings depend on: blanking the rest changes none (every example and fixture)', () => {
    let compared = 0;
    for (const doc of corpus) {
      const context = ruleContextFor(doc.text, { today: FIXTURE_TODAY });
      for (const rule of allRules) {
        const { findings, reads } = checkWatched(rule, context);
        if (!readsStayInside(context.model, reads)) continue;
        const blanked = blankedOutside(doc.text, context.model, reads);
        if (blanked === doc.text) continue;
        const again = checkWatched(rule, ruleContextFor(blanked, { today: FIXTURE_TODAY }));
        assert.deepEqual(again.findings, findings, `${rule.code} on ${doc.name}: it read more than was recorded`);
        compared++;
      }
    }
    // Most rules read a few sections; the test is only worth something if it compared many.
    assert.ok(compared > corpus.length * 20, `only ${compared} comparisons`);
  });

  it('a rule that reads the readiness, files or the whole block list is never reused', () => {
    const context = ruleContextFor(corpus[0]!.text, { today: FIXTURE_TODAY, fileExists: () => true });
    for (const touch of [
      (seen: RuleContext) => seen.readiness.items.length,
      (seen: RuleContext) => seen.fileExists?.('x'),
      (seen: RuleContext) => seen.model.blocks.length,
    ]) {
      const reads = noReads();
      touch(watchedContext(context, reads));
      assert.equal(readsStayInside(context.model, reads), false);
    }
  });

  it('a line read outside what the rule reached makes the result not reusable', () => {
    const complete = corpus.find((doc) => doc.name === 'complete.agentdoc.md')!;
    const context = ruleContextFor(complete.text, { today: FIXTURE_TODAY });
    const tools = firstSection(context.model, 'tools')!;
    const runbook = firstSection(context.model, 'runbook')!;
    const reads = noReads();
    const seen = watchedContext(context, reads);
    seen.model.sectionsById.get('tools');
    seen.model.index.lineText(tools.startLine + 1);
    assert.equal(readsStayInside(context.model, reads), true);
    seen.model.index.lineText(runbook.startLine + 1);
    assert.equal(readsStayInside(context.model, reads), false);
  });

  describe('after an edit', () => {
    const runs = new Map<string, number>();
    const counted = (code: string, check: (context: RuleContext) => number): Rule => ({
      code,
      name: code,
      description: '',
      rationale: '',
      howToFix: '',
      sources: [],
      defaultSeverity: 'warning',
      check(context) {
        runs.set(code, (runs.get(code) ?? 0) + 1);
        const count = check(context);
        return count ? [makeFinding(this, 'warning', `${count}`, context.model.index.trimmedLineRange(0))] : [];
      },
    });
    const rules = [
      counted('TOOLS', (context) => rowsOf(context.model, 'tools', 'tools').length),
      counted('RUNBOOK', (context) => firstSection(context.model, 'runbook')?.subsections.length ?? 0),
      counted('READINESS', (context) => context.readiness.items.length),
    ];
    // Past 400 lines the body is parsed in pieces and unchanged pieces keep their objects.
    const base = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');
    const filler = Array.from({ length: 100 }, (_, n) => `## Notes ${n}\n\nText ${n}.\n`).join('\n');
    const text = `${base}\n${filler}`;
    const runbookLine = text.indexOf('\n', text.indexOf('\n## Runbook') + 1) + 1;

    const runsAfter = (edited: string): Map<string, number> => {
      runs.clear();
      analyze(edited, { rules, today: FIXTURE_TODAY, reuseRuleResults: true });
      return new Map(runs);
    };

    beforeEach(() => {
      clearParseCache();
      clearRuleResultCache();
      analyze(text, { rules, today: FIXTURE_TODAY, reuseRuleResults: true });
    });

    it('typing inside the Runbook re-runs the rules that read it, and the readiness rule, not the Tools rule', () => {
      const edited = `${text.slice(0, runbookLine)}x${text.slice(runbookLine)}`;
      assert.deepEqual(
        runsAfter(edited),
        new Map([
          ['RUNBOOK', 1],
          ['READINESS', 1],
        ]),
      );
      // …and the reused finding is the one a fresh run gives.
      const reused = analyze(edited, { rules, today: FIXTURE_TODAY, reuseRuleResults: true }).findings;
      clearParseCache();
      clearRuleResultCache();
      assert.deepEqual(analyze(edited, { rules, today: FIXTURE_TODAY, reuseRuleResults: true }).findings, reused);
    });

    it('without reuseRuleResults (the CLI: every text is new) every rule runs every time', () => {
      const edited = `${text.slice(0, runbookLine)}x${text.slice(runbookLine)}`;
      runs.clear();
      analyze(edited, { rules, today: FIXTURE_TODAY });
      assert.deepEqual([...runs.keys()].sort(), ['READINESS', 'RUNBOOK', 'TOOLS']);
    });

    it('an edit in the front matter re-runs every rule', () => {
      const edited = text.replace('\nname:', '\nname: x');
      assert.notEqual(edited, text);
      assert.deepEqual([...runsAfter(edited).keys()].sort(), ['READINESS', 'RUNBOOK', 'TOOLS']);
    });

    it('a line added above a section re-runs the rules that read it: their lines moved', () => {
      const toolsLine = text.indexOf('\n## Tools') + 1;
      const edited = `${text.slice(0, toolsLine)}\n${text.slice(toolsLine)}`;
      assert.ok(runsAfter(edited).has('TOOLS'));
    });
  });
});
