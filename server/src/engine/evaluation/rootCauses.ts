import { msg } from '../l10n';
import { frontMatterBlockFix, frontMatterSkeletonFix } from '../fixes/frontMatterInsertion';
import type { DocumentModel } from '../model/documentModel';
import { sectionStatus } from '../model/sectionStatus';
import { isPlaceholderValue } from '../model/values';
import { makeFinding, type RuleInfo } from '../rules/rule';
import type { StageSpec } from '../schemaData/types';
import { severityRank, type Finding, type FixSuggestion, type Severity } from '../types';
import { mergeSameSpot } from './spotMerge';
import { findingHome, predicateFacts, within, type Home } from './home';
import type { ItemResult, Readiness } from './readiness';
import type { StageLadder } from './stages';

export const frontMatterBlockMissing: RuleInfo = {
  code: 'AD005',
  name: 'front-matter-block-missing',
  description: 'A front-matter block that gate items or checks need (rollback, volumes, cost, …) is there.',
  rationale:
    'When a whole block is missing, every item that reads it fails for the same reason; one finding says so once, where the block goes, and a quick fix adds it with each key to fill in.',
  howToFix: 'Add the block to the front matter (the quick fix inserts it with its keys) and fill in each value.',
  sources: ['seed:000', 'seed:004'],
  defaultSeverity: 'stage',
};

export interface FoldInput {
  model: DocumentModel;
  readiness: Readiness;
  ladder: StageLadder;
  stage: StageSpec;
}

interface Root {
  finding: Finding;
  home: Home;
  /** Placeholder sections: only what sits on these lines (and their gate items) waits on them. */
  lines?: ReadonlySet<number>;
  /** Placeholder sections whose tables hold only template rows. */
  templateOnly?: boolean;
  /** Front-matter placeholder roots: the keys that still hold placeholder text. */
  keys?: readonly string[];
  floor: Severity;
  members: Finding[];
  /** Fixes that replace the root finding's own (they need to know the members). */
  fixes?: FixSuggestion[];
}

/** Findings about what people signed or waived: never hidden behind template text elsewhere. */
const PEOPLE_CODES = new Set(['AD201', 'AD202', 'AD470', 'AD471', 'AD472']);

/** Codes whose findings are root causes of the findings about the same part. */
const SECTION_ROOTS: Record<string, 'all' | 'placeholder'> = { AD100: 'all', AD101: 'all', AD102: 'placeholder' };

/**
 * One finding per root cause. A missing or empty section, a section with template text left, a
 * missing front-matter block or a block with placeholders is reported once; the gate items and
 * checks that fail only because of it are folded into that finding (as related information), and
 * the finding takes the earliest stage any of them blocks. Errors that do not follow the stage are
 * never folded: they block whatever the document's state. Readiness items still count each item.
 */
export function foldRootCauses(findings: Finding[], input: FoldInput): Finding[] {
  const items = new Map(input.readiness.items.map((item) => [item.item.id, item]));
  const homes = new Map(findings.map((finding) => [finding, findingHome(finding, items, input.model)]));
  const roots = [
    ...syntaxRoots(findings),
    ...sectionRoots(findings, homes, input),
    ...placeholderBlockRoots(findings, homes, input.model),
  ];
  const isRoot = new Set(roots.map((root) => root.finding));
  const missingBlocks = new Map<string, Finding[]>();
  const folded = new Set<Finding>();
  for (const finding of findings) {
    if (isRoot.has(finding) || !foldable(finding)) continue;
    const home = homes.get(finding);
    if (!home) continue;
    const root = roots.find((candidate) => covers(candidate, finding, home, items));
    if (root) {
      root.members.push(finding);
      folded.add(finding);
    } else if (home.kind === 'front-matter' && blockMissing(input.model, home.key)) {
      const block = home.key.split('.')[0]!;
      missingBlocks.set(block, [...(missingBlocks.get(block) ?? []), finding]);
      folded.add(finding);
    }
  }
  const blockRoots = [...missingBlocks].map(([block, members]) => missingBlockRoot(block, members, items, input));
  for (const root of roots) if (root.finding.code === 'AD002') root.fixes = [skeletonFix(root, items, input.model)];
  const settled = new Map([...roots, ...blockRoots].map((root) => [root.finding, settle(root, input)]));
  const out = findings.filter((finding) => !folded.has(finding)).map((finding) => settled.get(finding) ?? finding);
  for (const root of blockRoots) out.push(settled.get(root.finding)!);
  return mergeSameSpot(out, input.model, input.ladder);
}

/** Stage-dependent findings, and warnings or weaker, can wait on a root; fixed errors cannot. */
function foldable(finding: Finding): boolean {
  return finding.blocks !== undefined || severityRank[finding.severity] > severityRank.error;
}

