import { allRules } from '../rules';
import { gateRuleCodes } from '../rules/gateItems';
import type { DocumentedRule } from '../rules/support';
import { workspaceRules, type WorkspaceRuleInfo } from '../workspace/crossDocument';

/** One entry of the reference: the same facts a workspace rule carries. */
type RuleEntry = WorkspaceRuleInfo;

/** How to fix the findings of the rules that predate the rule reference and carry no howToFix. */
const FIX_TEXT: Record<string, string> = {
  AD001:
    'Correct the YAML at the reported line: quote values that contain ": " or start with a quote, and indent nested keys consistently.',
  AD002: 'Start the file with a line ---, the YAML front matter (id, name, stage, owner, risk), and a closing ---.',
  AD003:
    'Use the keys, types and values of the front-matter reference in docs/format.md; the message names the key and what it allows.',
  AD100: 'Add the section (the quick fix inserts its template at the canonical place) and fill it in.',
  AD101: "Write the section's content under its heading, or remove the heading.",
  AD102: 'Replace the TODO or template text with the real content.',
  AD103: 'Merge the two sections into one.',
  AD110: 'Add the table with the columns the message lists.',
  AD111: "Add the column to the table's header and fill it for every row.",
  AD112: 'Write a value the column allows (the message lists them), or add the rows the table needs.',
  AD200:
    "Do what the gate item's hint says (the message repeats it); the quick fix adds the front-matter key where one applies.",
  AD201: 'Record a pass for the item in the Readiness review table, with who signed it off, when, and the evidence.',
  AD202:
    'Give the waiver a justification (10 characters or more), an approver and an expiry date that has not passed, or meet the item instead.',
  AD900: 'Report the problem with the document that triggered it; other rules ran normally.',
  AD901: 'Split the document, or raise the agentdoc.maxDocumentBytes setting.',
  AD902: 'Check only text files named *.agent.md.',
};

/** Codes reported by the gate rule and the engine itself, which are not entries of allRules. */
const EXTRA_CODES: RuleEntry[] = [
  {
    ...gateRuleCode('AD201'),
    description: 'A gate item that needs a sign-off has its condition met but no pass in the Readiness review table.',
    rationale:
      'Items such as integration testing or the communication plan are judged by people; the review records who signed off, when, and on what evidence.',
    sources: ['seed:000', 'seed:003'],
    howToFix: FIX_TEXT['AD201'] ?? '',
  },
  {
    ...gateRuleCode('AD202'),
    description:
      'A waiver is incomplete (justification, approver, expiry) or has expired, so the item it waives is open again.',
    rationale:
      'A waiver is a dated, owned exception, not a way to forget an item: without an approver and an expiry it does not count, and after its expiry the item re-opens.',
    sources: ['seed:000', 'seed:002'],
    howToFix: FIX_TEXT['AD202'] ?? '',
  },
  {
    code: 'AD900',
    name: 'internal-error',
    description: 'A rule failed on this document; the other rules ran normally.',
    rationale: 'One broken check must not hide the findings of the others or stop the editor.',
    sources: [],
    howToFix: FIX_TEXT['AD900'] ?? '',
  },
  {
    code: 'AD901',
    name: 'document-too-large',
    description: 'The document is above the size limit and was not checked.',
    rationale:
      'Very large files would slow the editor down for every keystroke; agent documentation is never that large.',
    sources: [],
    howToFix: FIX_TEXT['AD901'] ?? '',
  },
  {
    code: 'AD902',
    name: 'not-text',
    description: 'The file holds binary data (NUL bytes) and was not checked.',
    rationale: 'A binary file named *.agent.md is not documentation; checking it would only produce noise.',
    sources: [],
    howToFix: FIX_TEXT['AD902'] ?? '',
  },
];

const GROUPS: Array<{ from: string; title: string }> = [
  { from: 'AD000', title: 'Front matter' },
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
  { from: 'AD900', title: 'The checker itself' },
];

function gateRuleCode(code: string): { code: string; name: string } {
  const found = gateRuleCodes.find((rule) => rule.code === code);
  return { code, name: found?.name ?? code.toLowerCase() };
}

export function ruleEntries(): RuleEntry[] {
  const entries = new Map<string, RuleEntry>();
  for (const rule of allRules) {
    const howToFix = 'howToFix' in rule ? (rule as DocumentedRule).howToFix : (FIX_TEXT[rule.code] ?? '');
    entries.set(rule.code, {
      code: rule.code,
      name: rule.name,
      description: rule.description,
      rationale: rule.rationale,
      sources: rule.sources,
      howToFix,
    });
  }
  for (const entry of [...EXTRA_CODES, ...workspaceRules])
    if (!entries.has(entry.code)) entries.set(entry.code, { ...entry });
  return [...entries.values()].sort((a, b) => a.code.localeCompare(b.code));
}

function groupOf(code: string): string {
  return [...GROUPS].reverse().find((group) => code >= group.from)?.title ?? '';
}

/** docs/rules.md, generated: a unit test compares the file with this output so the two cannot drift. */
export function renderRulesDoc(): string {
  const entries = ruleEntries();
  const out: string[] = [
    '# agentdoc rule reference',
    '',
    '<!-- Generated from the rule data by `npm run docs:rules` (server/src/engine/rulesDoc.ts). Do not edit by hand: a unit test fails when this file and the rules disagree. -->',
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
    if (entry.sources.length) out.push('', `**Sources:** ${entry.sources.map(describeSource).join(', ')}`);
    if (entry.howToFix) out.push('', `**How to fix:** ${entry.howToFix}`);
  }
  out.push('');
  return out.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** "seed:004" reads better as the seed article's number; regulation references stay as written. */
function describeSource(source: string): string {
  const seed = /^seed:(\d{3})$/.exec(source);
  return seed ? `seed ${seed[1]}` : source;
}
