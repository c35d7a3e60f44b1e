import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { EXAMPLES_DIR } from '../helpers/fixtures';
import { invariantViolations, timed } from './invariants';
import { blockDifferences } from './markdownOracle';

// commonmark-spec has no types: its tests are { markdown, html, section, number }.

const spec = require('commonmark-spec') as { tests: { markdown: string; section: string; number: number }[] };

const complete = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');
const frontMatter = complete.slice(0, complete.indexOf('\n---\n', 4) + 5);

describe('CommonMark spec examples (npm commonmark-spec) as section bodies', function () {
  this.timeout(120_000);

  it('every example: no exception, invariants hold, blocks and headings exactly as markdown-it finds them', () => {
    const failures: string[] = [];
    let maxCpuMs = 0;
    for (const example of spec.tests) {
      const markdown = example.markdown.replace(/→/g, '\t');
      const label = `example ${example.number} (${example.section})`;
      const intro = '# Agent\n\n## Purpose & scope\n\n';
      const text = `${frontMatter}${intro}${markdown}\n## Runbook\n\n1. Restart the worker.\n`;
      const bodyLine = frontMatter.split('\n').length - 1;
      for (const [what, document] of [
        ['as a section body', text],
        ['as the whole document', markdown],
      ] as const) {
        try {
          const run = timed(() => analyze(document));
          maxCpuMs = Math.max(maxCpuMs, run.cpuMs);
          failures.push(
            ...invariantViolations(document, run.value.findings).map((problem) => `${label} ${what}: ${problem}`),
          );
          if (what === 'as the whole document' || !run.value.model) continue;
          const model = run.value.model;
          // Sections are the headings of the document's section level, in order, as markdown-it has them.
          const body = text.slice(frontMatter.length);
          const { expected, difference } = blockDifferences(body, bodyLine);
          if (difference) failures.push(`${label}: blocks differ from markdown-it's: ${difference}`);
          const headings = expected.filter((line) => line.startsWith(`heading h${model.sectionLevel} `));
          assert.deepEqual(
            model.sections
              .map(
                (section) =>
                  `heading h${section.heading.level} ${section.heading.line}-${section.heading.line + (section.heading.line === section.startLine ? 1 : 0)} ${section.heading.text}`,
              )
              .map((line) => line.replace(/ \d+-\d+ /, ' ')),
            headings.map((line) => line.replace(/ \d+-\d+ /, ' ')),
            `${label}: sections differ`,
          );
        } catch (error) {
          failures.push(`${label} ${what}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    console.log(
      `      commonmark-spec: ${spec.tests.length} examples, each as a section body and as a whole document, ${failures.length} failures, max ${Math.round(maxCpuMs)} ms CPU`,
    );
    assert.ok(spec.tests.length > 600);
    assert.deepEqual(failures.slice(0, 20), []);
  });

  it('tables (GFM, not in the CommonMark spec): the same extent as stock markdown-it, which builds every cell', () => {
    const shapes = [
      '| a | b |\n|---|---|\n| 1 | 2 |\n',
      'a paragraph the table interrupts\n| a | b |\n|---|---|\n| 1 | 2 |\n',
      'a | b\n--- | ---\n1 | 2\nno pipes but still a row\n\npara\n',
      '| a | b |\n|:-|-:|\n| `x | y` | \\| |\n> quote ends it\n',
      '| a |\n|---|\n| 1 | 2 | 3 |\n|\n# heading ends it\n',
      '- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n',
      '| a | b |\n|---|\n| 1 | 2 |\n',
      '    | code | not table |\n    |---|---|\n',
      `| a | b |\n|---|---|\n${'| x |\n'.repeat(70_000)}after\n`,
      `| Tool | Purpose |\n|---|---|\n${Array.from({ length: 2000 }, (_, i) => `| t${i} | p${'|'.repeat(i % 4)} |`).join('\n')}\n`,
    ];
    for (const [n, shape] of shapes.entries())
      assert.equal(blockDifferences(shape, 3).difference, undefined, `shape ${n}`);
  });
});
