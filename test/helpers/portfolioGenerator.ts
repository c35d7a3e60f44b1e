import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRandom } from './agentDocGenerator';
import { REPO_ROOT } from './fixtures';

/**
 * A deterministic multi-repository portfolio for the portfolio tests and the dashboard screenshot:
 * agents built on examples/complete.agentdoc.md with their own identity, stage, risk, type,
 * owner, metrics, review date, cost and former owners, and with sign-offs or sections removed at
 * random so the engine finds real blockers. Two repositories share one agent id on purpose.
 */
export interface GeneratedRepository {
  name: string;
  /** Relative path → text, evidence files included. */
  files: Record<string, string>;
}

const STAGES = ['pilot', 'shadow', 'canary', 'production', 'retired'] as const;
const STAGE_WEIGHTS = [0.24, 0.16, 0.17, 0.38, 0.05];
const FIRST = [
  'Maria',
  'Tomasz',
  'Priya',
  'Jonas',
  'Anna',
  'Lukas',
  'Sofia',
  'Ahmed',
  'Elena',
  'Kenji',
  'Olga',
  'Rafael',
];
const LAST = ['Lindqvist', 'Nowak', 'Raman', 'Weber', 'Berg', 'Meier', 'Alvarez', 'Haddad', 'Petrova', 'Sato'];
const NOUNS = ['invoice', 'claim', 'ticket', 'order', 'shipment', 'contract', 'refund', 'lead', 'payslip', 'complaint'];
const TASKS = [
  'triage',
  'extraction',
  'routing',
  'classification',
  'summary',
  'reconciliation',
  'assistant',
  'onboarding',
];
const SPONSORS = [
  'Jonas Weber (CFO office)',
  'Claire Dubois (VP Customer Experience)',
  'Omar Haddad (COO office)',
  'Ines Duarte (Head of Operations)',
];
const REMOVABLE_SECTIONS = ['## Runbook', '## User guide', '## Evaluation', '## Known limitations'];

