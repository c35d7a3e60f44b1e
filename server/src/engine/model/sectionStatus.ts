import type { DocumentModel, Section } from './documentModel';
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
    status = computeStatus(model, section);
    statusCache.set(section, status);
  }
  return status;
}

function computeStatus(model: DocumentModel, section: Section): SectionStatus {
  const placeholderLines: number[] = [];
  let contentLines = 0;
  let inComment = false;
  // Rows of tables whose template text only makes the row not count (waivers) are judged by
  // their own check, not counted as the section's placeholders.
  const rowJudged = section.tables.filter((table) => table.spec?.placeholders === 'row');
  const judgedElsewhere = (line: number): boolean =>
    rowJudged.some((table) => line >= table.table.startLine + 2 && line < table.table.endLine);
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
    contentLines++;
    if (looksLikePlaceholder(text) && !judgedElsewhere(line)) placeholderLines.push(line);
  }
  if (contentLines === 0) return { state: 'empty', placeholderLines };
  return { state: placeholderLines.length > 0 ? 'placeholder' : 'filled', placeholderLines };
}

/** State of a catalogue section: the best state over its occurrences. */
export function catalogueSectionState(model: DocumentModel, sectionId: string): SectionState {
  const sections = model.sectionsById.get(sectionId);
  if (!sections?.length) return 'missing';
  const states = sections.map((section) => sectionStatus(model, section).state);
  for (const state of ['filled', 'placeholder', 'empty'] as const) if (states.includes(state)) return state;
  return 'missing';
}
