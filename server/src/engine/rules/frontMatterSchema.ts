import { msg } from '../l10n';
import type { ErrorObject } from '../evaluation/validators';
import { frontMatterInsertionAnchor } from '../model/anchors';
import { nodeAtPath, nodeSpan } from '../model/frontMatter';
import type { DocumentModel } from '../model/documentModel';
import { closestValue, valueCorrectionFix } from '../fixes/valueCorrection';
import { isPlaceholderValue } from '../model/values';
import type { FixSuggestion, Range } from '../types';
import { makeFinding, type Rule } from './rule';
import { describeSchemaError } from './schemaMessages';

export const frontMatterSchema: Rule = {
  code: 'AD003',
  name: 'front-matter-schema',
  description: 'Front-matter keys and values follow the agentdoc schema.',
  rationale:
    'A misspelt key or an unknown stage silently turns a fact into noise; the checks downstream need the facts in the shape they expect.',
  sources: [],
  howToFix:
    'Use the keys, types and values of the front-matter reference in docs/format.md; the message names the key and what it allows.',
  defaultSeverity: 'error',
  check({ model, validators }) {
    const frontMatter = model.frontMatter;
    if (!frontMatter?.document || frontMatter.problems.length > 0) return [];
    const data = frontMatter.data ?? {};
    if (validators.frontMatter(data)) return [];
    return relevantErrors(validators.frontMatter.errors ?? [])
      .filter((error) => !isPlaceholder(error.data))
      .map((error) => {
        const { message, path } = describeSchemaError(error, 'front matter');
        const range = rangeForPath(model, path, error.keyword === 'additionalProperties');
        const fix = correction(error, path, range, model.schemas.policy.valueSynonyms ?? {});
        return makeFinding(
          this,
          'error',
          fix
            ? msg('frontMatterSchema.didYouMean', '{message} Did you mean "{suggestion}"?', {
                message,
                suggestion: fix.suggestion,
              })
            : message,
          range,
          {
            // A missing key is about that key (risk), not the mapping it is missing from.
            subject: { kind: 'front-matter', id: subjectPath(error, path).join('.') },
            ...(fix ? { fixes: [fix.fix] } : {}),
          },
        );
      });
  },
};

function subjectPath(error: { keyword: string; params: Record<string, unknown> }, path: string[]): string[] {
  const missing = error.params['missingProperty'];
  return error.keyword === 'required' && typeof missing === 'string' ? [...path, missing] : path;
}

/**
 * Placeholder text ("TODO") in a typed key is not a type error: it is a value still to be written,
 * reported once per block (AD006) and blocking what needs it.
 */
function isPlaceholder(data: unknown): boolean {
  return typeof data === 'string' && data.trim() !== '' && isPlaceholderValue(data);
}

/** For a value outside an enum: the allowed value the writer most likely meant, as a fix. */
function correction(
  error: ErrorObject,
  path: string[],
  range: Range,
  synonyms: Record<string, Record<string, string>>,
): { suggestion: string; fix: FixSuggestion } | undefined {
  if (error.keyword !== 'enum' || typeof error.data !== 'string') return undefined;
  const allowed = (error.params['allowedValues'] as unknown[]).filter(
    (value): value is string => typeof value === 'string',
  );
  const suggestion = closestValue(error.data, allowed, synonyms[path.join('.')]);
  return suggestion ? { suggestion, fix: valueCorrectionFix(range, error.data, suggestion) } : undefined;
}

/** Drops the per-branch noise of anyOf/oneOf: the combined error says it better. */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const combined = new Set(
    errors.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf').map((error) => error.instancePath),
  );
  return errors.filter(
    (error) => error.keyword === 'anyOf' || error.keyword === 'oneOf' || !combined.has(error.instancePath),
  );
}

/** The key (for an unknown key) or the value at the path; the nearest existing parent when missing. */
function rangeForPath(model: DocumentModel, path: string[], preferKey: boolean): Range {
  const frontMatter = model.frontMatter;
  if (!frontMatter?.document) return model.index.trimmedLineRange(0);
  for (let depth = path.length; depth > 0; depth--) {
    const node = nodeAtPath(frontMatter.document, path.slice(0, depth));
    if (!node) continue;
    const wholeValue = depth === path.length && !preferKey;
    const span = wholeValue
      ? (nodeSpan(node.value) ?? nodeSpan(node.key))
      : (nodeSpan(node.key) ?? nodeSpan(node.value));
    if (span) return trimRange(model, frontMatter.contentStart + span[0], frontMatter.contentStart + span[1]);
  }
  // A missing top-level key: where it would be added.
  return frontMatterInsertionAnchor(model);
}

/** Block values end after their line break; keep the range on the value's own lines. */
function trimRange(model: DocumentModel, start: number, end: number): Range {
  let stop = end;
  while (stop > start && /\s/.test(model.text[stop - 1] ?? '')) stop--;
  return model.index.rangeOf(start, Math.max(stop, start));
}
