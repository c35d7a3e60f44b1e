import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { AnalysisResult } from '../analyze';
import { Facts } from '../evaluation/facts';
import type { DocumentModel } from '../model/documentModel';
import { formatNumber, formatPercent, parseRate } from '../model/values';
import type { Position, Range } from '../types';
import { sourcesMarkdown } from '../catalogue/sources';
import { toolHoverAt } from './toolHover';
import { gateItemHoverAt } from './gateItemHover';

export interface HoverInfo {
  markdown: string;
  range: Range;
}

/** Guidance on a section heading, the schema's description on a front-matter key, arithmetic on volumes. */
export function hoverAt(result: AnalysisResult, position: Position): HoverInfo | undefined {
  const model = result.model;
  if (!model) return undefined;
  const section = model.sections.find((candidate) => candidate.heading.line === position.line);
  if (section?.spec) {
    const { guidance } = section.spec;
    const checks = guidance.reviewerChecks.map((check) => `- ${check}`).join('\n');
    const required =
      model.schemas.gates.stages.find((stage) => stage.id === section.spec?.requiredFrom)?.title ??
      section.spec.requiredFrom;
    return {
      range: section.heading.range,
      markdown: `**${section.spec.title}** — required from ${required.toLowerCase()}\n\n${guidance.why}\n\n**A reviewer checks:**\n${checks}\n\nSources: ${sourcesMarkdown(guidance.sources)}`,
    };
  }
  const row = toolHoverAt(model, position) ?? gateItemHoverAt(result, position);
  if (row) return row;
  const key = frontMatterKeyAt(model, position);
  if (!key) return undefined;
  const description = schemaDescription(model.schemas.frontMatter, key.path);
  const parts = [`**${key.path.join('.')}**`];
  if (description) parts.push(description);
  if (key.path[0] === 'volumes') {
    const load = escalationArithmetic(new Facts(model));
    if (load) parts.push(load);
  }
  return parts.length > 1 ? { markdown: parts.join('\n\n'), range: key.range } : undefined;
}

/** The escalation load at target scale, with the document's own numbers (seed 001). */
export function escalationArithmetic(facts: Facts): string | undefined {
  const target = facts.get('fm.volumes.tasks_per_day_target');
  const escalation = parseRate(facts.get('fm.volumes.escalation_rate'));
  const sample = parseRate(facts.get('fm.volumes.review_sample_rate')) ?? 0;
  const capacity = facts.get('fm.volumes.review_capacity_per_day');
  if (typeof target !== 'number' || escalation === undefined) return undefined;
  const reviews = target * (escalation + sample);
  const rates = sample
    ? `(${formatPercent(escalation)} escalations + ${formatPercent(sample)} review samples)`
    : `${formatPercent(escalation)} escalations`;
  const load = `At target scale: ${formatNumber(target)} tasks/day × ${rates} = **${formatNumber(reviews)} reviews/day**`;
  if (typeof capacity !== 'number' || capacity <= 0) return `${load}; no review capacity is stated.`;
  return `${load}, against a capacity of ${formatNumber(capacity)}/day (${formatPercent(reviews / capacity)} used).`;
}

function frontMatterKeyAt(model: DocumentModel, position: Position): { path: string[]; range: Range } | undefined {
  const frontMatter = model.frontMatter;
  if (!frontMatter?.document) return undefined;
  // The fences are not keys: the last value's node runs up to the closing fence's first column.
  if (position.line <= 0 || position.line >= frontMatter.closingLine) return undefined;
  const offset = model.index.offsetAt(position) - frontMatter.contentStart;
  if (offset < 0 || offset > frontMatter.contentEnd - frontMatter.contentStart) return undefined;
  const found = findKey(frontMatter.document.contents, offset, []);
  if (!found) return undefined;
  return {
    path: found.path,
    range: model.index.rangeOf(frontMatter.contentStart + found.span[0], frontMatter.contentStart + found.span[1]),
  };
}

function findKey(
  node: unknown,
  offset: number,
  path: string[],
): { path: string[]; span: [number, number] } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (!isScalar(key) || !key.range) continue;
      const keyPath = [...path, String(key.value)];
      if (offset >= key.range[0] && offset <= key.range[1])
        return { path: keyPath, span: [key.range[0], key.range[1]] };
      const value = pair.value as Node | null;
      if (value?.range && offset >= value.range[0] && offset <= value.range[1]) {
        return findKey(value, offset, keyPath) ?? { path: keyPath, span: [value.range[0], value.range[1]] };
      }
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const found = findKey(item, offset, path);
      if (found) return found;
    }
  }
  return undefined;
}

/** Follows `properties` (and local $refs) down the schema to the key's description. */
export function schemaDescription(schema: Record<string, unknown>, path: readonly string[]): string | undefined {
  let current: Record<string, unknown> | undefined = schema;
  for (const key of path) {
    const properties = current?.['properties'] as Record<string, Record<string, unknown>> | undefined;
    current = properties?.[key];
    if (!current) return undefined;
  }
  return typeof current?.['description'] === 'string' ? current['description'] : undefined;
}
