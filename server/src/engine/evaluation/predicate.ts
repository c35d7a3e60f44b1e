import type { Facts } from './facts';
import { ownNames } from '../model/placeholders';
import { isPresent } from '../model/values';
import type { FactPredicate, Predicate, Scalar } from '../schemaData/types';

/** Evaluates a data-defined condition (schemas/meta/predicate.schema.json) against the facts. */
export function evaluate(predicate: Predicate, facts: Facts): boolean {
  if ('all' in predicate) return predicate.all.every((inner) => evaluate(inner, facts));
  if ('any' in predicate) return predicate.any.some((inner) => evaluate(inner, facts));
  if ('not' in predicate) return !evaluate(predicate.not, facts);
  if ('section' in predicate) return facts.sectionFilled(predicate.section);
  return evaluateFact(predicate, facts.get(predicate.fact), facts);
}

function same(a: unknown, b: Scalar): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.trim().toLowerCase() === b.toLowerCase();
  return a === b;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function evaluateFact(p: FactPredicate, value: unknown, facts: Facts): boolean {
  if (p.exists) return isPresent(value, ownNames(facts.model));
  if (p.equals !== undefined) return same(value, p.equals);
  if (p.in) return p.in.some((candidate) => same(value, candidate));
  if (p.gte !== undefined) return typeof value === 'number' && value >= p.gte;
  if (p.lte !== undefined) return typeof value === 'number' && value <= p.lte;
  if (p.includes !== undefined) return asList(value).some((item) => same(item, p.includes as Scalar));
  if (p.includesAny) return p.includesAny.some((wanted) => asList(value).some((item) => same(item, wanted)));
  if (p.includesAll) return p.includesAll.every((wanted) => asList(value).some((item) => same(item, wanted)));
  if (p.minItems !== undefined) return asList(value).length >= p.minItems;
  return false;
}
