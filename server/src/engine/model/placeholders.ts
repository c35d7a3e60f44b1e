import type { Range } from '../types';
import type { DocumentModel } from './documentModel';
import { nodeAtPath, nodeSpan } from './frontMatter';
import { isPlaceholderName, isPlaceholderValue, looksLikePlaceholder } from './values';

/** Escapes a literal for a RegExp: the name is the user's text, matched as written. */
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// By front matter: every rule's view of the model shares it (rules/ruleResultCache.ts watches reads).
const cache = new WeakMap<object, readonly RegExp[]>();
const NONE: readonly RegExp[] = [];

/**
 * The agent's own name and id, where they contain a marker word ("Todo helper", "tbd-tracker"):
 * they are real values, and the document repeats them in its title, purpose, prompt and decision
 * ids, so wherever they appear they are not taken for placeholder text. A name or id that is
 * itself a placeholder ("TODO", "TBD: name it") is not one of them. Empty for nearly every
 * document, which keeps the placeholder checks as they are.
 */
export function ownNames(model: DocumentModel): readonly RegExp[] {
  const frontMatter = model.frontMatter;
  if (!frontMatter) return NONE;
  let names = cache.get(frontMatter);
  if (!names) {
    const data = frontMatter.data;
    const record = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    names = [record['name'], record['id']]
      .flatMap((value) => (typeof value === 'string' ? [value.trim()] : []))
      .filter((value) => looksLikePlaceholder(value) && !isPlaceholderName(value))
      // The longer first: "Todo helper bot" before "Todo helper".
      .sort((a, b) => b.length - a.length)
      .map((value) => new RegExp(escape(value), 'gi'));
    cache.set(frontMatter, names);
  }
  return names;
}

/** Whether text of this document looks like placeholder text, its own name and id aside. */
export function placeholderIn(model: DocumentModel, text: string): boolean {
  return looksLikePlaceholder(text, ownNames(model));
}

/** Keys under a front-matter path whose values are placeholder text. */
export function placeholderKeys(model: DocumentModel, prefix: string): string[] {
  const names = ownNames(model);
  const out: string[] = [];
  const walk = (value: unknown, path: string[]): void => {
    if (typeof value === 'string' && value.trim() !== '' && isPlaceholderValue(value, names)) out.push(path.join('.'));
    else if (value && typeof value === 'object' && !Array.isArray(value))
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
  };
  walk(valueUnder(model, prefix), prefix.split('.'));
  return out;
}

/**
 * Whether a front-matter block holds nothing but placeholder text (every value in it, at any
 * depth, is one): a check asking for the block's content then waits on those placeholders.
 */
export function onlyPlaceholders(model: DocumentModel, key: string): boolean {
  const names = ownNames(model);
  let values = 0;
  let placeholders = 0;
  const walk = (value: unknown): void => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const child of Object.values(value)) walk(child);
      return;
    }
    values++;
    if (typeof value === 'string' && value.trim() !== '' && isPlaceholderValue(value, names)) placeholders++;
  };
  const start = valueUnder(model, key);
  if (!start || typeof start !== 'object' || Array.isArray(start)) return false;
  walk(start);
  return values > 0 && placeholders === values;
}

/** Where a front-matter key's value is written, or undefined when it is not there. */
export function valueRange(model: DocumentModel, key: string): Range | undefined {
  const frontMatter = model.frontMatter;
  const span = frontMatter?.document && nodeSpan(nodeAtPath(frontMatter.document, key.split('.'))?.value);
  return (
    span && frontMatter && model.index.rangeOf(frontMatter.contentStart + span[0], frontMatter.contentStart + span[1])
  );
}

/** The front-matter value at a dotted key. */
function valueUnder(model: DocumentModel, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[part] : undefined,
      model.frontMatter?.data,
    );
}
