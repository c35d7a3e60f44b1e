import { msg } from '../l10n';
import { frontMatterSkeletonFix } from '../fixes/frontMatterInsertion';
import type { DocumentModel } from '../model/documentModel';
import { hasWrittenContent, sectionStatus } from '../model/sectionStatus';
import { valueRange } from '../model/placeholders';
import type { StageSpec } from '../schemaData/types';
import { severityRank, type Finding, type FixSuggestion, type Range, type Severity } from '../types';
import { mergeSameSpot } from './spotMerge';
import { findingHome, isIncompleteWaiver, within, type Home } from './home';
import {
  blockMissing,
  keyGaps,
  keysOf,
  missingBlockRoot,
  placeholderBlockRoots,
  placeholderFor,
  schemaValueRoots,
} from './frontMatterRoots';
import type { ItemResult, Readiness } from './readiness';
import type { StageLadder } from './stages';

export interface FoldInput {
  model: DocumentModel;
  readiness: Readiness;
  ladder: StageLadder;
  stage: StageSpec;
}

export interface Root {
  finding: Finding;
  home: Home;
  /** Placeholder sections: only what sits on these lines (and their gate items) waits on them. */
  lines?: ReadonlySet<number>;
  /** Placeholder sections whose tables hold only template rows. */
  templateOnly?: boolean;
  /** Placeholder sections with real content besides the placeholder lines. */
  partlyWritten?: boolean;
  /** Front-matter placeholder roots: the keys that still hold placeholder text. */
  keys?: readonly string[];
  /**
   * One gap reported at one place by two checks: a schema error on a front-matter value (the
   * findings there that read the key), a missing table column (the findings there about its table).
   */
  spot?: { line: number; character: number; key?: string; table?: string };
  floor: Severity;
  members: Finding[];
  /** Fixes that replace the root finding's own (they need to know the members). */
  fixes?: FixSuggestion[];
}

/** Findings about what people signed or waived: never hidden behind template text elsewhere. */
const PEOPLE_CODES = new Set(['AD201', 'AD202', 'AD470', 'AD471', 'AD472']);

/** A people's decision, except a waiver still to complete, which stands for its item. */
const people = (finding: Finding): boolean => PEOPLE_CODES.has(finding.code) && !isIncompleteWaiver(finding);

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
    ...schemaValueRoots(findings, input.model),
    ...missingColumnRoots(findings),
  ];
  const isRoot = new Set(roots.map((root) => root.finding));
  const missingBlocks = new Map<string, Finding[]>();
  const folded = new Set<Finding>();
  for (const finding of findings) {
    const home = homes.get(finding);
    if (isRoot.has(finding) || !home || !(foldable(finding) || missingBlockSchemaError(finding, home, input.model)))
      continue;
    const root = roots.find((candidate) => covers(candidate, finding, home, items, input.model));
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
  const settled = new Map([...roots, ...blockRoots].map((root) => [root.finding, settle(root, input, items)]));
  const out = findings.filter((finding) => !folded.has(finding)).map((finding) => settled.get(finding) ?? finding);
  for (const root of blockRoots) out.push(settled.get(root.finding)!);
  return mergeSameSpot(out, input.model, input.ladder, items, keyGaps(out, homes, items, input.model));
}

/**
 * The schema's "missing key" error for a top-level block that is missing (risk) says what the
 * block's own finding says: it goes with that finding, which then blocks every stage as the
 * schema error did.
 */
function missingBlockSchemaError(finding: Finding, home: Home, model: DocumentModel): boolean {
  return (
    finding.code === 'AD003' &&
    home.kind === 'front-matter' &&
    !home.key.includes('.') &&
    finding.subject?.id === home.key &&
    blockMissing(model, home.key)
  );
}

/**
 * A table's missing column (AD111) and another check at the same place about that table saying
 * the same (the eval table has no Latest result column) are one gap. Only such a pair makes the
 * column a root: alone, it waits on its section like any other check.
 */
function missingColumnRoots(findings: Finding[]): Root[] {
  return findings.flatMap((finding): Root[] => {
    if (finding.code !== 'AD111' || finding.subject?.kind !== 'table') return [];
    const { line, character } = finding.range.start;
    const spot = { line, character, table: finding.subject.id };
    const root: Root = {
      finding,
      home: { kind: 'section', id: spot.table.split('.')[0] ?? '' },
      spot,
      floor: 'hint',
      members: [],
    };
    const paired = findings.some((other) => other !== finding && sameSpotTable(root.spot!, other));
    return paired ? [root] : [];
  });
}

