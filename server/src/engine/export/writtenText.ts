import { looksLikePlaceholder } from '../model/values';

/** What is left of some Markdown once comments and template text are taken out. */
export interface WrittenText {
  /** The lines the writer wrote, trimmed; empty when nothing is left. */
  text: string;
  /** How many lines of template text (TODO, TBD, …) were left out. */
  omitted: number;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{1,6})\s/;
const TABLE_LINE = /^\s*\|/;
const DELIMITER = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

/**
 * The writer's own text in some Markdown, for an export that quotes the document: HTML comments
 * (guidance, "Required from shadow on") are not the document's content, and neither are lines that
 * still hold template text. A table left with no written row, a code block left empty and a
 * heading left with nothing under it go too, so template scaffolding never reads as documentation.
 * `ownNames` (model/placeholders.ts): the agent's own name and id are not template text.
 */
export function writtenText(lines: readonly string[], ownNames: readonly RegExp[] = []): WrittenText {
  let omitted = 0;
  const kept: string[] = [];
  let fence: string | undefined;
  let inComment = false;
  for (const raw of lines) {
    const opening = FENCE.exec(raw)?.[1];
    if (fence !== undefined) {
      if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
      if (looksLikePlaceholder(raw, ownNames)) omitted++;
      else kept.push(raw);
      continue;
    }
    let text = raw;
    if (inComment) {
      const end = text.indexOf('-->');
      if (end < 0) continue;
      inComment = false;
      text = text.slice(end + 3);
    }
    text = text.replace(/<!--[\s\S]*?-->/g, '');
    const start = text.indexOf('<!--');
    if (start >= 0) {
      inComment = true;
      text = text.slice(0, start);
    }
    if (text.trim() === '' && raw.trim() !== '') continue;
    if (opening) fence = opening;
    if (looksLikePlaceholder(text, ownNames)) omitted++;
    else kept.push(text.trimEnd());
  }
  return { text: tidy(kept).join('\n').trim(), omitted };
}

/** Drops what template removal left hollow: bare table headers, empty code blocks, empty headings. */
function tidy(lines: string[]): string[] {
  let out = withoutHeaderOnlyTables(lines);
  out = withoutEmptyFences(out);
  // A heading emptied by removing the one under it is empty too: repeat until nothing changes.
  for (let before = -1; before !== out.length;) {
    before = out.length;
    out = withoutEmptyHeadings(out);
  }
  return withoutRepeatedBlanks(out);
}

/** Which lines are inside a fenced code block (the fence lines included). */
function fencedLines(lines: readonly string[]): boolean[] {
  let fence: string | undefined;
  return lines.map((line) => {
    const opening = FENCE.exec(line)?.[1];
    if (fence === undefined) {
      if (opening) fence = opening;
      return fence !== undefined;
    }
    if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
    return true;
  });
}

function withoutHeaderOnlyTables(lines: string[]): string[] {
  const fenced = fencedLines(lines);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    const after = lines[i + 2];
    const headerOnly =
      !fenced[i] &&
      TABLE_LINE.test(line) &&
      next !== undefined &&
      DELIMITER.test(next) &&
      !(after && TABLE_LINE.test(after));
    // The header of a table whose rows were all template text (a delimiter line holds no rows).
    if (headerOnly && (i === 0 || !TABLE_LINE.test(lines[i - 1]!))) {
      i++;
      continue;
    }
    out.push(line);
  }
  return out;
}

function withoutEmptyFences(lines: string[]): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const opening = FENCE.exec(lines[i]!)?.[1];
    if (fence === undefined && opening) {
      const next = FENCE.exec(lines[i + 1] ?? '')?.[1];
      if (next && next[0] === opening[0] && next.length >= opening.length) {
        i++;
        continue;
      }
      fence = opening;
    } else if (fence !== undefined && opening && opening[0] === fence[0] && opening.length >= fence.length)
      fence = undefined;
    out.push(lines[i]!);
  }
  return out;
}

function withoutEmptyHeadings(lines: string[]): string[] {
  const fenced = fencedLines(lines);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const level = fenced[i] ? undefined : HEADING.exec(lines[i]!)?.[1]?.length;
    if (level !== undefined) {
      let next = i + 1;
      while (next < lines.length && lines[next]!.trim() === '') next++;
      const nextLevel = next >= lines.length ? 0 : fenced[next] ? undefined : HEADING.exec(lines[next]!)?.[1]?.length;
      // Nothing under it before a heading of the same or a higher level, or the end.
      if (nextLevel !== undefined && nextLevel <= level) continue;
    }
    out.push(lines[i]!);
  }
  return out;
}

/** Where removals left blank lines next to each other, one is enough (code blocks keep theirs). */
function withoutRepeatedBlanks(lines: string[]): string[] {
  const fenced = fencedLines(lines);
  return lines.filter(
    (line, index) => fenced[index] || line.trim() !== '' || (index > 0 && lines[index - 1]!.trim() !== ''),
  );
}
