import { msg } from '../l10n';
import { frontMatterBlockFix } from '../fixes/frontMatterInsertion';
import type { DocumentModel } from '../model/documentModel';
import { onlyPlaceholders, placeholderKeys } from '../model/placeholders';
import { makeFinding, type RuleInfo } from '../rules/rule';
import type { Finding } from '../types';
import { findingHome, predicateFacts, type Home } from './home';
import type { ItemResult } from './readiness';
import type { FoldInput, Root } from './rootCauses';

/*
 * The front matter's root causes: a missing block, a block with placeholder text, a schema error
 * on a value; and the keys each finding reads, by which findings are folded into them.
 */

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

/** AD006 findings (a front-matter block with placeholders) are roots for the keys that hold them. */
export function placeholderBlockRoots(
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

/**
 * A schema error on a front-matter value (owner.name empty) and a gate item that reads the same
 * key, reported at the same place, are one gap: the item waits on the value being written.
 */
export function schemaValueRoots(findings: Finding[], model: DocumentModel): Root[] {
  return findings.flatMap((finding) => {
    if (finding.code !== 'AD003' || finding.subject?.kind !== 'front-matter' || !finding.subject.id) return [];
    const key = finding.subject.id;
    if (!written(model, key)) return [];
    const { line, character } = finding.range.start;
    return [
      { finding, home: { kind: 'front-matter', key }, spot: { key, line, character }, floor: 'hint', members: [] },
    ];
  });
}

/**
 * The placeholder key a finding's key waits on: the key itself or one above it (rollback when
 * rollback.authority says TODO), or one inside it when it is a top-level block that holds nothing
 * but placeholders (metrics, when its only value is as_of: TODO): what waited on the missing block
 * waits on the block the quick fix wrote. Undefined when none does.
 */
export function placeholderFor(placeholders: readonly string[], key: string, model: DocumentModel): string | undefined {
  return placeholders.find(
    (placeholder) =>
      key === placeholder ||
      key.startsWith(`${placeholder}.`) ||
      (!key.includes('.') && placeholder.startsWith(`${key}.`) && onlyPlaceholders(model, key)),
  );
}

/** The front-matter keys a finding depends on: its home, and every key its gate item reads. */
export function keysOf(finding: Finding, home: Home, items: ReadonlyMap<string, ItemResult>): string[] {
  const keys = home.kind === 'front-matter' ? [home.key] : [];
  const item = finding.subject?.kind === 'gate-item' ? items.get(finding.subject.id) : undefined;
  for (const fact of item?.item.requires ? predicateFacts(item.item.requires) : [])
    if (fact.startsWith('fm.')) keys.push(fact.slice(3));
  const fixKey = item?.item.fix?.frontMatter;
  if (fixKey) keys.push(fixKey);
  return keys;
}

/**
 * Findings whose quick fix adds a front-matter key to a block that is there (a gate item asking
 * for owner.deputy), with the key it adds (the first the finding reads that is not written): once
 * the fix has written TODO there, they wait on that placeholder, so before it they are part of the
 * same front matter still to write.
 */
export function keyGaps(
  findings: readonly Finding[],
  homes: ReadonlyMap<Finding, Home | undefined>,
  items: ReadonlyMap<string, ItemResult>,
  model: DocumentModel,
): Map<Finding, string> {
  const closing = model.frontMatter?.closingLine ?? -1;
  const gaps = new Map<Finding, string>();
  for (const finding of findings) {
    const home = homes.get(finding);
    const fix = finding.fixes?.[0];
    if (home?.kind !== 'front-matter' || !fix?.safe || finding.code === 'AD005') continue;
    if (!fix.insertions.every((insertion) => !insertion.replaces && insertion.position.line <= closing)) continue;
    gaps.set(finding, keysOf(finding, home, items).find((key) => !written(model, key)) ?? home.key);
  }
  return gaps;
}

/** Whether a front-matter key has a value (a placeholder counts: it is written, just not real). */
export function written(model: DocumentModel, key: string): boolean {
  let node: unknown = model.frontMatter?.data;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return node !== undefined && node !== null;
}

export function blockMissing(model: DocumentModel, key: string): boolean {
  const data = model.frontMatter?.data;
  if (!model.frontMatter?.document || !data || typeof data !== 'object' || Array.isArray(data)) return false;
  return !Object.prototype.hasOwnProperty.call(data, key.split('.')[0]!);
}

export function missingBlockRoot(
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
