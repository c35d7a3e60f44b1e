import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { matchesMsg } from '../l10n';
import type { DocumentModel } from '../model/documentModel';
import type { Predicate } from '../schemaData/types';
import type { Finding } from '../types';
import type { ItemResult } from './readiness';

/** The part of a document a finding is about: a catalogue section, or a front-matter key path. */
export type Home = { kind: 'section'; id: string } | { kind: 'front-matter'; key: string };

/** Facts that stand for a section's content (see Facts.compute). */
const SECTION_OF_FACT: Record<string, string> = { runbook: 'runbook', eval: 'evaluation', rollout: 'rollout' };

/** Where a fact lives: "fm.rollback.authority" in the front matter, "table.failures.…" in a section. */
export function factHome(fact: string): Home | undefined {
  const [head, second, ...rest] = fact.split('.');
  if (head === 'fm' && second) return { kind: 'front-matter', key: [second, ...rest].join('.') };
  if ((head === 'table' || head === 'section') && second) return { kind: 'section', id: second };
  const section = head ? SECTION_OF_FACT[head] : undefined;
  return section ? { kind: 'section', id: section } : undefined;
}

/** The facts a predicate tests, in order. */
export function predicateFacts(predicate: Predicate): string[] {
  if ('all' in predicate) return predicate.all.flatMap(predicateFacts);
  if ('any' in predicate) return predicate.any.flatMap(predicateFacts);
  if ('not' in predicate) return predicateFacts(predicate.not);
  if ('section' in predicate) return [`section.${predicate.section}`];
  return [predicate.fact];
}

/** Findings about a sign-off or a waiver (who signed, whether it counts): they live in its row. */
const SIGNOFF_CODES = new Set(['AD201', 'AD202', 'AD470', 'AD471', 'AD472']);

/**
 * A waiver still to complete (template text, no approver) is its item's one open finding: it
 * stands where the item would and waits on what the item would wait on, so adding a TODO waiver
 * row (a quick fix) moves nothing from one root cause or group to another.
 */
export function isIncompleteWaiver(finding: Finding): boolean {
  return (
    finding.code === 'AD202' &&
    matchesMsg(
      finding.message,
      'gateItems.waiverDoesNotCount',
      'The waiver for "{itemId}" does not count yet ({where}): it needs a justification of at least 10 characters, an approver and an expiry date (YYYY-MM-DD).',
    )
  );
}

/**
 * The home of a finding: its subject when that names a part, the requirement of the gate item it
 * reports, or else the place its range points at (a front-matter key or a section).
 */
export function findingHome(
  finding: Finding,
  items: ReadonlyMap<string, ItemResult>,
  model: DocumentModel,
): Home | undefined {
  const subject = finding.subject;
  if (subject?.kind === 'section' || subject?.kind === 'table') {
    const id = subject.id.split('.')[0];
    if (id) return { kind: 'section', id };
  }
  if (subject?.kind === 'front-matter' && subject.id) return { kind: 'front-matter', key: subject.id };
  // A sign-off or a waiver lives where its row is (or would be): the Readiness review.
  if (subject?.kind === 'gate-item' && SIGNOFF_CODES.has(finding.code) && !isIncompleteWaiver(finding))
    return { kind: 'section', id: 'readiness' };
  if (subject?.kind === 'gate-item') {
    const item = items.get(subject.id);
    if (item?.kind === 'section' && item.section) return { kind: 'section', id: item.section.id };
    const facts = item?.item.requires ? predicateFacts(item.item.requires) : [];
    const fixKey = item?.item.fix?.frontMatter;
    const home = fixKey ? { kind: 'front-matter' as const, key: fixKey } : facts.map(factHome).find(Boolean);
    if (home) return home;
  }
  return rangeHome(finding, model);
}

function rangeHome(finding: Finding, model: DocumentModel): Home | undefined {
  const line = finding.range.start.line;
  const frontMatter = model.frontMatter;
  if (frontMatter && line <= frontMatter.closingLine) {
    const key = frontMatterKeyAt(model, model.index.offsetAt(finding.range.start));
    return key ? { kind: 'front-matter', key } : undefined;
  }
  const section = model.sections.find((candidate) => line >= candidate.startLine && line < candidate.endLine);
  return section?.spec ? { kind: 'section', id: section.spec.id } : undefined;
}

/** The dotted key path of the deepest mapping entry at a document offset. */
function frontMatterKeyAt(model: DocumentModel, offset: number): string | undefined {
  const frontMatter = model.frontMatter;
  if (!frontMatter?.document) return undefined;
  const at = offset - frontMatter.contentStart;
  const path: string[] = [];
  let node: unknown = frontMatter.document.contents;
  while (isMap(node)) {
    const pair = (node.items as Pair[]).find((item) => {
      const start = (item.key as Node | null)?.range?.[0];
      const end = ((item.value as Node | null)?.range ?? (item.key as Node | null)?.range)?.[1];
      return start !== undefined && end !== undefined && at >= start && at <= end;
    });
    if (!pair || !isScalar(pair.key)) break;
    path.push(String(pair.key.value));
    node = pair.value;
  }
  return path.length ? path.join('.') : undefined;
}

/** Whether a home lies within another: the section itself, or a key under a front-matter block. */
export function within(home: Home, root: Home): boolean {
  if (home.kind !== root.kind) return false;
  // "*" stands for every section (a document that has none yet).
  if (home.kind === 'section' && root.kind === 'section') return root.id === '*' || home.id === root.id;
  const key = (home as { key: string }).key;
  const rootKey = (root as { key: string }).key;
  return rootKey === '' || key === rootKey || key.startsWith(`${rootKey}.`);
}
