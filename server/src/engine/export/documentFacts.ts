import type { AnalysisResult } from '../analyze';
import { valueAt } from '../evaluation/facts';
import type { DocumentModel, Section } from '../model/documentModel';

/**
 * What the exports read from a document, in one place: front-matter values, section text and
 * tables as written. Exports never invent facts: what the document does not say is a gap.
 */
export interface ExportSource {
  model: DocumentModel;
  result: AnalysisResult;
  /** The document's file name, for the exports' "generated from" line. */
  fileName: string;
  /** The date the export is made, YYYY-MM-DD. */
  date: string;
}

export function fmValue(source: ExportSource, path: string): unknown {
  return valueAt(source.model.frontMatter?.data, path.split('.'));
}

export function fmString(source: ExportSource, path: string): string | undefined {
  const value = fmValue(source, path);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function fmList(source: ExportSource, path: string): string[] {
  const value = fmValue(source, path);
  return Array.isArray(value)
    ? value.flatMap((entry) => (typeof entry === 'string' || typeof entry === 'number' ? [String(entry)] : []))
    : [];
}

function firstSection(model: DocumentModel, id: string): Section | undefined {
  return model.sectionsById.get(id)?.[0];
}

/**
 * A section's Markdown as written, without its heading, its own headings moved down `shift` levels
 * so they nest under the export's headings. Undefined when the section is missing or empty.
 */
export function sectionMarkdown(model: DocumentModel, id: string, shift = 1): string | undefined {
  const section = firstSection(model, id);
  if (!section) return undefined;
  const lines: string[] = [];
  let fence: string | undefined;
  for (let line = section.startLine + 1; line < section.endLine; line++) {
    const text = model.index.lineText(line);
    const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (opening && (!fence || (opening[0] === fence[0] && opening.length >= fence.length)))
      fence = fence ? undefined : opening;
    lines.push(!fence && /^#{1,5}\s/.test(text) ? `${'#'.repeat(shift)}${text}` : text);
  }
  const body = lines.join('\n').trim();
  return body === '' ? undefined : body;
}

/** The first paragraph of a section, as one line of plain text. */
export function firstParagraph(model: DocumentModel, id: string): string | undefined {
  const section = firstSection(model, id);
  const block = section?.blocks.find((candidate) => candidate.kind === 'paragraph');
  if (!block || block.kind !== 'paragraph') return undefined;
  const text = block.text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
  return text === '' ? undefined : text;
}

/** The Markdown of a table in a section (header, delimiter and rows), as written. */
export function tableMarkdown(model: DocumentModel, sectionId: string, tableId: string): string | undefined {
  const table = model.sectionsById
    .get(sectionId)
    ?.flatMap((section) => section.tables)
    .find((candidate) => candidate.spec?.id === tableId);
  if (!table) return undefined;
  const lines: string[] = [];
  for (let line = table.table.startLine; line < table.table.endLine; line++) lines.push(model.index.lineText(line));
  return lines.join('\n').trim();
}

/** "Maria Lindqvist" → "maria-lindqvist": a name usable as an entity reference or id. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}
