import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyze,
  buildReport,
  bundledSchemas,
  hoverAt,
  readinessView,
  renderReportHtml,
  renderReportMarkdown,
  type AnalysisResult,
  type Finding,
} from '../../server/src/engine';
import { holdDays } from '../../server/src/engine/rules/rolloutHolds';
import { splitSigners } from '../../server/src/engine/evaluation/signers';
import { EXAMPLES_DIR, FIXTURE_TODAY } from '../helpers/fixtures';

const COMPLETE = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');
const RISK = /\nrisk:\n(?: {2}.*\n)+/;

/**
 * The complete example (tier-2: internal, personal data, medium financial impact) as a team on the
 * light path would write it: no security test, load test or communication plan signed, the owner
 * signing the staging integration test, 10 days of shadow and a 3-day canary stage. Only the risk
 * facts change between the tiers, so every difference in the findings is the tier's.
 */
const LIGHT = COMPLETE.replace(/\| (security-tested|communication-plan|integration-at-scale) \| pass \|[^\n]*\n/g, '')
  .replace('| integration-tested | pass | Lukas Meier (platform) |', '| integration-tested | pass | Maria Lindqvist |')
  .replace('| shadow | 0% | 3 weeks |', '| shadow | 0% | 10 days |')
  .replace('| canary | 15% | 7 days |', '| canary | 15% | 3 days |');

function withRisk(risk: string, text = LIGHT): string {
  assert.match(text, RISK);
  return text.replace(/\ntier: tier-2\n/, '\n').replace(RISK, `\nrisk:\n${risk}`);
}

const RISK_1 = `  personal_data: false
  customer_facing: false
  financial_impact: low
  eu_ai_act:
    class: minimal
    rationale: Back-office routing of supplier invoices for internal AP staff.
`;
const RISK_2 = `  personal_data: true
  data_categories: [contact, financial]
  customer_facing: false
  financial_impact: medium
  dpia_criteria: [innovative-technology, matching-datasets]
  eu_ai_act:
    class: minimal
    rationale: Back-office routing of supplier invoices for internal AP staff.
  automated_legal_effect: false
`;
const RISK_3 = `  personal_data: true
  data_categories: [contact, financial]
  customer_facing: false
  financial_impact: high
  dpia_criteria: [innovative-technology, matching-datasets]
  eu_ai_act:
    class: minimal
    rationale: Back-office routing of supplier invoices for internal AP staff.
  automated_legal_effect: false
`;

const [TIER_1, TIER_2, TIER_3] = [withRisk(RISK_1), withRisk(RISK_2), withRisk(RISK_3)];
const [FULL_1, FULL_2] = [withRisk(RISK_1, COMPLETE), withRisk(RISK_2, COMPLETE)];

function run(text: string): AnalysisResult {
  return analyze(text, { today: FIXTURE_TODAY });
}

function items(result: AnalysisResult): string[] {
  return (result.readiness?.items ?? []).filter((item) => item.kind === 'gate-item').map((item) => item.item.id);
}

function messageOf(result: AnalysisResult, code: string): string {
  return result.findings.find((finding) => finding.code === code)?.message ?? '';
}