export function generatePortfolio(options: {
  agents: number;
  repositories: readonly string[];
  seed?: number;
}): GeneratedRepository[] {
  const random = createRandom(options.seed ?? 18);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const complete = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'complete.agentdoc.md'), 'utf8');
  const body = complete.slice(complete.indexOf('\n---\n', 4) + 5);
  const evidence = Object.fromEntries(
    fs
      .readdirSync(path.join(REPO_ROOT, 'examples', 'evidence'))
      .map((name) => [
        `agents/evidence/${name}`,
        fs.readFileSync(path.join(REPO_ROOT, 'examples', 'evidence', name), 'utf8'),
      ]),
  );
  // A few owners carry many agents: the load chart must show someone over the limit.
  const owners = Array.from({ length: 36 }, (_, i) => `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`);
  const ownerOf = (): string => (random() < 0.3 ? owners[Math.floor(random() * 4)]! : pick(owners));
  const repos: GeneratedRepository[] = options.repositories.map((name) => ({ name, files: { ...evidence } }));
  const foundationsIn = new Map<string, Array<{ id: string }>>();
  for (let index = 0; index < options.agents; index++) {
    const repo = repos[index % repos.length]!;
    const stage = weighted(random(), STAGES, STAGE_WEIGHTS);
    const typeRoll = random();
    const type = typeRoll < 0.55 ? 'foundation' : typeRoll < 0.85 ? 'capability' : 'orchestration';
    const noun = pick(NOUNS);
    const task = pick(TASKS);
    let id = `${noun}-${task}-${index}`;
    // The same agent documented in two repositories: the merge must report it.
    if (index === 1 || index === 2) id = 'shared-kyc-check';
    const owner = ownerOf();
    const deputy = pick(owners.filter((candidate) => candidate !== owner));
    const tierRoll = random();
    const risk =
      tierRoll < 0.3
        ? { personal: false, customer: false, impact: 'low', categories: '' }
        : tierRoll < 0.8
          ? { personal: true, customer: false, impact: 'medium', categories: '[contact, financial]' }
          : { personal: true, customer: true, impact: 'medium', categories: '[contact, identity, financial]' };
    const automation = Math.round((0.18 + random() * 0.75) * 100) / 100;
    const tasksPerDay = Math.round(150 + random() * 3000);
    const costPerTask = Math.round((0.01 + random() * 0.09) * 1000) / 1000;
    const budget = Math.round((costPerTask * tasksPerDay * 30 * (0.92 + random() * 0.8)) / 100) * 100;
    // Most reviews and measurements are recent; about one in six has slipped.
    const reviewAgo = Math.floor(random() < 0.85 ? random() * 36 : 40 + random() * 80);
    const metricsAgo = Math.floor(random() < 0.85 ? random() * 36 : 40 + random() * 100);
    const deps =
      type === 'orchestration' ? (foundationsIn.get(repo.name) ?? []).slice(-2).map((entry) => entry.id) : [];
    if (type === 'foundation') foundationsIn.set(repo.name, [...(foundationsIn.get(repo.name) ?? []), { id }]);
    const history =
      random() < 0.25
        ? [
            `owner_history:`,
            `  - name: ${pick(owners)}`,
            `    from: 2025-09-01`,
            `    to: 2026-03-15`,
            ...(random() < 0.6 ? [`    handover: evidence/handover-2026-09.md`] : []),
          ]
        : [];
    const frontMatter = [
      '---',
      'agentdoc: 1',
      `id: ${id}`,
      `name: ${capital(noun)} ${task} ${index}`,
      'version: 1.0.0',
      `stage: ${stage}`,
      'owner:',
      `  name: ${owner}`,
      '  role: Operations manager',
      `  contact: ${owner.toLowerCase().replace(/ /g, '.')}@example.com`,
      `  deputy: ${deputy}`,
      '  since: 2026-03-16',
      '  responsibilities: [triage, change-authority, platform-liaison, governance-liaison, metrics]',
      'builder: Automation team',
      'model:',
      '  provider: Internal LLM platform (EU region)',
      '  name: gpt-4.1-2025-04-14',
      '  prompt_version: 2.3.0',
      'risk:',
      `  personal_data: ${risk.personal}`,
      ...(risk.categories ? [`  data_categories: ${risk.categories}`] : []),
      `  customer_facing: ${risk.customer}`,
      `  financial_impact: ${risk.impact}`,
      ...(risk.personal ? ['  dpia_criteria: [innovative-technology, matching-datasets]'] : []),
      '  eu_ai_act:',
      `    class: ${risk.customer ? 'limited' : 'minimal'}`,
      '    rationale: Internal back-office work for staff; not an Annex III use.',
      '  automated_legal_effect: false',
      'volumes:',
      `  tasks_per_day: ${tasksPerDay}`,
      `  tasks_per_day_target: ${tasksPerDay}`,
      '  escalation_rate: 0.08',
      '  review_sample_rate: 0.05',
      `  review_capacity_per_day: ${Math.ceil(tasksPerDay * 0.2)}`,
      'systems:',
      `  - ${capital(noun)} system`,
      `type: ${type}`,
      `sponsor: ${pick(SPONSORS)}`,
      'metrics:',
      `  as_of: ${daysBefore('2026-11-23', metricsAgo)}`,
      `  automation_rate: ${automation}`,
      '  escalation_rate: 0.08',
      `  cost_per_task: ${costPerTask}`,
      `  tasks_per_day: ${tasksPerDay}`,
      'retirement:',
      '  automation_rate_below: 30%',
      ...history,
      ...(deps.length ? [`depends_on: [${deps.join(', ')}]`] : []),
      'cost:',
      `  per_task: ${costPerTask}`,
      `  monthly_budget: ${budget}`,
      '  currency: EUR',
      'compliance:',
      '  dpia:',
      '    required: true',
      '    reference: DPIA-2026-014',
      '    status: approved',
      '    dpo_advice: DPO advised on 2026-05-12.',
      '    approved_on: 2026-05-28',
      '    covers: [description, necessity, risks, measures]',
      '  lawful_basis: Art. 6(1)(b) GDPR',
      '  retention: Prompts, outputs and audit log 13 months',
      '  audit_log: [input, reasoning, action, outcome, timestamp, model-version, prompt-version, user]',
      '  human_oversight: Staff review every consequential action; the on-call lead can switch the agent off.',
      '  ai_disclosure: Every note written by the agent starts with "[agent]".',
      'rollback:',
      '  trigger_metric: routing_accuracy',
      '  threshold: "< 92% over 24h (sampled cases)"',
      '  authority: Automation on-call lead',
      '  kill_switch: Feature flag agent.enabled in the platform flag service',
      'review:',
      '  cadence: monthly',
      `  last: ${daysBefore('2026-11-23', reviewAgo)}`,
      '---',
      '',
    ];
    let text = body;
    // Earlier stages have done less of the work: more sign-offs and sections missing.
    const gaps = stage === 'production' ? Math.floor(random() * 2) : stage === 'retired' ? 0 : Math.floor(random() * 6);
    for (let gap = 0; gap < gaps; gap++)
      text = random() < 0.7 ? dropSignoff(text, random) : dropSection(text, pick(REMOVABLE_SECTIONS));
    repo.files[`agents/${id}.agentdoc.md`] = frontMatter.join('\n') + text;
  }
  return repos;
}

function weighted<T>(roll: number, items: readonly T[], weights: readonly number[]): T {
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    total += weights[i]!;
    if (roll < total) return items[i]!;
  }
  return items[items.length - 1]!;
}

function dropSignoff(text: string, random: () => number): string {
  const lines = text.split('\n');
  const rows = lines.flatMap((line, index) => (/^\| [a-z-]+ \| pass \|/.test(line) ? [index] : []));
  if (!rows.length) return text;
  lines.splice(rows[Math.floor(random() * rows.length)]!, 1);
  return lines.join('\n');
}

function dropSection(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) return text;
  const end = text.indexOf('\n## ', start + heading.length + 1);
  return end < 0 ? text.slice(0, start + 1) : text.slice(0, start) + text.slice(end);
}

function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

function capital(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/** Writes the repositories under `root`, one folder each. */
export function writeRepositories(root: string, repos: readonly GeneratedRepository[]): void {
  for (const repo of repos) {
    for (const [name, text] of Object.entries(repo.files)) {
      const target = path.join(root, repo.name, ...name.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
    }
  }
}
