import { matchesMsg, msg } from '../l10n';
import type { DocumentModel, Section } from '../model/documentModel';
import { placeholderKeys } from '../model/placeholders';
import { severityRank, type Finding, type FixSuggestion } from '../types';
import { mergedMessage, type MergeKind, type MergeMember } from './spotMessages';
import { isIncompleteWaiver } from './home';
import type { ItemResult } from './readiness';
import type { StageLadder } from './stages';

/**
 * Things still to write of one kind are one job: the sections to write (missing, or holding only
 * their template), the front matter to write (missing blocks and keys, placeholder values) and the
 * sign-offs with no row in the Readiness review yet. Each becomes one finding listing them by stage, as urgent as its
 * most urgent member, with one fix adding what is missing. A missing part and the template or
 * placeholder its quick fix inserts belong to the same job, so a fix that only inserts template
 * text never makes the count of what blocks a stage go down.
 *
 * `keyGaps` are the findings whose safe fix adds a front-matter key to a block that is there
 * (gate items asking for owner.deputy), with that key.
 */
export function mergeSameSpot(
  findings: Finding[],
  model: DocumentModel,
  ladder: StageLadder,
  items: ReadonlyMap<string, ItemResult> = new Map(),
  keyGaps: ReadonlyMap<Finding, string> = new Map(),
): Finding[] {
  const groups = new Map<MergeKind, MergeMember[]>();
  for (const finding of findings) {
    const member = memberOf(finding, model, items, keyGaps);
    if (member) groups.set(member.kind, [...(groups.get(member.kind) ?? []), member]);
  }
  const merged = new Map<Finding, Finding | null>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort(
      (a, b) =>
        urgency(a.finding, ladder) - urgency(b.finding, ladder) ||
        a.finding.range.start.line - b.finding.range.start.line,
    );
    group.forEach((member) => merged.set(member.finding, null));
    merged.set(group[0]!.finding, mergeGroup(sorted, model, ladder));
  }
  return findings.flatMap((finding) => {
    const replacement = merged.get(finding);
    return replacement === undefined ? [finding] : replacement === null ? [] : [replacement];
  });
}

