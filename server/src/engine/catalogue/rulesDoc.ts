import { ruleCatalogue, type RuleInfo } from './index';
import { sourceLinkMarkdown, type SourceLink } from '../../protocol/sourceLink';
import { sourceLinks } from './sources';

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
    "Every finding agentdoc reports carries one of these codes. Each entry says what the rule checks, why it matters (with the seed article or regulation it rests on) and how to fix a finding. Severity follows the document's stage for most rules: what the current stage requires is an error, what the next stage requires a warning, later stages information (see [Stages, gates and severity](format.md#stages-gates-and-severity)). Policy thresholds (capacity cap, eval-set minimum, review cadence and others) are in `schemas/policy.json`.",
    '',
    '| Code | Rule | Checks |',
    '|---|---|---|',
    ...entries.map(
      (entry) => `| [${entry.code}](#${entry.code.toLowerCase()}) | ${entry.name} | ${cell(entry.description)} |`,
    ),
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
    out.push('', `**Severity:** ${severityText(entry.defaultSeverity)}`);
    if (entry.howToFix) out.push('', `**How to fix:** ${entry.howToFix}`);
  }
  out.push('');
  return out.join('\n');
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
