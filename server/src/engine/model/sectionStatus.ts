import type { BoundTable, DocumentModel, Section } from './documentModel';
import { noPlaceholderIn } from './chunkedBlocks';
import { unwatchedModel } from './modelReads';
import { placeholderIn } from './placeholders';
import { looksLikePlaceholder } from './values';

export type SectionState = 'missing' | 'empty' | 'placeholder' | 'filled';

export interface SectionStatus {
  state: SectionState;
  /** Lines still holding placeholder or template text. */
  placeholderLines: number[];
}

const HTML_COMMENT = /^\s*<!--.*-->\s*$/;

// Several rules and the readiness evaluation ask about the same sections; a section object
// belongs to one model (one text), so its status never changes.
const statusCache = new WeakMap<Section, SectionStatus>();

/** Whether a section has real content: not just blank lines, comments or template text. */
export function sectionStatus(model: DocumentModel, section: Section): SectionStatus {
  let status = statusCache.get(section);
  if (!status) {
    status = quickStatus(model, section) ?? computeStatus(model, section);
    statusCache.set(section, status);
  }
  return status;
}

/**
 * Most sections are filled and hold no template text. One native search of the section's text
 * tells that no line of it looks like a placeholder (a line's match is a match in the whole text,
 * so a miss is exact); then the first content line settles it, and a section the user is typing in
 * is not scanned line by line on every keystroke. Undefined when the full scan must decide.
 */
function quickStatus(model: DocumentModel, section: Section): SectionStatus | undefined {
  const { index } = model;
  const first = section.startLine + 1;
  if (first >= section.endLine) return undefined;
  const to = section.endLine >= index.lineCount ? model.text.length : index.lineStart(section.endLine);
  const noPlaceholder =
    noPlaceholderIn(unwatchedModel(model).blocks, first, section.endLine) ??
    !looksLikePlaceholder(model.text.slice(index.lineStart(first), to));
  if (!noPlaceholder) return undefined;
  return contentLines(model, section).next().done ? undefined : { state: 'filled', placeholderLines: [] };
}

/** The section's lines that hold content: not blank, not inside an HTML comment. */
function* contentLines(model: DocumentModel, section: Section): Generator<number> {
  let inComment = false;
  for (let line = section.startLine + 1; line < section.endLine; line++) {
    const text = model.index.lineText(line);
    if (inComment) {
      if (text.includes('-->')) inComment = false;
      continue;
    }
    if (text.trim() === '' || HTML_COMMENT.test(text)) continue;
    if (/^\s*<!--/.test(text)) {
      inComment = true;
      continue;
    }
    yield line;
  }
}

function rowJudged(section: Section): BoundTable[] {
  return section.tables.filter((table) => table.spec?.placeholders === 'row');
}

/** The status from a scan of every line (exported for tests: the quick path must agree with it). */
export function computeStatus(model: DocumentModel, section: Section): SectionStatus {
  const placeholderLines: number[] = [];
  let counted = 0;
  // Rows of tables whose template text only makes the row not count (waivers) are judged by
  // their own check, not counted as the section's placeholders.
  const judgedTables = rowJudged(section);
  const judgedElsewhere = (line: number): boolean =>
    judgedTables.some((table) => line >= table.table.startLine + 2 && line < table.table.endLine);
  for (const line of contentLines(model, section)) {
    counted++;
    if (placeholderIn(model, model.index.lineText(line)) && !judgedElsewhere(line)) placeholderLines.push(line);
  }
  if (counted === 0) return { state: 'empty', placeholderLines };
  return { state: placeholderLines.length > 0 ? 'placeholder' : 'filled', placeholderLines };
}

/**
 * Whether a section holds written content: it is filled, or some of its content lines (of `part`,
 * when given: the lines of one entry) are the writer's own besides the template text left in it.
 * The template's structure is not writing: a table's header and delimiter rows, and lines the
 * section's template has as they are. A check that judges what is written runs on such a section;
 * one still all template is AD102's finding alone, and adding a TODO entry to a written section
 * must not silence the checks of what is written.
 */
export function hasWrittenContent(
  model: DocumentModel,
  section: Section,
  part?: { from: number; to: number },
): boolean {
  const status = sectionStatus(model, section);
  if (status.state === 'filled') return true;
  if (status.state !== 'placeholder') return false;
  const structure = new Set(status.placeholderLines);
  for (const { table } of section.tables) structure.add(table.startLine).add(table.startLine + 1);
  const template = new Set((section.spec?.template ?? '').split('\n').map((line) => line.trim()));
  for (const line of contentLines(model, section)) {
    if (part && (line < part.from || line >= part.to)) continue;
    if (!structure.has(line) && !template.has(model.index.lineText(line).trim())) return true;
  }
  return false;
}

/** State of a catalogue section: the best state over its occurrences. */
export function catalogueSectionState(model: DocumentModel, sectionId: string): SectionState {
  const sections = model.sectionsById.get(sectionId);
  if (!sections?.length) return 'missing';
  const states = sections.map((section) => sectionStatus(model, section).state);
  for (const state of ['filled', 'placeholder', 'empty'] as const) if (states.includes(state)) return state;
  return 'missing';
}
