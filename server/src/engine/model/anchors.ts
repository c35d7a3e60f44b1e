import type { SectionSpec } from '../schemaData/types';
import type { Range } from '../types';
import type { DocumentModel } from './documentModel';

/**
 * Where findings about something missing point: where the quick fix would put it. Nothing is
 * anchored on the first line or the title unless the title itself is the problem — a pile of
 * diagnostics on the title tells the writer nothing about where to go.
 */

/** A new front-matter key goes before the closing fence: the fence's line. */
export function frontMatterInsertionAnchor(model: DocumentModel): Range {
  const frontMatter = model.frontMatter;
  if (frontMatter && frontMatter.closingLine < model.index.lineCount)
    return model.index.trimmedLineRange(frontMatter.closingLine);
  return model.index.trimmedLineRange(0);
}

/**
 * A missing section goes before the next catalogue section present (canonical order), or at the
 * end: the heading of the section it would follow — or, when it would come first, of the section
 * it would precede.
 */
export function sectionInsertionAnchor(model: DocumentModel, spec: SectionSpec): Range {
  const catalogue = model.schemas.sections.sections;
  const order = catalogue.findIndex((candidate) => candidate.id === spec.id);
  const later = new Set(catalogue.slice(order + 1).map((candidate) => candidate.id));
  const next = model.sections.find((section) => section.spec && later.has(section.spec.id));
  const insertAt = next ? next.startLine : model.index.lineCount;
  const previous = [...model.sections].reverse().find((section) => section.startLine < insertAt);
  const anchor = previous ?? next;
  if (anchor) return anchor.heading.range;
  return model.title?.range ?? frontMatterInsertionAnchor(model);
}

/** A catalogue section's heading when present, else where it would be inserted. */
export function sectionAnchorOrInsertion(model: DocumentModel, sectionId: string): Range {
  const present = model.sectionsById.get(sectionId)?.[0];
  if (present) return present.heading.range;
  const spec = model.schemas.sections.sections.find((candidate) => candidate.id === sectionId);
  return spec ? sectionInsertionAnchor(model, spec) : (model.title?.range ?? frontMatterInsertionAnchor(model));
}
