import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, DEFAULT_MAX_BYTES } from '../../server/src/engine';
import { EXAMPLES_DIR } from '../helpers/fixtures';
import { StdioLspClient } from '../helpers/lspClient';
import { invariantViolations, timed } from './invariants';

const complete = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');
const fenceEnd = complete.indexOf('\n---\n', 4) + 5;
const frontMatter = complete.slice(0, fenceEnd);
const body = complete.slice(fenceEnd);
const DEEP = 10_000;
const laughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

/** Hostile documents; `expect` is the one code that must appear (or undefined: findings, no crash). */
export const HOSTILE: { name: string; text: () => string; expect?: string }[] = [
  { name: 'YAML alias bomb (billion laughs)', text: () => `---\n${laughs}\n---\n${body}`, expect: 'AD001' },
  {
    name: `YAML flow sequences nested ${DEEP} deep`,
    text: () => `---\nx: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n---\n${body}`,
    expect: 'AD001',
  },
  {
    name: `YAML flow mappings nested ${DEEP} deep, unclosed`,
    text: () => `---\nx: ${'{a: '.repeat(DEEP)}\n---\n${body}`,
    expect: 'AD001',
  },
  {
    name: `YAML block sequences nested ${DEEP} deep`,
    text: () => `---\nx:\n  ${'- '.repeat(DEEP)}1\n---\n${body}`,
    expect: 'AD001',
  },
  {
    name: `YAML complex keys nested ${DEEP} deep`,
    text: () => `---\n${'? '.repeat(DEEP)}x\n---\n${body}`,
    expect: 'AD001',
  },
  {
    name: `YAML ${DEEP} tags on one node`,
    text: () => `---\nx: ${'!t '.repeat(DEEP)}1\n---\n${body}`,
    expect: 'AD001',
  },
  { name: `Markdown lists nested ${DEEP} deep`, text: () => `${complete}\n${'- '.repeat(DEEP)}item\n` },
  {
    name: `Markdown lists nested ${DEEP} deep, one per line`,
    text: () =>
      `${complete}\n${Array.from({ length: DEEP }, (_, i) => `${' '.repeat(Math.min(i, 3))}- item`).join('\n')}\n`,
  },
  { name: `Markdown blockquotes nested ${DEEP} deep`, text: () => `${complete}\n${'> '.repeat(DEEP)}quote\n` },
  {
    name: `Markdown brackets and emphasis ${DEEP} deep`,
    text: () => `${complete}\n${'['.repeat(DEEP)}${'*'.repeat(DEEP)}x${'*'.repeat(DEEP)}${']'.repeat(DEEP)}\n`,
  },
  {
    name: '10 MB document',
    text: () => `${complete}\n${'Lorem ipsum dolor sit amet.\n'.repeat(400_000)}`,
    expect: 'AD901',
  },
  { name: '2 MB single line of words', text: () => `${complete}\n${'word '.repeat(400_000)}\n` },
  { name: '2 MB single line of backticks', text: () => `${complete}\n${'`a'.repeat(1_000_000)}\n` },
  {
    name: '2 MB single line of table pipes',
    text: () => `${complete}\n| a | b |\n|---|---|\n${'| a '.repeat(500_000)}|\n`,
  },
  { name: 'binary content (NUL bytes)', text: () => `${frontMatter}\u0000\u0001\u0002\u00ff${body}`, expect: 'AD902' },
  {
    name: 'binary content without NULs (undecodable bytes)',
    text: () =>
      Array.from({ length: 4000 }, (_, i) => String.fromCharCode(i % 3 === 0 ? 0xfffd : 1 + (i % 8))).join(''),
    expect: 'AD902',
  },
  {
    name: 'a 50,000-row table',
    text: () =>
      `${complete}\n## Tools\n\n| Tool | Purpose | Failure modes |\n|---|---|---|\n${Array.from({ length: 50_000 }, (_, i) => `| t${i} | p | f |`).join('\n')}\n`,
  },
  {
    name: '50,000 headings',
    text: () => `${complete}\n${Array.from({ length: 50_000 }, (_, i) => `## Heading ${i}\n`).join('')}`,
  },
];

/** The issue's budget; CPU time is measured so other builds on the machine do not count. */
const BUDGET_MS = 2000;

describe('hostile input', function () {
  this.timeout(120_000);

  for (const hostile of HOSTILE) {
    it(`${hostile.name}: findings, no internal error, within ${BUDGET_MS} ms of CPU`, () => {
      const text = hostile.text();
      const { value, cpuMs, wallMs } = timed(() => analyze(text));
      assert.deepEqual(invariantViolations(text, value.findings), []);
      assert.ok(value.findings.length > 0 || hostile.expect === undefined, 'expected findings');
      if (hostile.expect)
        assert.ok(
          value.findings.some((finding) => finding.code === hostile.expect),
          `expected ${hostile.expect}, got ${[...new Set(value.findings.map((finding) => finding.code))].join(', ')}`,
        );
      if (hostile.expect === 'AD901' || hostile.expect === 'AD902')
        assert.equal(value.findings.length, 1, 'one clear "too large / not text" finding');
      if (hostile.name.includes('50,000-row')) {
        // One finding per row from a rule is summed up after 1,000 instead of flooding the editor.
        assert.ok(value.findings.length < 5000, `${value.findings.length} findings`);
        assert.ok(
          value.findings.some((finding) =>
            /more AD\d{3} .* findings in this document are not listed/.test(finding.message),
          ),
        );
      }
      // One run's CPU time varies up to twofold with garbage collection and a loaded machine; a hang or a
      // super-linear path exceeds the budget on every run, so a second run is the judge when the first is over.
      const best = cpuMs < BUDGET_MS ? cpuMs : Math.min(cpuMs, timed(() => analyze(text)).cpuMs);
      assert.ok(best < BUDGET_MS, `took ${Math.round(best)} ms of CPU (first run ${Math.round(wallMs)} ms wall)`);
    });
  }

  it("the size limit is the setting's default and can be raised: a 6 MB document is then analysed", () => {
    const text = `${complete}\n${'Lorem ipsum dolor sit amet.\n'.repeat(220_000)}`;
    assert.ok(text.length > DEFAULT_MAX_BYTES);
    const { value, cpuMs } = timed(() => analyze(text, { maxBytes: 20_000_000 }));
    assert.ok(!value.findings.some((finding) => finding.code === 'AD901' || finding.code === 'AD900'));
    assert.ok(cpuMs < BUDGET_MS * 2, `took ${Math.round(cpuMs)} ms of CPU`);
  });

  describe('through the language server', () => {
    let client: StdioLspClient;
    beforeEach(() => {
      client = new StdioLspClient();
    });
    afterEach(async () => {
      await client.close();
    });

    it('stays responsive: a normal document opened after hostile ones still gets its diagnostics', async () => {
      await client.initialize();
      const hostile = HOSTILE.filter((entry) =>
        /alias bomb|flow sequences|complex keys|10 MB|backticks|50,000-row|binary content \(NUL/.test(entry.name),
      );
      for (const [n, entry] of hostile.entries()) await client.open(`untitled:/hostile-${n}.agentdoc.md`, entry.text());
      await client.open('untitled:/normal.agentdoc.md', complete);
      const normal = await client.diagnostics('untitled:/normal.agentdoc.md', () => true, 30_000);
      // The hostile copies share the example's id, so workspace findings (AD380) may come on top.
      assert.deepEqual(
        normal.diagnostics.map((diagnostic) => diagnostic.code).filter((code) => code !== 'AD380'),
        analyze(complete).findings.map((finding) => finding.code),
      );
      for (const [n, entry] of hostile.entries()) {
        const published = await client.diagnostics(`untitled:/hostile-${n}.agentdoc.md`, () => true, 30_000);
        if (entry.expect)
          assert.ok(
            published.diagnostics.some((diagnostic) => diagnostic.code === entry.expect),
            `${entry.name}: expected ${entry.expect}`,
          );
        assert.ok(!published.diagnostics.some((diagnostic) => diagnostic.code === 'AD900'), entry.name);
      }
      assert.equal(client.process.exitCode, null, 'the server is still running');
    });
  });
});
