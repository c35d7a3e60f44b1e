import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import {
  buildReport,
  escapeHtml,
  renderReportHtml,
  renderReportMarkdown,
  textBar,
} from '../../server/src/engine/report';
import { example } from '../helpers/cli';
import { FIXTURE_TODAY } from '../helpers/fixtures';

describe('readiness report (engine, pure)', () => {
  const complete = buildReport(
    [
      {
        path: 'examples/complete.agentdoc.md',
        result: analyze(example('complete.agentdoc.md'), { today: FIXTURE_TODAY }),
      },
    ],
    { date: FIXTURE_TODAY },
  );

  it('names the agent, owner, tier, stage and the stage it is ready for', () => {
    const agent = complete.agents[0]!;
    assert.equal(agent.id, 'ap-invoice-triage');
    assert.ok(agent.owner && agent.tier && agent.readyFor);
    assert.ok(agent.stages.every((stage) => stage.met === stage.total));
    assert.ok(agent.gates.flatMap((gate) => gate.items).some((item) => item.signer && item.date && item.evidence));
  });

  it('Markdown has a text bar per stage and a table per gate', () => {
    const markdown = renderReportMarkdown(complete);
    assert.match(markdown, /\| Production \| `██████████ \d+\/\d+` \| 100% \|/);
    assert.match(markdown, /### Production: /);
    assert.equal(textBar(1, 4), '███░░░░░░░ 1/4');
  });

  it('HTML escapes every piece of document text', () => {
    const evil = example('pilot.agentdoc.md')
      .replace('name: Support reply drafter', 'name: "<script>alert(1)</script>"')
      .replace('name: Daniel Okafor', 'name: "Dan <img src=x onerror=alert(1)>"');
    const html = renderReportHtml(
      buildReport([{ path: 'a/<b>.agentdoc.md', result: analyze(evil, { today: FIXTURE_TODAY }) }], {
        date: FIXTURE_TODAY,
      }),
    );
    assert.doesNotMatch(html, /<script>|<img|<b>/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /class="bar"/);
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const markdown = renderReportMarkdown(
      buildReport([{ path: 'a.agentdoc.md', result: analyze(evil, { today: FIXTURE_TODAY }) }], {
        date: FIXTURE_TODAY,
      }),
    );
    assert.doesNotMatch(markdown, /<script>|<img/);
  });
});