function keys(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.code} ${finding.subject?.id ?? ''}`.trim()).sort();
}

describe('tiers change the gates', () => {
  const [one, two, three] = [run(TIER_1), run(TIER_2), run(TIER_3)];

  it('derives tier-1, tier-2 and tier-3 from the risk facts of one document', () => {
    assert.deepEqual([one.facts.tier, two.facts.tier, three.facts.tier], ['tier-1', 'tier-2', 'tier-3']);
  });

  it('gives the light path fewer items and tier-3 more', () => {
    const [a, b, c] = [items(one), items(two), items(three)];
    assert.ok(a.length < b.length && b.length < c.length, `${a.length} < ${b.length} < ${c.length}`);
    for (const id of ['security-tested', 'integration-at-scale', 'communication-plan']) {
      assert.ok(!a.includes(id), `tier-1 skips ${id}`);
      assert.ok(b.includes(id) && c.includes(id), `tier-2 and tier-3 need ${id}`);
    }
    for (const id of ['classification-reviewed', 'red-team-tested']) {
      assert.ok(!b.includes(id) && c.includes(id), `only tier-3 needs ${id}`);
    }
  });

  it('gives visibly different finding sets', () => {
    // Tier-1: the light path is met as written.
    assert.deepEqual(keys(one.findings), []);
    assert.equal(one.verdict.phrase, 'Production · ready');
    // Tier-2: the security test, load test and launch plan are due, platform/SRE signs the staging
    // test, shadow is held 2 weeks and each canary stage 7 days.
    assert.deepEqual(keys(two.findings), [
      'AD201 integration-at-scale',
      'AD470 integration-tested',
      'AD473 rollout.canary',
      'AD473 rollout.shadow',
    ]);
    assert.match(messageOf(two, 'AD201'), /canary: integration-at-scale, communication-plan, security-tested\b/);
    // Tier-3 adds the DPO's or legal's classification review and security's red-team test, and asks
    // for 4 weeks of shadow and 14 days per canary stage.
    assert.deepEqual(keys(three.findings), [
      'AD201 classification-reviewed',
      'AD470 integration-tested',
      'AD473 rollout.canary',
      'AD473 rollout.canary',
      'AD473 rollout.canary',
      'AD473 rollout.shadow',
    ]);
    assert.match(messageOf(three, 'AD201'), /shadow: classification-reviewed\b/);
    assert.match(
      messageOf(three, 'AD201'),
      /canary: integration-at-scale, communication-plan, security-tested, red-team-tested\b/,
    );
    assert.deepEqual(
      [one, two, three].map((result) => result.findings.length),
      [0, 4, 6],
    );
  });

  it('keeps the complete example clean at its own tier', () => {
    assert.deepEqual(keys(run(COMPLETE).findings), []);
  });

  it('lets the tier-1 owner sign what a team can judge for itself, but never their own quality bar', () => {
    const ownerSigns = (text: string, item: string) =>
      text.replace(new RegExp(`\\| ${item} \\| pass \\| [^|]+\\|`), `| ${item} | pass | Maria Lindqvist |`);
    const integration = (text: string) => keys(run(ownerSigns(text, 'integration-tested')).findings);
    assert.deepEqual(integration(FULL_1), []);
    assert.deepEqual(integration(FULL_2), ['AD470 integration-tested']);
    const quality = (text: string) => keys(run(ownerSigns(text, 'quality-bar-met')).findings);
    assert.deepEqual(quality(FULL_1), ['AD471 quality-bar-met']);
    assert.deepEqual(quality(FULL_2), ['AD471 quality-bar-met']);
  });

  it('fails a document whose sign-offs are by the wrong roles', () => {
    const wrong = FULL_2.replace(
      '| compliance-signed-off | pass | Anna Berg (DPO) |',
      '| compliance-signed-off | pass | Lukas Meier (platform) |',
    ).replace('| security-tested | pass | Sofia Alvarez (security) |', '| security-tested | pass | Maria Lindqvist |');
    const result = run(wrong);
    assert.deepEqual(keys(result.findings), ['AD470 compliance-signed-off', 'AD471 security-tested']);
    assert.ok(result.findings.every((finding) => finding.severity === 'error'));
    assert.equal(result.verdict.readyFor?.id, 'shadow', 'wrong-role sign-offs of canary items block canary');
    const statuses = new Map((result.readiness?.items ?? []).map((item) => [item.item.id, item.status]));
    assert.equal(statuses.get('compliance-signed-off'), 'open');
    assert.equal(statuses.get('security-tested'), 'open');
  });
});

describe('sign-off roles', () => {
  it('names who must still sign in the pending message', () => {
    const pending = run(FULL_2.replace(/\| security-tested \| pass \| [^\n]*\n/, '')).findings;
    const message = pending.find((finding) => finding.code === 'AD201')?.message ?? '';
    assert.match(message, /"security-tested" with the signer \(security\), the date and the evidence/);
  });

  it('splits a cell into its signers, not inside brackets', () => {
    assert.deepEqual(splitSigners('Priya Raman and Maria Lindqvist'), ['Priya Raman', 'Maria Lindqvist']);
    assert.deepEqual(splitSigners('Anna Berg (DPO, privacy); Lukas Meier & Sand Anderson'), [
      'Anna Berg (DPO, privacy)',
      'Lukas Meier',
      'Sand Anderson',
    ]);
  });

  it('reads hold durations as days, taking the shorter end of a range', () => {
    assert.deepEqual(['3 weeks', '2-4 weeks', '48 hours', '14 days', '1 month', 'ongoing', '7d'].map(holdDays), [
      21,
      14,
      2,
      14,
      30,
      undefined,
      7,
    ]);
  });
});

describe('team owners (policy teamOwnerAllowed)', () => {
  const team = COMPLETE.replace('  name: Maria Lindqvist\n', '  name: AP Automation team\n');
  const ad300 = (result: AnalysisResult) => result.findings.filter((finding) => finding.code === 'AD300').length;

  it('asks for a named person by default (seed 000)', () => {
    assert.equal(bundledSchemas.policy.teamOwnerAllowed, false);
    assert.equal(ad300(run(team)), 1);
  });

  it('accepts a team when the policy allows it (seeds 002 and 003), but still no placeholder', () => {
    const schemas = { ...bundledSchemas, policy: { ...bundledSchemas.policy, teamOwnerAllowed: true } };
    assert.equal(ad300(analyze(team, { today: FIXTURE_TODAY, schemas })), 0);
    const tbd = COMPLETE.replace('  name: Maria Lindqvist\n', '  name: unassigned\n');
    assert.equal(ad300(analyze(tbd, { today: FIXTURE_TODAY, schemas })), 1);
  });
});

describe('who must still sign, in the checklist, the report and hovers', () => {
  const unsigned = FULL_2.replace(/\| security-tested \| pass \| [^\n]*\n/, '');
  const result = run(unsigned);

  it('marks the unsigned item with the roles that must sign it in the checklist', () => {
    const view = readinessView(result, 'file:///agent.agentdoc.md');
    const all = view?.gates.flatMap((gate) => gate.items) ?? [];
    const security = all.find((item) => item.id === 'security-tested');
    assert.equal(security?.signers, 'security');
    assert.equal(security?.awaitingSignoff, true);
    const compliance = all.find((item) => item.id === 'compliance-signed-off');
    assert.equal(compliance?.signers, 'DPO or legal');
    assert.equal(compliance?.awaitingSignoff, false);
    assert.ok(compliance?.frameworks?.some((framework) => framework.label === 'ISO/IEC 42001 A.6.2.8'));
  });

  it('says who must sign in the report, and cites the frameworks', () => {
    const report = buildReport([{ path: 'agent.agentdoc.md', result }], { date: FIXTURE_TODAY });
    const markdown = renderReportMarkdown(report);
    assert.match(markdown, /\(`security-tested`\) \| [^|]* — to sign: security \|/);
    assert.match(
      markdown,
      /NIST AI 100-1, Artificial Intelligence Risk Management Framework \(AI RMF 1\.0\): \[NIST AI RMF GOVERN 1\.1\]\(<https:\/\/doi\.org\/10\.6028\/NIST\.AI\.100-1>\)/,
    );
    assert.match(renderReportHtml(report), /to sign: security/);
  });

  it('explains a review row in a hover: roles at the tier, independence, frameworks', () => {
    const line = unsigned.split('\n').findIndex((text) => text.startsWith('| quality-bar-met |'));
    const hover = hoverAt(result, { line, character: 4 });
    assert.match(
      hover?.markdown ?? '',
      /\*\*May be signed by:\*\* business sponsor, steering committee or platform\/SRE \(tier-2\)\. Not the owner/,
    );
    assert.match(hover?.markdown ?? '', /Frameworks: .*NIST AI RMF MEASURE 1\.3/);
  });
});
