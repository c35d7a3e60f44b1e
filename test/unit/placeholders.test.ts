import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, createSkeleton, setLocale, type Finding } from '../../server/src/engine';
import { applyInsertions } from '../../server/src/engine/features/codeActions';
import { sectionMarkdown } from '../../server/src/engine/export/documentFacts';
import { buildModel } from '../../server/src/engine/model/documentModel';
import { ownNames, placeholderIn } from '../../server/src/engine/model/placeholders';
import { isPlaceholderName } from '../../server/src/engine/model/values';
import { bundledSchemas } from '../../server/src/engine/schemaData/bundled';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { EXAMPLES_DIR, FIXTURE_TODAY } from '../helpers/fixtures';

const run = (text: string) => analyze(text, { today: FIXTURE_TODAY });
const complete = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');
const lineOf = (text: string, pattern: RegExp): number => text.split('\n').findIndex((line) => pattern.test(line));
const describe_ = (finding: Finding) =>
  `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.code}/${finding.severity} ${finding.message}`;

describe('grouped placeholders never lower what blocks (trial: a TBD owner passed as "Production · ready")', () => {
  // The trial's file: the complete example with a TBD owner and a placeholder no stage reads.
  const tbdOwner = complete
    .replace(/^ {2}name: Maria Lindqvist$/m, '  name: TBD')
    .replace(/^builder: .*$/m, 'builder: TBD');

  it('the grouped finding is an error that blocks production, as the owner alone is', () => {
    const result = run(tbdOwner);
    assert.equal(result.verdict.phrase, 'Production · 1 finding blocks production');
    const placeholders = result.findings.filter((finding) => finding.code === 'AD006');
    assert.deepEqual(placeholders.map(describe_).length, 1, placeholders.map(describe_).join('\n'));
    assert.equal(placeholders[0]!.severity, 'error');
    assert.equal(placeholders[0]!.blocks, 'pilot');
  });

  it('stands on the placeholder that blocks (owner.name), not on the first key group', () => {
    const finding = run(tbdOwner).findings.find((candidate) => candidate.code === 'AD006')!;
    assert.equal(finding.range.start.line, lineOf(tbdOwner, /^ {2}name: TBD$/));
    assert.equal(finding.range.start.character, '  name: '.length);
  });

  it('reads aloud: the stage that waits first, then what no stage waits on', () => {
    const finding = run(tbdOwner).findings.find((candidate) => candidate.code === 'AD006')!;
    assert.equal(
      finding.message,
      'The front matter still has 2 placeholders: write the real values. For pilot: owner.name. Also: builder.',
    );
  });

  it('reads aloud in German and French too, with no English piece left', () => {
    try {
      setLocale('de');
      const de = run(tbdOwner).findings.find((candidate) => candidate.code === 'AD006')!.message;
      assert.equal(
        de,
        'Das Front Matter enthält noch 2 Platzhalter: Schreiben Sie die tatsächlichen Werte. Für pilot: owner.name. Außerdem: builder.',
      );
      setLocale('fr');
      const fr = run(tbdOwner).findings.find((candidate) => candidate.code === 'AD006')!.message;
      assert.equal(
        fr,
        'Le front matter contient encore 2 textes provisoires : indiquez les valeurs réelles. Pour pilot : owner.name. Et aussi : builder.',
      );
    } finally {
      setLocale('en');
    }
  });

  it('an id with "todo" in it is the agent\'s id, not a placeholder: the TBD owner alone blocks', () => {
    const text = tbdOwner
      .replace(/^builder: TBD$/m, 'builder: Finance Automation team')
      .replace(/^id: .*$/m, 'id: todo-reminder');
    const result = run(text);
    assert.equal(result.verdict.phrase, 'Production · 1 finding blocks production');
    const finding = result.findings.find((candidate) => candidate.code === 'AD006')!;
    assert.equal(finding.severity, 'error');
    assert.equal(finding.range.start.line, lineOf(text, /^ {2}name: TBD$/));
  });
});