/**
 * A YAML syntax error (the front matter was only partly read) or no front matter at all:
 * whatever depends on its facts waits on that.
 */
function syntaxRoots(findings: Finding[]): Root[] {
  const first = findings.find((finding) => finding.code === 'AD001' || finding.code === 'AD002');
  return first ? [{ finding: first, home: { kind: 'front-matter', key: '' }, floor: 'hint', members: [] }] : [];
}

function sectionRoots(findings: Finding[], homes: Map<Finding, Home | undefined>, input: FoldInput): Root[] {
  const roots: Root[] = [];
  for (const finding of findings) {
    const kind = SECTION_ROOTS[finding.code];
    const home = homes.get(finding);
    // Only a finding about a section is its root (not, say, the "N more findings" summary).
    if (!kind || home?.kind !== 'section' || finding.subject?.kind !== 'section') continue;
    if (kind === 'all') {
      roots.push({ finding, home, floor: 'hint', members: [] });
      continue;
    }
    const sections = input.model.sectionsById.get(home.id) ?? [];
    const lines = new Set(sections.flatMap((section) => sectionStatus(input.model, section).placeholderLines));
    // A table that is all template text (the skeleton's one row) has no real rows yet: the
    // sign-offs that would go into it wait on it too.
    const templateOnly = sections.every((section) =>
      section.tables.every((table) => table.table.rows.every((row) => lines.has(row.line))),
    );
    roots.push({ finding, home, lines, templateOnly, floor: 'hint', members: [] });
  }
  return roots;
}

/**
 * The front matter the document lacks, with every key the waiting items read, so inserting it
 * turns one missing block into placeholders counted once, not into a list of new findings.
 */
function skeletonFix(root: Root, items: ReadonlyMap<string, ItemResult>, model: DocumentModel): FixSuggestion {
  const keys = [
    ...new Set(
      root.members.flatMap((member) =>
        keysOf(member, findingHome(member, items, model) ?? { kind: 'front-matter', key: '' }, items),
      ),
    ),
  ].filter((key) => key !== '');
  return frontMatterSkeletonFix(model, keys);
}

/** AD006 findings (a front-matter block with placeholders) are roots for the keys that hold them. */
function placeholderBlockRoots(
  findings: Finding[],
  homes: Map<Finding, Home | undefined>,
  model: DocumentModel,
): Root[] {
  return findings.flatMap((finding) => {
    const home = homes.get(finding);
    if (finding.code !== 'AD006' || home?.kind !== 'front-matter') return [];
    return [{ finding, home, keys: placeholderKeys(model, home.key), floor: 'hint' as const, members: [] }];
  });
}

function covers(root: Root, finding: Finding, home: Home, items: ReadonlyMap<string, ItemResult>): boolean {
  if (root.keys) {
    const keys = root.keys;
    return keysOf(finding, home, items).some((key) =>
      keys.some((placeholder) => key === placeholder || key.startsWith(`${placeholder}.`)),
    );
  }
  if (!within(home, root.home)) return false;
  if (!root.lines) return true;
  // A section with template text left: its own checks cannot judge it before it is written, so
  // they wait on it; sign-offs and waivers (people's decisions) do not, unless they sit on a
  // template line themselves or the table they belong in is still all template.
  return root.lines.has(finding.range.start.line) || !PEOPLE_CODES.has(finding.code) || root.templateOnly === true;
}

/** The front-matter keys a finding depends on: its home, and every key its gate item reads. */
function keysOf(finding: Finding, home: Home, items: ReadonlyMap<string, ItemResult>): string[] {
  const keys = home.kind === 'front-matter' ? [home.key] : [];
  const item = finding.subject?.kind === 'gate-item' ? items.get(finding.subject.id) : undefined;
  for (const fact of item?.item.requires ? predicateFacts(item.item.requires) : [])
    if (fact.startsWith('fm.')) keys.push(fact.slice(3));
  const fixKey = item?.item.fix?.frontMatter;
  if (fixKey) keys.push(fixKey);
  return keys;
}

function blockMissing(model: DocumentModel, key: string): boolean {
  const data = model.frontMatter?.data;
  if (!model.frontMatter?.document || !data || typeof data !== 'object' || Array.isArray(data)) return false;
  return !Object.prototype.hasOwnProperty.call(data, key.split('.')[0]!);
}

