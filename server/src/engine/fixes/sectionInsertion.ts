import { msg } from '../l10n';
import type { DocumentModel } from '../model/documentModel';
import type { SectionSpec } from '../schemaData/types';
import type { FixSuggestion, Position } from '../types';

/**
 * A missing section's template, inserted before the next catalogue section present in the
 * document (canonical order), or at the end. The heading uses the document's section level.
 */
export function sectionInsertionFix(model: DocumentModel, spec: SectionSpec): FixSuggestion | undefined {
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
    if (!appendingIsSafe(model)) return undefined;
    const lastLine = model.index.lineCount - 1;
    position = { line: lastLine, character: model.index.lineText(lastLine).length };
    const lastText = model.index.lineText(lastLine);
    const prefix =
      lastText === '' ? (lastLine > 0 && model.index.lineText(lastLine - 1).trim() !== '' ? eol : '') : `${eol}${eol}`;
    text = `${prefix}${heading}${eol}${eol}${body}${eol}`;
  }
  return {
    title: msg('sectionInsertion.insertSection', 'Insert the "{specTitle}" section', { specTitle: spec.title }),
    insertions: [{ position, text }],
    safe: true,
    sortKey: order,
  };
}

/**
 * Text appended at the end lands inside an unclosed front matter, code fence or HTML comment and
 * would not be a section at all; then there is no fix (the user closes the block first).
 */
function appendingIsSafe(model: DocumentModel): boolean {
  const frontMatter = model.frontMatter;
  if (frontMatter && frontMatter.closingLine >= model.index.lineCount) return false;
  const last = model.blocks[model.blocks.length - 1];
  if (!last) return true;
  if (last.kind === 'code' && /^\s{0,3}(`{3,}|~{3,})/.test(model.index.lineText(last.startLine))) {
    const closing = model.index.lineText(last.endLine - 1);
    return last.endLine - 1 > last.startLine && /^\s{0,3}(`{3,}|~{3,})\s*$/.test(closing);
  }
  if (last.kind === 'html') {
    const open = last.content.lastIndexOf('<!--');
    return open < 0 || last.content.indexOf('-->', open) >= 0;
  }
  return true;
}