describe('each gap once (trial: the same gap reported twice)', () => {
  it('an empty owner.name: the schema error, with the gate item that reads it as related information', () => {
    const text = complete.replace(/^ {2}name: Maria Lindqvist$/m, '  name: ""');
    const line = lineOf(text, /^ {2}name: ""$/);
    const there = run(text).findings.filter((finding) => finding.range.start.line === line);
    assert.deepEqual(
      there.map((finding) => finding.code),
      ['AD003'],
      there.map(describe_).join('\n'),
    );
    assert.ok(there[0]!.related?.some((related) => related.code === 'AD200'));
  });

  it('after the front-matter fix, the metrics block it wrote is one gap, not "no figures" beside "placeholder"', () => {
    const text = createSkeleton({
      id: 'refund-helper',
      name: 'Refund helper',
      owner: 'Ann Smith',
      customerFacing: false,
      personalData: false,
      stage: 'canary',
    });
    const fix = run(text)
      .findings.flatMap((finding) => finding.fixes ?? [])
      .find((candidate) => /front-matter blocks|front-matter keys/.test(candidate.title));
    assert.ok(fix, 'the skeleton offers the front-matter fix');
    const index = new LineIndex(text);
    const fixed = applyInsertions(text, fix.insertions, (position) => index.offsetAt(position));
    assert.match(fixed, /^metrics:\n {2}as_of: TODO$/m);
    const metricsLine = lineOf(fixed, /^metrics:$/);
    const onMetrics = run(fixed).findings.filter(
      (finding) => finding.range.start.line === metricsLine || finding.range.start.line === metricsLine + 1,
    );
    assert.deepEqual(onMetrics.map(describe_), []);
  });
});

describe('the agent\'s own name is not a placeholder (trial: init --name "Todo helper" started with 3 errors)', () => {
  for (const name of ['Todo helper', 'TBD tracker', 'Fixme bot']) {
    it(`a pilot skeleton named "${name}" has no errors and no placeholder findings`, () => {
      const text = createSkeleton({
        id: name.toLowerCase().replace(/ /g, '-'),
        name,
        owner: 'Ann Smith',
        customerFacing: false,
        personalData: false,
      });
      const findings = run(text).findings;
      assert.deepEqual(findings.filter((finding) => finding.severity === 'error').map(describe_), []);
      assert.deepEqual(findings.filter((finding) => finding.code === 'AD006').map(describe_), []);
    });
  }

  it('a complete document renamed "Todo list reminder agent" stays ready: its name in tables and text is written content', () => {
    const renamed = complete
      .replace(/ap-invoice-triage/g, 'todo-reminder-agent')
      .replace(/AP invoice exception triage/g, 'Todo list reminder agent')
      .replace(/^\| classify-exception \|/m, '| todo-reminder-agent-classify |')
      .replace(/^\| FM-1 \| /m, '| FM-1 | Todo list reminder agent: ');
    assert.equal(run(renamed).verdict.phrase, run(complete).verdict.phrase);
    assert.deepEqual(
      run(renamed)
        .findings.filter((finding) => /AD006|AD102/.test(finding.code))
        .map(describe_),
      [],
    );
  });

  it('an export keeps the lines that name the agent (they are not template text)', () => {
    const text = createSkeleton({
      id: 'todo-helper',
      name: 'Todo helper',
      owner: 'Ann Smith',
      customerFacing: false,
      personalData: false,
    });
    const purpose = sectionMarkdown(buildModel(text, bundledSchemas), 'purpose') ?? '';
    assert.match(purpose, /^Todo helper: what the agent does/m);
    assert.doesNotMatch(purpose, /left out/);
  });

  it('true placeholders stay placeholders, in the name itself and in the text', () => {
    for (const name of ['TODO', 'TODO: describe', 'TBD', '<fill in>', 'tbd', 'Agent TBD', 'TODO (name it)'])
      assert.ok(isPlaceholderName(name), name);
    for (const name of ['Todo helper', 'TBD tracker', 'Fixme bot', 'todo-reminder', 'xxx-large-router'])
      assert.ok(!isPlaceholderName(name), name);
    const model = buildModel('---\nid: todo-helper\nname: Todo helper\n---\n# Todo helper\n', bundledSchemas);
    assert.equal(ownNames(model).length, 2);
    assert.ok(!placeholderIn(model, 'You are the Todo helper assistant.'));
    assert.ok(!placeholderIn(model, '| todo-helper-output | agent-with-review |'));
    assert.ok(placeholderIn(model, 'Todo helper: TODO describe what it does.'));
    assert.ok(placeholderIn(model, '| TODO | TODO |'));
    const named = run('---\nagentdoc: 1\nid: todo\nname: "TODO: describe"\nstage: pilot\n---\n# X\n').findings;
    // Both are placeholders; with the blocks still to add they are the front matter to write.
    const merged = named.find((finding) => finding.related?.some((related) => related.code === 'AD006'));
    assert.ok(merged, named.map(describe_).join('\n'));
    assert.match(merged.message, /Also: id, name\.$/);
  });
});
