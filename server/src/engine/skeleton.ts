import { msg } from './l10n';
import { notAPerson } from './rules/people';
import { bundledSchemas } from './schemaData/bundled';
import type { SchemaSet, SectionSpec } from './schemaData/types';
import { StageLadder } from './evaluation/stages';

/** What `agentdoc init` and the extension's "New agent document" command ask. */
export interface SkeletonAnswers {
  /** Agent id: a-z, 0-9 and '-'. */
  id: string;
  name: string;
  /** The named person accountable for the agent; a gate item from the first stage on. */
  owner: string;
  ownerRole?: string;
  /** Stage id; defaults to the first stage (pilot). */
  stage?: string;
  /** Declared tier (tier-1 … tier-3); omitted means agentdoc derives it from the risk facts. */
  tier?: string;
  customerFacing: boolean;
  personalData: boolean;
  financialImpact?: 'none' | 'low' | 'medium' | 'high';
  /** One sentence: the task the agent performs and for whom. */
  purpose?: string;
  /** YYYY-MM-DD, written as owner.since; omitted when not given (keeps the function pure). */
  today?: string;
}

export const AGENT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Why an answer to "owner" would start the document with an error (a placeholder such as TBD, a
 * team, an address, two people), as a sentence to show before writing anything; undefined for a
 * named person. The same test the owner checks apply to the written document.
 */
export function ownerProblem(owner: string, schemas: SchemaSet = bundledSchemas): string | undefined {
  const problem = notAPerson(owner, schemas.policy.teamOwnerAllowed === true);
  return problem
    ? msg(
        'skeleton.ownerNotAPerson',
        'The owner "{owner}" {problem}: give the full name of the one person accountable for the agent.',
        { owner: owner.trim(), problem },
      )
    : undefined;
}

/** "Invoice exception triage" → "invoice-exception-triage". */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64) || 'agent'
  );
}

/**
 * A new agent document: front matter shaped by the answers, then every catalogue section in order.
 * Sections required at or before the chosen stage that have a starter below get real, editable
 * starter content instead of the TODO template, so a pilot document starts with no errors (the
 * warnings then list what the next stage needs). Guidance goes in HTML comments, which the checks
 * ignore. Pure: no clock, no file system.
 */
export function createSkeleton(answers: SkeletonAnswers, schemas: SchemaSet = bundledSchemas): string {
  const ladder = new StageLadder(schemas.gates);
  const stage = ladder.current(answers.stage);
  const lines = [...frontMatter(answers, stage.id), '', `# ${oneLine(answers.name)}`, ''];
  for (const section of schemas.sections.sections) {
    const required = ladder.get(section.requiredFrom);
    const due = required !== undefined && !required.terminal && required.order <= stage.order;
    const starter = due ? STARTERS[section.id]?.(answers) : undefined;
    lines.push(`## ${section.title}`, '');
    if (!due && required)
      lines.push(`<!-- Required from ${required.title.toLowerCase()} on. ${oneLine(section.guidance.why)} -->`, '');
    lines.push(...(starter ?? section.template.trimEnd().split('\n')), '');
  }
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

function frontMatter(answers: SkeletonAnswers, stage: string): string[] {
  const aiClass = answers.customerFacing ? 'limited' : 'minimal';
  const rationale = answers.customerFacing
    ? 'Customers see its output, so the transparency duties of Art. 50 apply. First classification made with agentdoc init: confirm it with your AI Act contact.'
    : 'Internal use with no Annex III purpose. First classification made with agentdoc init: confirm it with your AI Act contact.';
  return [
    '---',
    'agentdoc: 1',
    `id: ${scalar(answers.id)}`,
    `name: ${scalar(answers.name)}`,
    'version: 0.1.0',
    `stage: ${stage}`,
    ...(answers.tier ? [`tier: ${scalar(answers.tier)}`] : []),
    'owner:',
    `  name: ${scalar(answers.owner)}`,
    ...(answers.ownerRole ? [`  role: ${scalar(answers.ownerRole)}`] : []),
    ...(answers.today ? [`  since: ${answers.today}`] : []),
    'risk:',
    `  personal_data: ${answers.personalData}`,
    `  customer_facing: ${answers.customerFacing}`,
    `  financial_impact: ${answers.financialImpact ?? 'low'}`,
    '  eu_ai_act:',
    `    class: ${aiClass}`,
    `    rationale: ${scalar(rationale)}`,
    '---',
  ];
}

type Starter = (answers: SkeletonAnswers) => string[];

const STARTERS: Record<string, Starter> = {
  purpose: (answers) => [
    oneLine(answers.purpose ?? `${answers.name}: what the agent does, for whom, and which systems it works in.`),
    '',
    '<!-- Add **In scope:** and **Out of scope:** lines, and 3-5 success metrics with targets. -->',
    '',
    '| Metric | Target | Baseline |',
    '|---|---|---|',
    '| Outputs accepted without correction | ≥ 80% | measured during the pilot |',
  ],
  prompt: (answers) => [
    '### Role',
    '',
    '```text',
    `You are ${roleOf(answers.name)}. A person reviews every output before it is used.`,
    '```',
    '',
    'Why: States the task and that a person reviews each output, so the model does not promise actions it cannot take.',
  ],
  decisions: (answers) => [
    '| Decision | Mode | Criteria | Reversible |',
    '|---|---|---|---|',
    `| ${answers.id}-output | agent-with-review | A person reviews every output before it is used | yes |`,
  ],
};

/**
 * "Invoice triage" → "the Invoice triage assistant"; a name that already says what it is
 * ("Refund assistant", "Support agent") is not given a second noun.
 */
function roleOf(name: string): string {
  const text = oneLine(name);
  return /\b(assistant|agent|bot|copilot|helper|advisor|adviser|classifier)$/i.test(text)
    ? `the ${text}`
    : `the ${text} assistant`;
}

/** A YAML scalar: plain when unambiguous, else double-quoted (JSON strings are valid YAML). */
function scalar(value: string): string {
  const text = oneLine(value);
  return /^[A-Za-z0-9][\w .,()/@'-]*$/.test(text) &&
    !/^(true|false|null|yes|no|on|off|~)$/i.test(text) &&
    !/: | #/.test(text)
    ? text
    : JSON.stringify(text);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export type { SectionSpec };
