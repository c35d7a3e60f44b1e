import type { AnalysisResult } from '../analyze';
import { valueAt } from '../evaluation/facts';
import type { DocumentModel, Section } from '../model/documentModel';
import { ownNames, placeholderIn } from '../model/placeholders';
import { isPlaceholderValue } from '../model/values';
import { writtenText, type WrittenText } from './writtenText';

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

/** A front-matter value as text; a placeholder ("TBD", "TODO", "-") is not one. */
export function fmString(source: ExportSource, path: string): string | undefined {
  const value = fmValue(source, path);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' && !isPlaceholderValue(value) ? value.trim() : undefined;
}

export function fmList(source: ExportSource, path: string): string[] {
  const value = fmValue(source, path);
  return Array.isArray(value)
    ? value.flatMap((entry) =>
        typeof entry === 'number' || (typeof entry === 'string' && !isPlaceholderValue(entry)) ? [String(entry)] : [],
      )
    : [];
}

function firstSection(model: DocumentModel, id: string): Section | undefined {
  return model.sectionsById.get(id)?.[0];
}

/**
 * A section's Markdown as written, without its heading, its own headings moved down `shift` levels
 * so they nest under the export's headings. Comments and template text are not the document's
 * content: undefined when the section is missing, empty, or holds nothing else (its template with
 * the TODOs taken out is still the template).
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
  const written = writtenText(lines, ownNames(model));
  if (written.text === '') return undefined;
  const template = section.spec?.template;
  if (template !== undefined && sameText(written.text, writtenText(shifted(template, shift)).text)) return undefined;
  return withOmissionNote(written);
}

function shifted(template: string, shift: number): string[] {
  return template.split('\n').map((line) => (/^#{1,5}\s/.test(line) ? `${'#'.repeat(shift)}${line}` : line));
}

function sameText(a: string, b: string): boolean {
  const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
  return normalise(a) === normalise(b);
}

/** What was written, and a note when template text around it was left out. */
function withOmissionNote(written: WrittenText): string {
  if (written.omitted === 0) return written.text;
  const note =
    written.omitted === 1
      ? '_One line that still holds template text (TODO) is left out here._'
      : `_${written.omitted} lines that still hold template text (TODO) are left out here._`;
  return `${written.text}\n\n${note}`;
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

/**
 * The Markdown of a table in a section (header, delimiter and rows), as written, without the rows
 * that still hold template text; undefined when no written row is left.
 */
export function tableMarkdown(model: DocumentModel, sectionId: string, tableId: string): string | undefined {
  const table = model.sectionsById
    .get(sectionId)
    ?.flatMap((section) => section.tables)
    .find((candidate) => candidate.spec?.id === tableId);
  if (!table) return undefined;
  const { startLine, endLine } = table.table;
  const rows: string[] = [];
  let omitted = 0;
  for (let line = startLine + 2; line < endLine; line++) {
    const text = model.index.lineText(line);
    if (placeholderIn(model, text)) omitted++;
    else rows.push(text);
  }
  if (rows.length === 0) return undefined;
  const header = [model.index.lineText(startLine), model.index.lineText(startLine + 1)];
  return withOmissionNote({ text: [...header, ...rows].join('\n').trim(), omitted });
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
