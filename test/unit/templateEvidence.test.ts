import * as assert from 'node:assert/strict';
import { analyze, buildReport, exportDocument, renderReportMarkdown } from '../../server/src/engine';
import { createSkeleton, type SkeletonAnswers } from '../../server/src/engine/skeleton';
import { FIXTURE_TODAY } from '../helpers/fixtures';

/**
 * A fresh `agentdoc init` document is template text: what a reviewer reads about it (report,
 * checklist, Annex IV export) must not present the template as evidence or documentation.
 */
const REFUND: SkeletonAnswers = {
  id: 'refund-assistant',
  name: 'Refund assistant',
  owner: 'Ann Smith',
  customerFacing: true,
  personalData: true,
  financialImpact: 'medium',
  today: FIXTURE_TODAY,
};

const statusOf = (text: string, id: string): string | undefined =>
  analyze(text, { today: FIXTURE_TODAY }).readiness?.items.find((item) => item.item.id === id)?.status;

/** Replaces every TODO in the lines of one section (by heading) with some written text. */
function fillSection(text: string, heading: string, value: (line: string) => string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  let end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  if (end < 0) end = lines.length;
  for (let index = start + 1; index < end; index++) lines[index] = value(lines[index]!);
  return lines.join('\n');
}

describe('template text is not evidence (report, checklist, export of a fresh init document)', () => {
  const text = createSkeleton(REFUND);

  it('gate items resting on template rows are not met', () => {
    // | FM-1 | TODO | … | no | … |, an alert routed to TODO, a rollout whose rows are all TODO.
    for (const id of ['intolerable-failures', 'alerts-routed', 'full-rollout-planned', 'red-team-tested'])
      assert.notEqual(statusOf(text, id), 'met', id);
  });

  it('the same items are met once the rows are written', () => {
    const written = fillSection(
      fillSection(
        fillSection(text, 'Failure modes', (line) => line.replace(/TODO/g, 'written')),
        'Operations',
        (line) => line.replace(/TODO/g, 'written'),
      ),
      'Rollout',
      (line) => line.replace(/TODO/g, 'written'),
    );
    for (const id of ['intolerable-failures', 'alerts-routed', 'full-rollout-planned'])
      assert.equal(statusOf(written, id), 'met', id);
  });

  it('a section holding only its template is "placeholder", not "missing"', () => {
    assert.equal(statusOf(text, 'section-runbook'), 'placeholder');
    assert.equal(statusOf(text, 'section-failures'), 'placeholder');
    assert.equal(statusOf(text.replace(/## Runbook[\s\S]*?(?=## Rollout)/, ''), 'section-runbook'), 'missing');
    const report = renderReportMarkdown(
      buildReport([{ path: 'refund-assistant.agentdoc.md', result: analyze(text, { today: FIXTURE_TODAY }) }], {
        date: FIXTURE_TODAY,
      }),
    );
    assert.match(report, /Section "Runbook" \(`section-runbook`\) \| 📝 placeholder text \|/);
    assert.match(report, /Failure modes that cannot be tolerated are named \(`intolerable-failures`\) \| ❌ missing/);
    assert.doesNotMatch(report, /Section "Runbook" \(`section-runbook`\) \| ❌ missing/);
  });

  it('the Annex IV export quotes no template text and no comment, and lists the template parts as gaps', () => {
    const result = exportDocument(analyze(text, { today: FIXTURE_TODAY }), 'annex-iv', {
      fileName: 'refund-assistant.agentdoc.md',
      date: FIXTURE_TODAY,
    });
    assert.ok(result);
    assert.doesNotMatch(result.text, /\bTODO\b/);
    assert.doesNotMatch(result.text, /<!--|Required from/);
    // The Compliance template's own sentence is template text too, TODO or not.
    assert.doesNotMatch(result.text, /Summarise here how the evidence was produced/);
    for (const heading of ['1(b)', '1(h)', '2(d)', '2(f)', '2(g)', '3 ', '9 '])
      assert.ok(
        result.gaps.some((gap) => gap.startsWith(heading)),
        `${heading} is a gap: ${result.gaps.join(' | ')}`,
      );
  });

  it('the Annex IV export quotes what is written and says where template text was left out', () => {
    const partly = text.replace(
      '### Restart\n\n1. TODO',
      '### Restart\n\n1. Restart the worker from the deploy console.',
    );
    const result = exportDocument(analyze(partly, { today: FIXTURE_TODAY }), 'annex-iv', {
      fileName: 'refund-assistant.agentdoc.md',
      date: FIXTURE_TODAY,
    });
    assert.ok(result);
    assert.match(result.text, /#### Restart\n\n1\. Restart the worker from the deploy console\./);
    assert.doesNotMatch(result.text, /#### Rollback/);
    assert.match(result.text, /6 lines that still hold template text \(TODO\) are left out here/);
  });
});
