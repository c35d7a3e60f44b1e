import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { analyze, bundledSchemas, loadConfig, type Finding } from '../../server/src/engine';
import { describeSource } from '../../server/src/engine/catalogue/sources';
import { REPO_ROOT } from '../helpers/fixtures';

const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', file), 'utf8'));

/** A shadow-stage, high-risk Annex III agent whose logs are kept too briefly. */
const HIGH_RISK = `---
id: claims-intake
name: Claims intake
stage: shadow
owner:
  name: Jane Doe
  deputy: John Roe
risk:
  personal_data: false
  customer_facing: false
  financial_impact: low
  eu_ai_act:
    class: high
    annex_iii_area: essential-services
    annex_iii_point: 5(a)
    deployer_type: private
compliance:
  human_oversight: A caseworker reviews every proposal and can stop the agent.
  log_retention: 90 days
---
# Claims intake
`;

const codeOf = (findings: readonly Finding[], code: string): Finding[] =>
  findings.filter((finding) => finding.code === code);

describe('regulation calendar (issue 14)', () => {
  it('schemas/regulations.json is valid against its meta-schema (ajv strict mode)', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    const validate = ajv.compile(read('meta/regulations.schema.json') as object);
    assert.ok(validate(read('regulations.json')), ajv.errorsText(validate.errors));
  });

  it('every article and date source in the calendar resolves to the source catalogue', () => {
    for (const obligation of bundledSchemas.regulations.obligations) {
      for (const citation of [...obligation.articles, ...obligation.sources])
        assert.ok(describeSource(citation).document, `${obligation.id}: ${citation}`);
    }
  });

  it('keeps the Digital Omnibus dates marked as a political agreement to check against the Official Journal', () => {
    const omnibus = bundledSchemas.regulations.obligations.filter((obligation) =>
      obligation.sources.includes('Digital Omnibus on AI'),
    );
    assert.deepEqual(
      omnibus.map((obligation) => [obligation.id, obligation.appliesFrom]),
      [
        ['ai-act-high-risk-annex-iii-provider', '2027-12-02'],
        ['ai-act-high-risk-annex-iii-deployer', '2027-12-02'],
        ['ai-act-high-risk-annex-i-provider', '2028-08-02'],
        ['ai-act-high-risk-annex-i-deployer', '2028-08-02'],
      ],
    );
    for (const obligation of omnibus) {
      assert.equal(obligation.status, 'political-agreement');
      assert.match(obligation.note ?? '', /7 May 2026.*Official Journal/);
    }
  });

  it('reports a high-risk duty as information, blocking nothing, before the day it applies', () => {
    const [before] = codeOf(analyze(HIGH_RISK, { today: '2027-12-01' }).findings, 'AD354');
    assert.equal(before?.severity, 'information');
    assert.equal(before?.blocks, undefined);
    assert.match(before?.message ?? '', /says 90 days\. .*Required from 2 December 2027/);
    const [after] = codeOf(analyze(HIGH_RISK, { today: '2027-12-02' }).findings, 'AD354');
    assert.equal(after?.severity, 'error');
    assert.equal(after?.blocks, 'shadow');
    assert.doesNotMatch(after?.message ?? '', /Required from/);
  });

  it('lets the workspace config move a date, and rejects an obligation it does not know', () => {
    const moved = loadConfig('regulations:\n  ai-act-high-risk-annex-iii-provider: "2026-01-01"\n', '.agentdoc.yaml');
    assert.deepEqual(moved.problems, []);
    const [finding] = codeOf(analyze(HIGH_RISK, { today: '2026-11-23', schemas: moved.schemas }).findings, 'AD354');
    assert.equal(finding?.severity, 'error');
    const unknown = loadConfig('regulations:\n  ai-act-everything: "2026-01-01"\n', '.agentdoc.yaml');
    assert.equal(unknown.problems.length, 1, JSON.stringify(unknown.problems));
  });
});