/** A finding at the spot about the spot's table (or the table the missing column belongs to). */
function sameSpotTable(spot: NonNullable<Root['spot']>, finding: Finding): boolean {
  if (finding.range.start.line !== spot.line || finding.range.start.character !== spot.character) return false;
  const id = finding.subject?.kind === 'table' ? finding.subject.id : undefined;
  return id !== undefined && spot.table !== undefined && (id === spot.table || spot.table.startsWith(`${id}.`));
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
    const partlyWritten = sections.some((section) => hasWrittenContent(input.model, section));
    roots.push({ finding, home, lines, templateOnly, partlyWritten, floor: 'hint', members: [] });
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

function covers(
  root: Root,
  finding: Finding,
  home: Home,
  items: ReadonlyMap<string, ItemResult>,
  model: DocumentModel,
): boolean {
  // What people signed or waived is theirs to answer for, whatever the front matter still says.
  if (root.keys)
    return (
      !people(finding) &&
      keysOf(finding, home, items).some((key) => placeholderFor(root.keys!, key, model) !== undefined)
    );
  if (root.spot) {
    const { key, table, line, character } = root.spot;
    if (finding.range.start.line !== line || finding.range.start.character !== character) return false;
    if (key !== undefined) return keysOf(finding, home, items).includes(key);
    return table !== undefined && sameSpotTable(root.spot, finding);
  }
  if (!within(home, root.home)) return false;
  if (!root.lines) return true;
  // A section with template text left: what sits on a template line waits on it. Sign-offs and
  // waivers (people's decisions) otherwise do not, unless the table they belong in is still all
  // template. Its other checks wait while it holds nothing but template text; once part of it is
  // written, what they say about the written part stands (a TODO row added to a real table does
  // not hide the problems of the rows beside it), and only the item that asks for the section to
  // be written waits on it.
  if (root.lines.has(finding.range.start.line)) return true;
  if (people(finding)) return root.templateOnly === true;
  if (!root.partlyWritten) return true;
  const item = finding.subject?.kind === 'gate-item' ? items.get(finding.subject.id) : undefined;
  return item?.kind === 'section';
}

/** The root with its members: related information, the earliest stage any of them blocks. */
function settle(root: Root, input: FoldInput, items: ReadonlyMap<string, ItemResult>): Finding {
  const { finding, members } = root;
  const related = [
    ...(finding.related ?? []),
    ...members.map((member) => ({
      message: `${member.code} ${member.message}`,
      range: member.range,
      code: member.code,
      ...(member.subject ? { subject: member.subject } : {}),
    })),
  ];
  const earliest = [finding, ...members]
    .map((member) => (member.blocks === undefined ? undefined : input.ladder.get(member.blocks)))
    .filter((stage): stage is StageSpec => stage !== undefined && !stage.terminal)
    .sort((a, b) => a.order - b.order)[0];
  let severity = finding.severity;
  let blocks = finding.blocks;
  // A fixed error (a YAML syntax error, or a schema error folded into a missing block) blocks
  // every stage already: the root is one too.
  const isFixedError = (one: Finding): boolean => one.blocks === undefined && one.severity === 'error';
  const fixedError = isFixedError(finding) || members.some(isFixedError);
  if (fixedError) {
    severity = 'error';
    blocks = undefined;
  }
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
  const range = root.keys ? (anchor(root, root.keys, input, items) ?? finding.range) : finding.range;
  const { blocks: _own, ...rest } = finding;
  return {
    ...rest,
    ...(root.fixes ? { fixes: root.fixes } : {}),
    range,
    severity,
    message: waiting ? `${finding.message.replace(/([^.!?])$/, '$1.')}${waiting}` : finding.message,
    ...(blocks !== undefined ? { blocks } : {}),
    ...(related.length ? { related } : {}),
  };
}

/**
 * Where a placeholder block's finding belongs: on the placeholder the earliest-blocking item
 * waits on (owner.name, which the pilot needs, rather than owner.deputy, which canary needs).
 */
function anchor(
  root: Root,
  keys: readonly string[],
  input: FoldInput,
  items: ReadonlyMap<string, ItemResult>,
): Range | undefined {
  const order = (finding: Finding): number =>
    finding.blocks === undefined ? Number.MAX_SAFE_INTEGER : (input.ladder.get(finding.blocks)?.order ?? 99);
  const first = [...root.members].sort((a, b) => order(a) - order(b))[0];
  const home = first && findingHome(first, items, input.model);
  const key =
    first && home && keysOf(first, home, items).flatMap((read) => placeholderFor(keys, read, input.model) ?? [])[0];
  return key === undefined ? undefined : valueRange(input.model, key);
}
