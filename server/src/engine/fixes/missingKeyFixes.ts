import type { Validators } from '../evaluation/validators';
import type { DocumentModel } from '../model/documentModel';
import type { FixSuggestion } from '../types';
import { frontMatterKeyFix, PLACEHOLDER } from './frontMatterInsertion';

/** An enum with more values than this is not worth a menu: no fix. */
const MAX_CHOICES = 8;

/**
 * The fixes for a front-matter key a gate item asks for. The placeholder only where the schema
 * accepts it: in a number, an enum or a date it is a new schema error (AD003), and a preferred
 * fix that adds an error makes the document worse. For an enum, its values are offered instead,
 * one fix each, none of them safe (which value holds is a fact about the agent, not ours to pick);
 * a key that takes neither gets no fix.
 */
export function missingKeyFixes(model: DocumentModel, validators: Validators, dottedPath: string): FixSuggestion[] {
  const path = dottedPath.split('.');
  const added = (value: string) => errorsAdded(validators, model.frontMatter?.data, path, value);
  const withPlaceholder = added(PLACEHOLDER);
  if (withPlaceholder === undefined) return [];
  if (withPlaceholder.length === 0) return optional(frontMatterKeyFix(model, dottedPath));
  const only = withPlaceholder.length === 1 ? withPlaceholder[0] : undefined;
  const allowed: unknown = only?.keyword === 'enum' ? only.params['allowedValues'] : undefined;
  if (!Array.isArray(allowed) || allowed.length > MAX_CHOICES) return [];
  return allowed
    .filter((value): value is string => typeof value === 'string' && /^[A-Za-z0-9][\w.-]*$/.test(value))
    .filter((value) => added(value)?.length === 0)
    .flatMap((value) => optional(frontMatterKeyFix(model, dottedPath, value)));
}

interface SchemaError {
  keyword: string;
  params: Record<string, unknown>;
}

/**
 * The schema errors the front matter would gain with `value` at `path` (parents created as
 * mappings); undefined when the front matter is not a mapping (no insertion is possible there).
 */
function errorsAdded(
  validators: Validators,
  data: unknown,
  path: readonly string[],
  value: string,
): SchemaError[] | undefined {
  const before = data ?? {};
  if (!isMapping(before)) return undefined;
  const keyOf = (error: { instancePath: string; schemaPath: string }) => `${error.instancePath} ${error.schemaPath}`;
  const existing = new Set(schemaErrors(validators, before).map(keyOf));
  return schemaErrors(validators, withValue(before, path, value)).filter((error) => !existing.has(keyOf(error)));
}

function schemaErrors(validators: Validators, data: unknown) {
  // ajv keeps the last call's errors on the function: copy them before the next call.
  return validators.frontMatter(data) ? [] : [...(validators.frontMatter.errors ?? [])];
}

/** A copy of `data` with `value` at `path`: only the mappings along the path are copied. */
function withValue(data: Record<string, unknown>, path: readonly string[], value: string): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return data;
  const current = Object.prototype.hasOwnProperty.call(data, head) ? data[head] : undefined;
  const next = rest.length === 0 ? value : withValue(isMapping(current) ? current : {}, rest, value);
  const copy = { ...data };
  Object.defineProperty(copy, head, { value: next, enumerable: true, writable: true, configurable: true });
  return copy;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
