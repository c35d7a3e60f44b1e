import { ruleCatalogue, type RuleInfo } from './index';
import { sourceLinkMarkdown, type SourceLink } from '../../protocol/sourceLink';
import { sourceLinks } from './sources';
import { bundledSchemas } from '../schemaData/bundled';
import { longDate } from '../evaluation/calendar';
import type { Obligation } from '../schemaData/types';

const GROUPS: Array<{ from: string; title: string }> = [
  { from: 'AD000', title: 'Front matter and configuration' },
  { from: 'AD100', title: 'Sections and tables' },
  { from: 'AD200', title: 'Readiness gates' },
  { from: 'AD300', title: 'Ownership' },
  { from: 'AD310', title: 'References between parts of the document' },
  { from: 'AD320', title: 'Decisions and exception capacity' },
  { from: 'AD330', title: 'Rollout' },
  { from: 'AD340', title: 'Evaluation' },
  { from: 'AD350', title: 'Compliance (GDPR, EU AI Act)' },
  { from: 'AD360', title: 'Dates and waivers' },
  { from: 'AD370', title: 'Operations' },
  { from: 'AD380', title: 'Workspace' },
  { from: 'AD400', title: 'Tools and permissions' },
  { from: 'AD410', title: 'Models and change control' },
  { from: 'AD420', title: "Drift against the agent's files" },
  { from: 'AD430', title: 'Portfolio' },
  { from: 'AD450', title: 'Regulation facts, dates and consistency' },
  { from: 'AD470', title: 'Tiers and sign-off roles' },
  { from: 'AD900', title: 'The checker itself' },
];

function groupOf(code: string): string {
  return [...GROUPS].reverse().find((group) => code >= group.from)?.title ?? '';
}

/** docs/rules.md, generated: a unit test compares the file with this output so the two cannot drift. */
export function renderRulesDoc(): string {
  const entries = ruleCatalogue;
  const out: string[] = [
    '# agentdoc rule reference',
    '',
    '<!-- Generated from the rule data by `npm run docs:rules` (server/src/engine/catalogue/rulesDoc.ts). Do not edit by hand: a unit test fails when this file and the rules disagree. -->',
    '',
    "Every finding agentdoc reports carries one of these codes. Each entry says what the rule checks, why it matters (with the seed article or regulation it rests on) and how to fix a finding. Severity follows the document's stage for most rules: what the current stage requires is an error, what the next stage requires a warning, later stages a hint (see [Stages, gates and severity](format.md#stages-gates-and-severity)). Policy thresholds (capacity cap, eval-set minimum, review cadence and others) are in `schemas/policy.json`.",
    '',
    '| Code | Rule | Checks |',
    '|---|---|---|',
    ...entries.map(
      (entry) => `| [${entry.code}](#${entry.code.toLowerCase()}) | ${entry.name} | ${cell(entry.description)} |`,
    ),
    ...tiersAndRoles(),
    ...calendarSection(),
  ];
  let group = '';
  for (const entry of entries) {
    const title = groupOf(entry.code);
    if (title !== group) {
      group = title;
      out.push('', `## ${title}`);
    }
    out.push(
      '',
      `<a id="${entry.code.toLowerCase()}"></a>`,
      '',
      `### ${entry.code} ${entry.name}`,
      '',
      `**Checks:** ${entry.description}`,
      '',
      `**Why:** ${entry.rationale}`,
    );
    if (entry.sources.length)
      out.push('', `**Sources:** ${sourceLinks(entry.sources).map(bibliographyLink).join(', ')}`);
    if (entry.frameworks?.length)
      out.push('', `**Frameworks:** ${sourceLinks(entry.frameworks).map(bibliographyLink).join(', ')}`);
    out.push('', `**Severity:** ${severityText(entry.defaultSeverity)}`);
    const dates = (entry.obligations ?? []).flatMap((id) => obligationById(id) ?? []);
    if (dates.length)
      out.push(
        '',
        `**Applies:** ${dates.map((obligation) => `${obligation.title.replace(/ \(.*\)$/, '')} from ${longDate(obligation.appliesFrom)}${obligation.status === 'political-agreement' ? '*' : ''}`).join('; ')}.${entry.defaultSeverity === 'stage' ? ' Before that day a finding is information and blocks no stage' : ''} (see [When the obligations apply](#when-the-obligations-apply)).`,
      );
    if (entry.howToFix) out.push('', `**How to fix:** ${entry.howToFix}`);
  }
  out.push('');
  return out.join('\n');
}

