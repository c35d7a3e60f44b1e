import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { promptMatches, promptToolMentions, TOOL_LIKE } from '../../server/src/engine/rules/promptTools';
import { EXAMPLES_DIR, FIXTURE_DIR, FIXTURE_TODAY } from '../helpers/fixtures';

/**
 * AD316 reads snake_case words in the prompt as tool ids. Output formats are full of snake_case
 * keys ("refund_amount", "needs_review"); those are not tools. Measured on realistic prompts with
 * output formats (test/fixtures/prompts), each naming the tools it really refers to.
 */
const PROMPTS_DIR = path.join(FIXTURE_DIR, 'prompts');

interface Measured {
  found: Set<string>;
  truth: Set<string>;
}

function documentWithPrompt(prompt: string): string {
  return `---\nid: p\nname: P\nstage: pilot\n---\n# P\n\n## Prompt\n\n### Task\n\n\`\`\`text\n${prompt}\n\`\`\`\n\nWhy: the task.\n`;
}

function corpus(): { name: string; truth: Set<string>; prompt: string }[] {
  return fs
    .readdirSync(PROMPTS_DIR)
    .filter((file) => file.endsWith('.prompt.txt'))
    .map((file) => {
      const [first = '', ...rest] = fs.readFileSync(path.join(PROMPTS_DIR, file), 'utf8').split('\n');
      const tools = first.replace(/^tools:/, '').trim();
      return {
        name: file,
        truth: new Set(tools ? tools.split(/,\s*/) : []),
        prompt: rest.join('\n'),
      };
    });
}

function precisionRecall(results: Measured[]): { precision: number; recall: number; falseAlarms: string[] } {
  let truePositives = 0;
  let found = 0;
  let truth = 0;
  const falseAlarms: string[] = [];
  for (const result of results) {
    found += result.found.size;
    truth += result.truth.size;
    for (const id of result.found) {
      if (result.truth.has(id)) truePositives++;
      else falseAlarms.push(id);
    }
  }
  return { precision: found ? truePositives / found : 1, recall: truth ? truePositives / truth : 1, falseAlarms };
}

describe('tool mentions in the prompt (AD316): output formats are not tools', () => {
  const prompts = corpus();

  it(`finds every tool and no output-format key on ${prompts.length} realistic prompts`, () => {
    const now: Measured[] = [];
    const before: Measured[] = [];
    for (const { prompt, truth } of prompts) {
      const model = analyze(documentWithPrompt(prompt), { today: FIXTURE_TODAY }).model!;
      now.push({ found: new Set(promptToolMentions(model).map((mention) => mention.id)), truth });
      before.push({ found: new Set(promptMatches(model, TOOL_LIKE).map((mention) => mention.id)), truth });
    }
    const measured = precisionRecall(now);
    const naive = precisionRecall(before);
    console.log(
      `      AD316 on ${prompts.length} prompts: precision ${measured.precision.toFixed(2)} (every snake_case word: ${naive.precision.toFixed(2)}), recall ${measured.recall.toFixed(2)}; left: ${JSON.stringify(measured.falseAlarms)}`,
    );
    assert.equal(measured.recall, 1, 'a tool the prompt names is not found');
    // The one known miss: "action_items" in prose, a snake_case word that is neither a tool nor a
    // field of the format. Everything an output format defines must be gone.
    assert.deepEqual(measured.falseAlarms, ['action_items']);
    assert.ok(naive.falseAlarms.length > 20, 'the corpus no longer exercises output formats');
  });

  it('reports no unknown tool on the examples and the fixtures that have a Prompt section', () => {
    const files = [
      ...fs.readdirSync(EXAMPLES_DIR).map((file) => path.join(EXAMPLES_DIR, file)),
      ...fs.readdirSync(path.join(FIXTURE_DIR, 'rules')).map((file) => path.join(FIXTURE_DIR, 'rules', file)),
    ].filter((file) => file.endsWith('.agentdoc.md'));
    const reported: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const finding of analyze(text, { today: FIXTURE_TODAY }).findings)
        if (finding.code === 'AD316') reported.push(`${path.basename(file)}: ${finding.message.slice(0, 60)}`);
    }
    // The fixture's one expected AD316 (a tool the prompt names and the table lacks) and nothing else.
    assert.deepEqual(reported, [
      'semantic-references.agentdoc.md: The prompt refers to tool "delete_ticket", which is not in t',
    ]);
  });

  it('a tool named in prose is still found next to an output format that uses the same line shape', () => {
    const model = analyze(
      documentWithPrompt('Call refund_order for small amounts.\nReturn JSON: {"refund_id": "string"}'),
      { today: FIXTURE_TODAY },
    ).model!;
    assert.deepEqual(
      promptToolMentions(model).map((mention) => mention.id),
      ['refund_order'],
    );
  });
});
