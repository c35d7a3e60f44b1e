import { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';
import type { ColumnSpec, SchemaSet, SectionSpec, TableSpec } from '../schemaData/types';
import { BoundedCache } from '../boundedCache';
import { flatCopy, slugify, type Block } from './blocks';
import { parseBlocksIncrementally } from './chunkedBlocks';
import { parseFrontMatter, type FrontMatter } from './frontMatter';
import { readTable, type MarkdownTable, type TableRow } from './tables';

export interface Heading {
  level: number;
  text: string;
  line: number;
  /** The heading line's content, trimmed. */
  range: Range;
  slug: string;
}

export interface Subsection {
  heading: Heading;
  startLine: number;
  endLine: number;
  blocks: Block[];
}

export interface BoundTable {
  spec: TableSpec | undefined;
  table: MarkdownTable;
  /** Column id → index of the header cell that holds it. */
  columns: Map<string, number>;
  missingColumns: ColumnSpec[];
}

export interface Section {
  spec: SectionSpec | undefined;
  heading: Heading;
  /** The heading line. */
  startLine: number;
  /** First line after the section (the next section's heading, or the line count). */
  endLine: number;
  blocks: Block[];
  subsections: Subsection[];
  tables: BoundTable[];
}

export interface DocumentModel {
  text: string;
  index: LineIndex;
  frontMatter: FrontMatter | undefined;
  /** First line after the front matter. */
  bodyStartLine: number;
  title: Heading | undefined;
  /** Heading level the document uses for sections (2 unless it uses another). */
  sectionLevel: number;
  sections: Section[];
  /** Catalogue section id → the sections that carry it, in document order. */
  sectionsById: Map<string, Section[]>;
  /** The body's top-level blocks in order: inserted text must not land inside a code or HTML block. */
  blocks: Block[];
  schemas: SchemaSet;
}

export function buildModel(text: string, schemas: SchemaSet, maxYamlDepth?: number): DocumentModel {
  const index = new LineIndex(text);
  const frontMatter = parseFrontMatter(index, maxYamlDepth);
  const bodyStartLine = frontMatter ? Math.min(frontMatter.closingLine + 1, index.lineCount) : 0;
  const bodyText = bodyStartLine < index.lineCount ? text.slice(index.lineStart(bodyStartLine)) : '';
  const blocks = parseBlocksIncrementally(bodyText, bodyStartLine);
  const matcher = matcherFor(schemas.sections.sections);
  const headings = blocks.flatMap((block) => (block.kind === 'heading' ? [toHeading(index, block)] : []));
  const sectionLevel = chooseSectionLevel(headings, matcher);
  const title = headings.find((heading) => heading.level < sectionLevel);
  const sections = sectionize(index, blocks, sectionLevel, matcher);
  const sectionsById = new Map<string, Section[]>();
  for (const section of sections) {
    if (!section.spec) continue;
    const list = sectionsById.get(section.spec.id) ?? [];
    list.push(section);
    sectionsById.set(section.spec.id, list);
  }
  return { text, index, frontMatter, bodyStartLine, title, sectionLevel, sections, sectionsById, blocks, schemas };
}

/*
 * What the model derives from one block is kept by the block's identity. chunkedBlocks.ts hands
 * out the same block object only for the same piece text at the same document line, so the lines
 * a heading or table is read from are the same text: the derived value is the same too. (Line
 * breaks may differ, \r\n against \n, but no derived value looks at them.) Nothing derived is
 * mutated after it is built.
 */
const headings = new WeakMap<Block, Heading>();
const tables = new WeakMap<Block, MarkdownTable>();
const boundTables = new WeakMap<MarkdownTable, { specs: readonly TableSpec[]; bound: BoundTable }>();
const NO_TABLE_SPECS: readonly TableSpec[] = [];

function toHeading(index: LineIndex, block: Extract<Block, { kind: 'heading' }>): Heading {
  let heading = headings.get(block);
  if (!heading) {
    heading = {
      level: block.level,
      text: block.text,
      line: block.startLine,
      range: index.trimmedLineRange(block.startLine),
      slug: slugify(block.text),
    };
    headings.set(block, heading);
  }
  return heading;
}

function tableOf(index: LineIndex, block: Block): MarkdownTable {
  let table = tables.get(block);
  if (!table) {
    table = readTable(index, block.startLine, block.endLine);
    tables.set(block, table);
  }
  return table;
}

function boundTable(table: MarkdownTable, specs: readonly TableSpec[]): BoundTable {
  const known = boundTables.get(table);
  if (known?.specs === specs) return known.bound;
  const bound = bindTable(table, specs);
  boundTables.set(table, { specs, bound });
  return bound;
}

/** Matches heading text to catalogue sections by title or alias, ignoring case and punctuation. */
export class SectionMatcher {
  private readonly byName = new Map<string, SectionSpec>();

  constructor(specs: readonly SectionSpec[]) {
    for (const spec of specs) {
      for (const name of [spec.title, ...(spec.aliases ?? [])]) this.byName.set(normalizeName(name), spec);
    }
  }

  match(headingText: string): SectionSpec | undefined {
    return this.byName.get(normalizeName(headingText));
  }
}

/** One matcher per catalogue: a model is built per keystroke, the catalogue rarely changes. */
const matchers = new WeakMap<readonly SectionSpec[], SectionMatcher>();

function matcherFor(specs: readonly SectionSpec[]): SectionMatcher {
  let matcher = matchers.get(specs);
  if (!matcher) {
    matcher = new SectionMatcher(specs);
    matchers.set(specs, matcher);
  }
  return matcher;
}

export function normalizeName(name: string): string {
  let normalized = normalizedNames.get(name);
  if (normalized === undefined) {
    normalized = name
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    // Heading texts repeat from one keystroke to the next; the Unicode-aware regex is the cost.
    // The key is copied so it does not keep the parsed piece it was cut from alive.
    normalizedNames.set(flatCopy(name), normalized);
  }
  return normalized;
}

const normalizedNames = new BoundedCache<string, string>(
  4_000,
  400_000,
  (name, normalized) => name.length + normalized.length,
);

function chooseSectionLevel(headings: Heading[], matcher: SectionMatcher): number {
  const counts = new Map<number, number>();
  for (const heading of headings) {
    if (matcher.match(heading.text)) counts.set(heading.level, (counts.get(heading.level) ?? 0) + 1);
  }
  let best = 2;
  let bestCount = 0;
  for (const [level, count] of counts) {
    if (count > bestCount || (count === bestCount && level < best)) {
      best = level;
      bestCount = count;
    }
  }
  return best;
}

function sectionize(index: LineIndex, blocks: Block[], level: number, matcher: SectionMatcher): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const block of blocks) {
    if (block.kind === 'heading' && block.level <= level) {
      if (current) current.endLine = block.startLine;
      current = undefined;
      if (block.level === level) {
        const heading = toHeading(index, block);
        current = {
          spec: matcher.match(heading.text),
          heading,
          startLine: block.startLine,
          endLine: index.lineCount,
          blocks: [],
          subsections: [],
          tables: [],
        };
        sections.push(current);
      }
      continue;
    }
    current?.blocks.push(block);
  }
  for (const section of sections) finishSection(index, section, level);
  return sections;
}

