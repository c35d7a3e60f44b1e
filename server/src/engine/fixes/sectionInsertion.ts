import type { DocumentModel } from '../model/documentModel';
import type { SectionSpec } from '../schemaData/types';
import type { FixSuggestion, Position } from '../types';

/**
 * A missing section's template, inserted before the next catalogue section present in the
 * document (canonical order), or at the end. The heading uses the document's section level.
 */
export function sectionInsertionFix(model: DocumentModel, spec: SectionSpec): FixSuggestion {
  const catalogue = model.schemas.sections.sections;
  const order = catalogue.findIndex((candidate) => candidate.id === spec.id);
  const later = new Set(catalogue.slice(order + 1).map((candidate) => candidate.id));
  const before = model.sections.find((section) => section.spec && later.has(section.spec.id));
  const eol = model.index.eol;
  const heading = `${'#'.repeat(model.sectionLevel)} ${spec.title}`;
  const body = spec.template.replace(/\n/g, eol).replace(new RegExp(`(${eol})+$`), '');
  let position: Position;
  let text: string;
  if (before) {
    position = { line: before.startLine, character: 0 };
    text = `${heading}${eol}${eol}${body}${eol}${eol}`;
  } else {
    const lastLine = model.index.lineCount - 1;
    position = { line: lastLine, character: model.index.lineText(lastLine).length };
    const lastText = model.index.lineText(lastLine);
    const prefix = lastText === '' ? (lastLine > 0 && model.index.lineText(lastLine - 1).trim() !== '' ? eol : '') : `${eol}${eol}`;
    text = `${prefix}${heading}${eol}${eol}${body}${eol}`;
  }
  return { title: `Insert the "${spec.title}" section`, insertions: [{ position, text }], safe: true, sortKey: order };
}
