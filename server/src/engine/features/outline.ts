import type { DocumentModel } from '../model/documentModel';
import type { Range } from '../types';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: 'front-matter' | 'title' | 'section' | 'subsection';
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

export interface FoldingSpan {
  startLine: number;
  endLine: number;
}

/** Last non-blank line before `endLine`, so folds and symbols do not swallow trailing blank lines. */
function lastContentLine(model: DocumentModel, startLine: number, endLine: number): number {
  let line = Math.min(endLine, model.index.lineCount) - 1;
  while (line > startLine && model.index.lineText(line).trim() === '') line--;
  return line;
}

function spanRange(model: DocumentModel, startLine: number, endLine: number): Range {
  const last = lastContentLine(model, startLine, endLine);
  return {
    start: { line: startLine, character: 0 },
    end: { line: last, character: model.index.lineText(last).length },
  };
}

/** Outline and breadcrumbs: front matter, then sections with their subsections. */
export function documentOutline(model: DocumentModel): OutlineSymbol[] {
  const symbols: OutlineSymbol[] = [];
  const frontMatter = model.frontMatter;
  if (frontMatter) {
    const range = frontMatter.range;
    symbols.push({
      name: 'Front matter',
      detail: 'identity, owner, risk facts',
      kind: 'front-matter',
      range,
      selectionRange: model.index.lineRange(0),
      children: [],
    });
  }
  for (const section of model.sections) {
    const children = section.subsections.map((sub): OutlineSymbol => ({
      name: sub.heading.text || '(untitled)',
      detail: '',
      kind: 'subsection',
      range: spanRange(model, sub.startLine, sub.endLine),
      selectionRange: sub.heading.range,
      children: [],
    }));
    symbols.push({
      name: section.heading.text || '(untitled)',
      detail:
        section.spec && section.spec.title.toLowerCase() !== section.heading.text.toLowerCase()
          ? section.spec.title
          : '',
      kind: 'section',
      range: spanRange(model, section.startLine, section.endLine),
      selectionRange: section.heading.range,
      children,
    });
  }
  return symbols;
}

export function foldingSpans(model: DocumentModel): FoldingSpan[] {
  const spans: FoldingSpan[] = [];
  if (model.frontMatter && model.frontMatter.closingLine > 0 && model.frontMatter.closingLine < model.index.lineCount) {
    spans.push({ startLine: 0, endLine: model.frontMatter.closingLine });
  }
  for (const section of model.sections) {
    const end = lastContentLine(model, section.startLine, section.endLine);
    if (end > section.startLine) spans.push({ startLine: section.startLine, endLine: end });
    for (const sub of section.subsections) {
      const subEnd = lastContentLine(model, sub.startLine, sub.endLine);
      if (subEnd > sub.startLine) spans.push({ startLine: sub.startLine, endLine: subEnd });
    }
  }
  return spans;
}
