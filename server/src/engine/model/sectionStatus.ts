import { BoundedCache } from '../boundedCache';
import { flatCopy } from './blocks';
import type { BoundTable, DocumentModel, Section } from './documentModel';
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
    status = statusOfText(model, section);
    statusCache.set(section, status);
  }
  return status;
}

/**
 * The status is a function of the section's lines (after its heading) and of the lines its
 * row-judged tables cover, nothing else: it is kept by that text, with line numbers relative to
 * the section, so an edit in another section (or above this one) does not scan it again.
 */
interface KnownStatus {
  judged: string;
  state: SectionState;
  placeholderOffsets: number[];
}
const byText = new BoundedCache<string, KnownStatus>(256, 4_000_000, (text) => text.length);

function statusOfText(model: DocumentModel, section: Section): SectionStatus {
  const { index } = model;
  const first = section.startLine + 1;
  const from = index.lineStart(first);
  const to = section.endLine >= index.lineCount ? model.text.length : index.lineStart(section.endLine);
  if (first >= section.endLine || to <= from) return computeStatus(model, section);
  const text = model.text.slice(from, to);
  const judged = rowJudged(section)
    .map((table) => `${table.table.startLine - first},${table.table.endLine - first}`)
    .join(';');
  const known = byText.get(text);
  if (known && known.judged === judged)
    return { state: known.state, placeholderLines: known.placeholderOffsets.map((offset) => offset + first) };
  const status = computeStatus(model, section);
  byText.set(flatCopy(text), {
    judged,
    state: status.state,
    placeholderOffsets: status.placeholderLines.map((line) => line - first),
  });
  return status;
}

function rowJudged(section: Section): BoundTable[] {
  return section.tables.filter((table) => table.spec?.placeholders === 'row');
}

function computeStatus(model: DocumentModel, section: Section): SectionStatus {
  const placeholderLines: number[] = [];
  let contentLines = 0;
  let inComment = false;
  // Rows of tables whose template text only makes the row not count (waivers) are judged by
  // their own check, not counted as the section's placeholders.
  const judgedTables = rowJudged(section);
  const judgedElsewhere = (line: number): boolean =>
    judgedTables.some((table) => line >= table.table.startLine + 2 && line < table.table.endLine);
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

/** For tests: forget every status kept by text, so the next model is judged from scratch. */
export function clearSectionStatusCache(): void {
  byText.clear();
}