function finishSection(index: LineIndex, section: Section, level: number): void {
  let sub: Subsection | undefined;
  for (const block of section.blocks) {
    if (block.kind === 'heading' && block.level === level + 1) {
      if (sub) sub.endLine = block.startLine;
      sub = { heading: toHeading(index, block), startLine: block.startLine, endLine: section.endLine, blocks: [] };
      section.subsections.push(sub);
    } else {
      sub?.blocks.push(block);
    }
    if (block.kind === 'table')
      section.tables.push(boundTable(tableOf(index, block), section.spec?.tables ?? NO_TABLE_SPECS));
  }
}

function columnNames(column: ColumnSpec): string[] {
  return [column.title, ...(column.aliases ?? [])].map(normalizeName);
}

/** Binds a Markdown table to the catalogue table whose columns its header matches best. */
function bindTable(table: MarkdownTable, specs: readonly TableSpec[]): BoundTable {
  const header = table.header.cells.map((cell) => normalizeName(cell.text));
  let best: BoundTable = { spec: undefined, table, columns: new Map(), missingColumns: [] };
  let bestScore = 0;
  for (const spec of specs) {
    const columns = new Map<string, number>();
    for (const column of spec.columns) {
      const names = columnNames(column);
      const at = header.findIndex((name) => names.includes(name));
      if (at >= 0) columns.set(column.id, at);
    }
    // The first column is the table's key (Tool, ID, Metric...): it counts double.
    const keyMatched = spec.columns[0] && columns.has(spec.columns[0].id) ? 1 : 0;
    const score = columns.size + keyMatched;
    if (score > bestScore) {
      bestScore = score;
      best = {
        spec,
        table,
        columns,
        missingColumns: spec.columns.filter((column) => column.required && !columns.has(column.id)),
      };
    }
  }
  return best;
}

export function cellText(table: BoundTable, row: TableRow, columnId: string): string | undefined {
  const at = table.columns.get(columnId);
  return at === undefined ? undefined : row.cells[at]?.text;
}

/** The bound tables of a catalogue table across every occurrence of its section. */
export function tablesOf(model: DocumentModel, sectionId: string, tableId: string): BoundTable[] {
  return (model.sectionsById.get(sectionId) ?? []).flatMap((section) =>
    section.tables.filter((table) => table.spec?.id === tableId),
  );
}