/**
 * The tiers and signing roles, from tiers.json, so the reference shows what changes per tier and
 * who signs; the gate items' roles and framework mappings are in format.md#gate-items.
 */
function tiersAndRoles(): string[] {
  const { tiers, roles } = bundledSchemas.tiers;
  const days = (value: number | undefined): string => (value === undefined ? '—' : `${value}`);
  return [
    '',
    '## Tiers, sign-off roles and framework mappings',
    '',
    'The risk facts decide the tier (`schemas/tiers.json`); the tier decides which gate items apply, who may sign them and how long rollout stages are held (AD473). Each gate item names the roles that may sign it; a pass by anyone else is AD470, the owner signing an item that needs an independent signer AD471, a signer of unknown role AD472 (see [Tiers](format.md#tiers) and [Sign-off roles](format.md#sign-off-roles)). Rules and gate items that implement a control of the NIST AI RMF, ISO/IEC 42001 Annex A or the OWASP Top 10 lists list it under **Frameworks**; SARIF carries them as tags.',
    '',
    '| Tier | When | Review path | Shadow at least (days) | Each canary stage at least (days) |',
    '|---|---|---|---|---|',
    ...tiers.map(
      (tier) =>
        `| \`${tier.id}\` ${tier.title} | ${cell(tier.description)} | ${cell(tier.path ?? '')} | ${days(tier.rollout?.shadowMinimumDays)}${tier.rollout?.shadowRequired ? ' (required)' : ''} | ${days(tier.rollout?.canaryHoldMinimumDays)} |`,
    ),
    '',
    '| Role | Who |',
    '|---|---|',
    ...(roles ?? []).map((role) => `| \`${role.id}\` ${role.title} | ${cell(role.description ?? '')} |`),
  ];
}

function obligationById(id: string): Obligation | undefined {
  return bundledSchemas.regulations.obligations.find((obligation) => obligation.id === id);
}

/** The regulation calendar (schemas/regulations.json) as a table, with the caveat on each unpublished date. */
function calendarSection(): string[] {
  return [
    '',
    '## When the obligations apply',
    '',
    "Rules that rest on a dated obligation read its day from `schemas/regulations.json`. Before that day their findings are information that blocks no stage and says from when the duty applies; from that day they follow the document's stage. A workspace moves a date in its `.agentdoc.yaml` (`regulations: { ai-act-high-risk-annex-iii-provider: 2028-06-01 }`) when the law changes again; `--today` sets the day a check is made for.",
    '',
    '| Obligation | Id | Articles | Binds | Applies from | Source of the date |',
    '|---|---|---|---|---|---|',
    ...bundledSchemas.regulations.obligations.map(
      (obligation) =>
        `| ${cell(obligation.title)} | \`${obligation.id}\` | ${obligation.articles.map((article) => article.replace(/^(EU AI Act|GDPR) /, '')).join(', ')} | ${obligation.binds.join(', ')} | ${longDate(obligation.appliesFrom)}${obligation.status === 'political-agreement' ? '*' : ''} | ${sourceLinks(obligation.sources).map(bibliographyLink).join(', ')} |`,
    ),
    '',
    '\\* A date from the political agreement of 7 May 2026 on the Digital Omnibus on AI, not yet checked against the text published in the Official Journal. Check it there and override it in your config if the published text differs.',
  ];
}

function severityText(severity: RuleInfo['defaultSeverity']): string {
  return severity === 'stage' ? "follows the document's stage" : severity;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** A source with no public text links to its entry in docs/sources.md (GitHub's heading anchor). */
function bibliographyLink(source: SourceLink): string {
  if (source.url) return sourceLinkMarkdown(source);
  const anchor = source.label
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
  return sourceLinkMarkdown({ ...source, url: `sources.md#${anchor}` });
}