function memberOf(
  finding: Finding,
  model: DocumentModel,
  items: ReadonlyMap<string, ItemResult>,
  keyGaps: ReadonlyMap<Finding, string>,
): MergeMember | undefined {
  if (!finding.subject) return undefined;
  const gap = keyGaps.get(finding);
  if (gap !== undefined) return { finding, kind: 'frontMatter', part: 'missing', name: gap };
  const id = finding.subject.id;
  // A waiver still to complete goes where its item's finding went: with the sign-offs that have
  // no row when the item has none (its waiver row aside), else alone (or with the front matter
  // above, when its key is still to add).
  if (isIncompleteWaiver(finding)) {
    const item = items.get(id);
    return item?.status === 'pending' && !item.signoff
      ? { finding, kind: 'signoffs', part: 'missing', name: id }
      : undefined;
  }
  const title = (): string => model.schemas.sections.sections.find((spec) => spec.id === id)?.title ?? id;
  switch (finding.code) {
    case 'AD100':
      return { finding, kind: 'sections', part: 'missing', name: title() };
    case 'AD102':
      return untouchedTemplate(model, id) ? { finding, kind: 'sections', part: 'template', name: title() } : undefined;
    case 'AD005':
      return { finding, kind: 'frontMatter', part: 'missing', name: id };
    case 'AD006': {
      // A block with one placeholder is named by its key (owner.name), one with several by the block.
      const keys = placeholderKeys(model, id);
      return { finding, kind: 'frontMatter', part: 'placeholder', name: keys.length === 1 ? keys[0]! : id };
    }
    // Sign-offs with no row yet: the Readiness review's rows still to add.
    case 'AD201':
      return matchesMsg(finding.message, 'gateItems.itNoRowReadiness', 'it has no row in the Readiness review table')
        ? { finding, kind: 'signoffs', part: 'missing', name: id }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * A section that still reads exactly as its template (comments and spacing aside). Asked once per
 * placeholder finding, and a section can have hundreds of them: answered once per section (a
 * section object belongs to one model) and template.
 */
function untouchedTemplate(model: DocumentModel, sectionId: string): boolean {
  const spec = model.schemas.sections.sections.find((candidate) => candidate.id === sectionId);
  const section = model.sectionsById.get(sectionId)?.[0];
  if (!spec || !section) return false;
  let answers = untouched.get(section);
  const known = answers?.get(spec.template);
  if (known !== undefined) return known;
  const lines: string[] = [];
  for (let line = section.startLine + 1; line < section.endLine; line++) lines.push(model.index.lineText(line));
  const answer = normalise(lines.join('\n')) === normalise(spec.template);
  if (!answers) {
    answers = new Map();
    untouched.set(section, answers);
  }
  answers.set(spec.template, answer);
  return answer;
}

const untouched = new WeakMap<Section, Map<string, boolean>>();

function normalise(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The most urgent first: an error that blocks every stage, then by the stage each blocks from,
 * then what blocks no stage. The merged finding stands where the first is and blocks as it does.
 */
function urgency(finding: Finding, ladder: StageLadder): number {
  if (finding.blocks !== undefined) return ladder.get(finding.blocks)?.order ?? 99;
  return finding.severity === 'error' ? -1 : 1000 + severityRank[finding.severity];
}

/** The codes whose findings name each job; a merged finding carries one of them. */
const OWN_CODES: Record<MergeKind, readonly string[]> = {
  sections: ['AD100', 'AD102'],
  frontMatter: ['AD005', 'AD006'],
  signoffs: ['AD201'],
};

function mergeGroup(group: MergeMember[], model: DocumentModel, ladder: StageLadder): Finding {
  const first = group[0]!.finding;
  const message = mergedMessage(group, model, ladder);
  const related = group.flatMap(({ finding }) => [
    {
      message: finding.message,
      range: finding.range,
      code: finding.code,
      ...(finding.subject ? { subject: finding.subject } : {}),
    },
    ...(finding.related ?? []),
  ]);
  // It stands where the most urgent member is, under the code of the most urgent member that is
  // about the job itself (not a gate item whose key is missing).
  const own = OWN_CODES[group[0]!.kind];
  const named = (group.find(({ finding }) => own.includes(finding.code)) ?? group[0]!).finding;
  const rest: Finding = { ...named, range: first.range };
  if (first.blocks !== undefined) rest.blocks = first.blocks;
  else delete rest.blocks;
  delete rest.fixes;
  delete rest.related;
  // Merging never makes anything less urgent: the group is as severe as its most severe member
  // and blocks from the first stage any of them blocks (the most urgent comes first).
  const severity = group.reduce(
    (worst, { finding }) => (severityRank[finding.severity] < severityRank[worst] ? finding.severity : worst),
    first.severity,
  );
  const fixes = groupFixes(group);
  return { ...rest, severity, message, related, ...(fixes.length ? { fixes } : {}) };
}

/**
 * One fix adding every missing part (sections in catalogue order, front-matter keys before new
 * blocks), then the members' other fixes (a waiver, a single key).
 */
function groupFixes(group: readonly MergeMember[]): FixSuggestion[] {
  const kind = group[0]!.kind;
  if (kind === 'signoffs') return group.flatMap(({ finding }) => finding.fixes ?? []);
  const adding = group.filter(({ part, finding }) => part === 'missing' && finding.fixes?.[0]?.safe);
  const parts: FixSuggestion[] = [];
  const taken = new Set<string>();
  for (const { finding } of adding) {
    const fix = finding.fixes![0]!;
    // Two keys under one new parent would each write the parent: one of them now, as fix-all does.
    if (fix.conflictKey && taken.has(fix.conflictKey)) continue;
    if (fix.conflictKey) taken.add(fix.conflictKey);
    parts.push(fix);
  }
  parts.sort((a, b) => (a.sortKey ?? 0) - (b.sortKey ?? 0));
  const combined: FixSuggestion[] = parts.length
    ? [
        {
          // One part alone keeps its own title ("Insert the "Runbook" section").
          title: parts.length === 1 ? parts[0]!.title : combinedTitle(kind, group, parts.length),
          insertions: parts.flatMap((fix) => fix.insertions),
          safe: true,
          ...(kind === 'frontMatter' ? { conflictKey: 'front-matter:blocks' } : {}),
        },
      ]
    : [];
  // What else the members offer: a single key, a waiver. (A single block or section is in the
  // combined fix and is not offered alone, as before.)
  const others = group.flatMap(({ finding }) =>
    finding.code === 'AD005' || finding.code === 'AD100' ? [] : (finding.fixes ?? []),
  );
  return [...combined, ...others];
}

function combinedTitle(kind: MergeKind, group: readonly MergeMember[], count: number): string {
  if (kind === 'sections')
    return msg('spotMerge.insertMissingSections', 'Insert the {count} missing sections', { count });
  return group.every(({ finding, part }) => part !== 'missing' || finding.code === 'AD005')
    ? msg('spotMerge.addFrontMatterBlocks', 'Add the {count} front-matter blocks', { count })
    : msg('spotMerge.addFrontMatterKeys', 'Add the {count} missing front-matter keys', { count });
}
