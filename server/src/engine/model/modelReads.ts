import { LineIndex } from '../text/lineIndex';
import type { DocumentModel, Section } from './documentModel';

/**
 * What one rule read of a document model, recorded while it ran, so that its findings can be
 * reused for a later text in which none of it changed (rules/ruleResultCache.ts). Structure is
 * recorded where it is reached: catalogue sections by id, the list of all sections, the title, the
 * line count. Lines read through the line index are recorded too and must lie in what was reached
 * that way or in the front matter (which the cache keys by identity): a rule that reads a line
 * anywhere else, the whole block list, the readiness, or files gets `whole` and is not reused.
 * Slicing `model.text` is not watched: offsets come from the line index, whose lines are.
 */
export interface ModelReads {
  whole: boolean;
  sectionIds: Set<string>;
  allSections: boolean;
  title: boolean;
  lineCount: boolean;
  /** Lines whose content was read (lineEnd, and everything built on it). */
  contentLines: number[];
  /** Lines whose start offset was asked for: a section's end is the next line's start. */
  boundaryLines: number[];
}

export function noReads(): ModelReads {
  return {
    whole: false,
    sectionIds: new Set(),
    allSections: false,
    title: false,
    lineCount: false,
    contentLines: [],
    boundaryLines: [],
  };
}

/** The model as one rule sees it: the same values, each read recorded in `reads`. */
export function watchedModel(model: DocumentModel, reads: ModelReads): DocumentModel {
  const watched: DocumentModel = {
    text: model.text,
    index: new WatchedLineIndex(model.index, reads),
    frontMatter: model.frontMatter,
    bodyStartLine: model.bodyStartLine,
    get title() {
      reads.title = true;
      return model.title;
    },
    sectionLevel: model.sectionLevel,
    get sections() {
      reads.allSections = true;
      return model.sections;
    },
    sectionsById: new WatchedSections(model.sectionsById, reads),
    get blocks() {
      reads.whole = true;
      return model.blocks;
    },
    schemas: model.schemas,
  };
  unwatched.set(watched, model);
  return watched;
}

const unwatched = new WeakMap<DocumentModel, DocumentModel>();

/**
 * The model behind a watched one, for helpers that use the whole block list only as a lookup for
 * the lines they were given (sectionStatus.ts): those lines are what they read, and are recorded.
 */
export function unwatchedModel(model: DocumentModel): DocumentModel {
  return unwatched.get(model) ?? model;
}

class WatchedLineIndex extends LineIndex {
  constructor(
    base: LineIndex,
    private readonly reads: ModelReads,
  ) {
    super(base.text, base);
  }

  override get lineCount(): number {
    this.reads.lineCount = true;
    return super.lineCount;
  }

  override lineStart(line: number): number {
    this.reads.boundaryLines.push(line);
    return super.lineStart(line);
  }

  override lineEnd(line: number): number {
    this.reads.contentLines.push(line);
    return super.lineEnd(line);
  }
}

class WatchedSections extends Map<string, Section[]> {
  constructor(
    private readonly base: Map<string, Section[]>,
    private readonly reads: ModelReads,
  ) {
    super();
  }

  override get(id: string): Section[] | undefined {
    this.reads.sectionIds.add(id);
    return this.base.get(id);
  }

  override has(id: string): boolean {
    this.reads.sectionIds.add(id);
    return this.base.has(id);
  }

  override get size(): number {
    this.reads.allSections = true;
    return this.base.size;
  }

  override forEach(callback: (value: Section[], key: string, map: Map<string, Section[]>) => void): void {
    this.reads.allSections = true;
    this.base.forEach((value, key) => callback(value, key, this));
  }

  override entries(): MapIterator<[string, Section[]]> {
    this.reads.allSections = true;
    return this.base.entries();
  }

  override keys(): MapIterator<string> {
    this.reads.allSections = true;
    return this.base.keys();
  }

  override values(): MapIterator<Section[]> {
    this.reads.allSections = true;
    return this.base.values();
  }

  override [Symbol.iterator](): MapIterator<[string, Section[]]> {
    return this.entries();
  }

  override set(): this {
    throw new Error('a document model is read-only');
  }

  override delete(): boolean {
    throw new Error('a document model is read-only');
  }

  override clear(): void {
    throw new Error('a document model is read-only');
  }
}

/** Whether every line the rule read lies in the front matter, the title's line or a section it reached. */
export function readsStayInside(model: DocumentModel, reads: ModelReads): boolean {
  if (reads.whole) return false;
  const spans: [number, number][] = [[0, model.bodyStartLine]];
  if (reads.title && model.title) spans.push([model.title.line, model.title.line + 1]);
  const reached = reads.allSections
    ? model.sections
    : [...reads.sectionIds].flatMap((id) => model.sectionsById.get(id) ?? []);
  for (const section of reached) spans.push([section.startLine, section.endLine]);
  const merged = mergedSpans(spans);
  // A content line lies inside a span; a boundary may also be a span's end (the next line's start).
  for (const line of reads.contentLines) if (!inside(merged, line, 0)) return false;
  for (const line of reads.boundaryLines) if (!inside(merged, line, 1)) return false;
  return true;
}

function mergedSpans(spans: [number, number][]): [number, number][] {
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of spans) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else if (to > from) merged.push([from, to]);
  }
  return merged;
}

/** Whether the line lies in one of the sorted, disjoint spans [from, to + slack). */
function inside(spans: readonly [number, number][], line: number, slack: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [from, to] = spans[mid]!;
    if (line < from) high = mid - 1;
    else if (line >= to + slack) low = mid + 1;
    else return true;
  }
  return false;
}