function missingBlockRoot(
  block: string,
  members: Finding[],
  items: ReadonlyMap<string, ItemResult>,
  input: FoldInput,
): Root {
  const read = members
    .flatMap((member) => keysOf(member, { kind: 'front-matter', key: block }, items))
    .filter((key) => key.startsWith(`${block}.`));
  // The keys the members are about come too (compliance.lawful_basis), unless a deeper key the
  // gate items read already stands for them (compliance.dpia is written as compliance.dpia.status).
  const own = members.flatMap((member) => {
    const home = findingHome(member, items, input.model);
    return home?.kind === 'front-matter' && home.key.startsWith(`${block}.`) ? [home.key] : [];
  });
  const keys = [...new Set([...read, ...own])].filter(
    (key, _index, all) => !all.some((other) => other.startsWith(`${key}.`)),
  );
  const closing = input.model.frontMatter!.closingLine;
  // The keys the front-matter schema requires in the block come with it.
  for (const key of requiredKeys(input.model.schemas.frontMatter, [block])) if (!keys.includes(key)) keys.push(key);
  const fix = frontMatterBlockFix(input.model, keys.length ? keys : [block]);
  const names = keys.map((key) => key.slice(block.length + 1));
  const finding = makeFinding(
    frontMatterBlockMissing,
    'hint',
    names.length
      ? names.length > 4
        ? msg(
            'rootCauses.frontMatterNoBlockMany',
            'The front matter has no "{block}" block: add it with {first} and {more} more keys. The quick fix inserts {names}.',
            { block, first: names.slice(0, 3).join(', '), more: names.length - 3, names: names.join(', ') },
          )
        : msg('rootCauses.frontMatterNoBlockFew', 'The front matter has no "{block}" block: add it with {names}.', {
            block,
            names: names.join(', '),
          })
      : msg('rootCauses.frontMatterNoAdd', 'The front matter has no "{block}": add it.', { block }),
    input.model.index.trimmedLineRange(closing),
    { subject: { kind: 'front-matter', id: block }, ...(fix ? { fixes: [fix] } : {}) },
  );
  return { finding, home: { kind: 'front-matter', key: block }, floor: 'hint', members };
}

/** The root with its members: related information, the earliest stage any of them blocks. */
function settle(root: Root, input: FoldInput): Finding {
  const { finding, members } = root;
  const related = [
    ...(finding.related ?? []),
    ...members.map((member) => ({
      message: `${member.code} ${member.message}`,
      range: member.range,
      code: member.code,
    })),
  ];
  const earliest = [finding, ...members]
    .map((member) => (member.blocks === undefined ? undefined : input.ladder.get(member.blocks)))
    .filter((stage): stage is StageSpec => stage !== undefined && !stage.terminal)
    .sort((a, b) => a.order - b.order)[0];
  let severity = finding.severity;
  let blocks = finding.blocks;
  // A fixed error (a YAML syntax error) blocks every stage already; it keeps its severity.
  const fixedError = finding.blocks === undefined && finding.severity === 'error';
  if (earliest && !fixedError) {
    const due = input.ladder.severityFor(earliest.id, input.stage);
    // A placeholder block is as urgent as the items that read it (it starts as a plain warning).
    if (due && (severityRank[due] < severityRank[severity] || root.keys)) severity = due;
    blocks = earliest.id;
  }
  if (!fixedError && severityRank[root.floor] < severityRank[severity]) severity = root.floor;
  const waiting = members.length
    ? members.length === 1
      ? msg('rootCauses.oneMoreItemWaits', ' {count} more item waits on it.', { count: members.length })
      : msg('rootCauses.moreItemsWait', ' {count} more items wait on it.', { count: members.length })
    : '';
  return {
    ...finding,
    ...(root.fixes ? { fixes: root.fixes } : {}),
    severity,
    message: waiting ? `${finding.message.replace(/([^.!?])$/, '$1.')}${waiting}` : finding.message,
    ...(blocks !== undefined ? { blocks } : {}),
    ...(related.length ? { related } : {}),
  };
}

/** Keys under a front-matter path whose values are placeholder text. */
export function placeholderKeys(model: DocumentModel, prefix: string): string[] {
  const out: string[] = [];
  const walk = (value: unknown, path: string[]): void => {
    if (typeof value === 'string' && value.trim() !== '' && isPlaceholderValue(value)) out.push(path.join('.'));
    else if (value && typeof value === 'object' && !Array.isArray(value))
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
  };
  const start = prefix
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined,
      model.frontMatter?.data,
    );
  walk(start, prefix.split('.'));
  return out;
}

/** Dotted keys the JSON schema requires under a path (nested required objects included). */
function requiredKeys(schema: Record<string, unknown>, path: string[]): string[] {
  let node: unknown = schema;
  for (const part of path) node = (node as { properties?: Record<string, unknown> } | undefined)?.properties?.[part];
  const required = (node as { required?: unknown } | undefined)?.required;
  if (!Array.isArray(required)) return [];
  return required.flatMap((name) => {
    if (typeof name !== 'string') return [];
    const nested = requiredKeys(schema, [...path, name]);
    return nested.length ? nested : [[...path, name].join('.')];
  });
}