describe('regulation points (issue 14)', () => {
  const DPIA_APPROVED = (stage: string, extra = '') => `---
id: hr-leave
name: HR leave
stage: ${stage}
owner:
  name: Jane Doe
risk:
  personal_data: true
  data_categories: [contact]
  customer_facing: false
  financial_impact: low
  dpia_criteria: [innovative-technology, large-scale]
  eu_ai_act:
    class: minimal
compliance:
  dpia:
    required: true
    reference: DPIA-1
    status: approved
    dpo_advice: given 2026-01-02${extra}
---
# HR leave
`;

  it('point 1: an approved DPIA without its date is reported from shadow, not in the pilot', () => {
    assert.equal(
      codeOf(analyze(DPIA_APPROVED('shadow'), { today: '2026-11-23' }).findings, 'AD450')[0]?.severity,
      'error',
    );
    assert.equal(
      codeOf(analyze(DPIA_APPROVED('pilot'), { today: '2026-11-23' }).findings, 'AD450')[0]?.severity,
      'warning',
    );
    const dated = DPIA_APPROVED('shadow', '\n    approved_on: 2026-05-28');
    assert.deepEqual(codeOf(analyze(dated, { today: '2026-11-23' }).findings, 'AD450'), []);
  });

  it('point 6: a DPIA the go-live review lists is an error, due from shadow, for a canary agent', () => {
    const text = DPIA_APPROVED('canary').replace('status: approved', 'status: in-progress');
    const result = analyze(text, { today: '2026-11-23' });
    const finding = result.findings.find((one) => one.subject?.id === 'dpia-approved');
    assert.equal(finding?.severity, 'error');
    assert.equal(finding?.blocks, 'shadow');
    assert.equal(result.verdict.blockedStage?.id, 'canary');
  });

  it('point 6: an overdue review of a live agent is an error, of a pilot only a hint', () => {
    const doc = (stage: string) =>
      DPIA_APPROVED(stage, '\n    approved_on: 2026-05-28').replace(
        '---\n# HR',
        'review:\n  cadence: monthly\n  last: 2026-06-01\n---\n# HR',
      );
    const live = codeOf(analyze(doc('canary'), { today: '2026-11-23' }).findings, 'AD363')[0];
    assert.equal(live?.severity, 'error');
    assert.equal(live?.blocks, 'canary');
    assert.equal(codeOf(analyze(doc('pilot'), { today: '2026-11-23' }).findings, 'AD363')[0]?.severity, 'hint');
  });

  it('point 6: a house rule that asks for an AI label says it is the policy, not the AI Act', () => {
    const text = `---
id: drafts
name: Drafts
stage: canary
owner:
  name: Jane Doe
risk:
  personal_data: false
  customer_facing: true
  financial_impact: low
  eu_ai_act:
    class: minimal
    interacts_with_people: false
compliance:
  audit_log: [input, reasoning, action, outcome, timestamp]
---
# Drafts
`;
    assert.deepEqual(codeOf(analyze(text, { today: '2026-11-23' }).findings, 'AD355'), []);
    const config = loadConfig('policy:\n  aiDisclosureForCustomerFacing: true\n', '.agentdoc.yaml');
    const [finding] = codeOf(analyze(text, { today: '2026-11-23', schemas: config.schemas }).findings, 'AD355');
    assert.match(
      finding?.message ?? '',
      /your policy \(aiDisclosureForCustomerFacing\).*house rule, whatever the AI Act requires/,
    );
  });

  it('point 10: a team owner passes when the policy allows teams, a placeholder never does', () => {
    const text = (name: string) => `---
id: wiki
name: Wiki
stage: pilot
owner:
  name: ${name}
risk:
  personal_data: false
  customer_facing: false
---
# Wiki
`;
    const teams = loadConfig('policy:\n  teamOwnerAllowed: true\n', '.agentdoc.yaml').schemas;
    assert.equal(codeOf(analyze(text('Knowledge Platform team'), { today: '2026-11-23' }).findings, 'AD300').length, 1);
    assert.deepEqual(
      codeOf(analyze(text('Knowledge Platform team'), { today: '2026-11-23', schemas: teams }).findings, 'AD300'),
      [],
    );
    assert.equal(
      codeOf(analyze(text('ops@example.com'), { today: '2026-11-23', schemas: teams }).findings, 'AD300').length,
      1,
    );
  });
});
