import * as assert from 'node:assert/strict';
import { CheckJsonError, readCheckJson } from '../../server/src/cli/portfolio/readCheckJson';
import { buildPortfolio, renderPortfolioHtml, renderPortfolioMarkdown } from '../../server/src/engine';

/** `agentdoc portfolio` reads other repositories' JSON: untrusted, possibly old, possibly hostile. */
describe('reading check JSON for the portfolio', () => {
  it('refuses what is not check output, with a reason', () => {
    for (const text of ['', 'not json', '[]', '{"files": 3}', 'null']) {
      assert.throws(() => readCheckJson(text, 'repo'), CheckJsonError, JSON.stringify(text));
    }
  });

  it('reads output from before the portfolio facts, with fewer facts and no crash', () => {
    const old = JSON.stringify({
      files: [
        {
          path: 'a.agentdoc.md',
          readiness: {
            stage: 'canary',
            readyFor: 'shadow',
            tier: 'tier-2',
            verdict: 'Canary · 2 findings block canary',
            blockedStage: 'canary',
            blockers: 2,
          },
          findings: [{ severity: 'error' }, { severity: 'error' }, { severity: 'warning' }],
        },
      ],
    });
    const [input] = readCheckJson(old, 'finance').inputs;
    assert.ok(input);
    assert.equal(input.repository, 'finance');
    assert.deepEqual(input.verdict.stage, { id: 'canary', title: 'Canary' });
    assert.equal(input.verdict.blockers, 2);
    assert.equal(input.verdict.errors, 2);
    assert.equal(input.verdict.warnings, 1);
    assert.equal(input.facts.tier, 'tier-2');
    assert.equal(input.facts.registry, undefined);
  });

  it('ignores wrong types field by field, cuts long strings, and escapes what it renders', () => {
    const hostile = JSON.stringify({
      repository: '<script>alert(1)</script>',
      files: [
        { path: 42 },
        'nonsense',
        {
          path: 'x.agentdoc.md',
          readiness: {
            stage: { nested: true },
            blockers: -5,
            blocking: [{ rule: 7 }, { rule: 'AD100', subject: 'x' }],
            verdict: '<img src=x onerror=alert(1)>',
          },
          agent: {
            id: 'dup',
            name: 'x'.repeat(10_000),
            owner: ['not', 'a', 'string'],
            registry: {
              type: '=HYPERLINK("http://evil")',
              metrics: { values: { automation_rate: 'lots', tasks_per_day: Infinity } },
              retirement: { thresholds: [{ metric: 'automation_rate', direction: 'sideways', threshold: 1 }, null] },
              review: { overdue: 'yes' },
              ownerHistory: [{ name: 5 }, { name: 'Ravi Patel', to: '2026-01-01' }],
            },
          },
        },
        { path: 'y.agentdoc.md', agent: { id: 'dup' } },
      ],
    });
    const { repository, inputs } = readCheckJson(hostile, 'fallback');
    assert.equal(inputs.length, 2);
    const [first] = inputs;
    assert.ok(first);
    assert.equal(first.verdict.stage, undefined);
    assert.equal(first.verdict.blockers, 0);
    assert.deepEqual(first.verdict.blocking, [{ code: 'AD100' }]);
    assert.ok((first.facts.name ?? '').length <= 500);
    assert.equal(first.facts.owner, undefined);
    assert.equal(first.facts.registry?.review.overdue, false);
    assert.deepEqual(first.facts.registry?.metrics?.values, {});
    assert.deepEqual(first.facts.registry?.retirement.thresholds, []);
    assert.deepEqual(
      first.facts.registry?.ownerHistory.map((owner) => [owner.index, owner.name]),
      [[1, 'Ravi Patel']],
    );
    const portfolio = buildPortfolio(inputs, { date: '2026-11-23' });
    assert.deepEqual(
      portfolio.duplicates.map((duplicate) => duplicate.id),
      ['dup'],
    );
    const html = renderPortfolioHtml(portfolio);
    assert.doesNotMatch(html, /<script>alert|<img src=x/);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.equal(repository, '<script>alert(1)</script>');
    assert.doesNotMatch(renderPortfolioMarkdown(portfolio), /<script>|<img/);
  });
});
