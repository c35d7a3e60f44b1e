import { msg } from '../l10n';
import { registryFacts, type RegistryFacts } from '../evaluation/registry';
import { nodeAtPath, nodeSpan } from '../model/frontMatter';
import { cellText, tablesOf, type BoundTable, type DocumentModel, type Section } from '../model/documentModel';
import type { TableRow } from '../model/tables';
import { isPlaceholderValue } from '../model/values';
import type { Due, Level, Range, TextInsertion } from '../types';
import { frontMatterInsertionAnchor, sectionAnchorOrInsertion } from '../model/anchors';
import { documentAnchor, type RuleContext } from './rule';

export interface CellRef {
  text: string;
  range: Range;
}

/** One table row with its binding, so a rule can read a column and range its cell in one step. */
export interface RowRef {
  table: BoundTable;
  row: TableRow;
  text(columnId: string): string;
  cell(columnId: string): CellRef | undefined;
  /** The row's first cell, where row-level findings point when the column is absent. */
  anchor: Range;
}

export function rowsOf(model: DocumentModel, sectionId: string, tableId: string): RowRef[] {
  return tablesOf(model, sectionId, tableId).flatMap((table) =>
    table.table.rows.map((row): RowRef => ({
      table,
      row,
      text: (columnId) => (cellText(table, row, columnId) ?? '').trim(),
      cell: (columnId) => {
        const at = table.columns.get(columnId);
        return at === undefined ? undefined : row.cells[at];
      },
      anchor: row.cells[0]?.range ?? model.index.trimmedLineRange(row.line),
    })),
  );
}

/** Ids are written with or without `code` marks and in any case; compare them without either. */
export function plainId(text: string): string {
  return text.replace(/`/g, '').trim().toLowerCase();
}

/** Comma-, semicolon- or slash-separated ids in one cell ("get_invoice, match_po"). */
export function idList(text: string): string[] {
  return text
    .split(/[,;/]|\band\b/)
    .map(plainId)
    .filter((id) => id !== '' && !isNonValue(id));
}

/** A cell or value that is present but says nothing: "-", "none", "n/a", "TBD". */
export function isNonValue(text: string): boolean {
  const plain = text.replace(/`/g, '').trim();
  // "none" is a fine answer for an enum (financial_impact) but says nothing where a route, a hold
  // time or a detection signal is due.
  return isPlaceholderValue(plain) || /^none$/i.test(plain);
}

export function fm(context: RuleContext, path: string): unknown {
  return context.facts.get(`fm.${path}`);
}

/** A front-matter scalar as text (numbers and booleans too), or undefined when absent. */
export function fmText(context: RuleContext, path: string): string | undefined {
  const value = fm(context, path);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * The range of a front-matter value (or its key when `part` is key); walks up to the nearest
 * existing parent key, so a finding about a missing child points at the block it belongs in.
 */
export function fmRange(
  model: DocumentModel,
  dottedPath: string | readonly (string | number)[],
  part: 'key' | 'value' = 'value',
): Range {
  const frontMatter = model.frontMatter;
  if (!frontMatter?.document) return documentAnchor(model);
  // A list item is addressed by its index: ['owner_history', 0, 'to'].
  const path = typeof dottedPath === 'string' ? dottedPath.split('.') : dottedPath;
  for (let depth = path.length; depth > 0; depth--) {
    const node = nodeAtPath(frontMatter.document, path.slice(0, depth));
    const span = nodeSpan(depth === path.length && part === 'value' ? (node?.value ?? node?.key) : node?.key);
    if (span) {
      // A block value's span runs to the end of its last line: trim it to the first line.
      const start = model.index.positionAt(frontMatter.contentStart + span[0]);
      const end = model.index.positionAt(frontMatter.contentStart + span[1]);
      if (end.line > start.line) {
        const line = model.index.trimmedLineRange(start.line);
        return { start, end: line.end };
      }
      return { start, end };
    }
  }
  return frontMatterInsertionAnchor(model);
}

export function firstSection(model: DocumentModel, sectionId: string): Section | undefined {
  return model.sectionsById.get(sectionId)?.[0];
}

export function sectionAnchor(model: DocumentModel, sectionId: string): Range {
  return sectionAnchorOrInsertion(model, sectionId);
}

/** Severity for a check that applies from a stage; undefined means it does not concern this document. */
export function severityFrom(context: RuleContext, stageId: string): Due | undefined {
  return context.ladder.due(stageId, context.stage);
}

/**
 * A finding that always draws attention (never below a warning) but still blocks only from its
 * stage on; without a stage (a section outside the catalogue) a plain warning.
 */
export function atLeastWarning(due: Due | undefined): Level {
  if (!due) return 'warning';
  return due.severity === 'error' ? due : { severity: 'warning', stage: due.stage };
}

/** Severity of a check that belongs to a catalogue section, by the stage the section is required from. */
export function sectionSeverity(context: RuleContext, sectionId: string): Due | undefined {
  const spec = context.model.schemas.sections.sections.find((section) => section.id === sectionId);
  return spec ? severityFrom(context, spec.requiredFrom) : undefined;
}

/** Whether a gate item applies and is open, so it already reports what a rule would repeat. */
export function gateReports(context: RuleContext, itemId: string): boolean {
  return context.readiness.items.some(
    (result) => result.item.id === itemId && result.status !== 'met' && result.status !== 'waived',
  );
}

/** The stage a gate item belongs to, for rules that follow the gate's timing. */
export function gateStage(context: RuleContext, itemId: string): string | undefined {
  return context.model.schemas.gates.gates.find((gate) => gate.items.some((item) => item.id === itemId))?.stage;
}

/** Inserts lines after the last non-blank line of a section: a pure insertion, also at the end of the file. */
export function appendToSection(model: DocumentModel, section: Section, lines: string[]): TextInsertion {
  const eol = model.index.eol;
  let last = section.endLine - 1;
  while (last > section.startLine && model.index.lineText(last).trim() === '') last--;
  return { position: { line: last, character: model.index.lineText(last).length }, text: eol + eol + lines.join(eol) };
}

/** Inserts a row after a table's last line, with one cell per header column. */
export function appendRow(model: DocumentModel, table: BoundTable, values: Map<string, string>): TextInsertion {
  const lastLine = table.table.rows[table.table.rows.length - 1]?.line ?? table.table.startLine + 1;
  const cells = table.table.header.cells.map((_cell, index) => {
    for (const [columnId, at] of table.columns) if (at === index) return values.get(columnId) ?? 'TODO';
    return 'TODO';
  });
  return {
    position: { line: lastLine, character: model.index.lineText(lastLine).length },
    text: `${model.index.eol}| ${cells.join(' | ')} |`,
  };
}

/** The first percentage in a text: "≥ 95% correct" → 95. */
export function firstPercent(text: string): number | undefined {
  const match = /(\d+(?:[.,]\d+)?)\s*%/.exec(text);
  return match?.[1] ? Number(match[1].replace(',', '.')) : undefined;
}

export function quote(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 59)}…` : text}"`;
}

/** "a, b and c" */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return msg('support.listAnd', '{items} and {last}', {
    items: items.slice(0, -1).join(', '),
    last: items[items.length - 1],
  });
}

const registryCache = new WeakMap<RuleContext['facts'], RegistryFacts>();

/** The registry entry the analysis result carries too (evaluation/registry.ts), once per document. */
export function registryOf(context: RuleContext): RegistryFacts {
  let registry = registryCache.get(context.facts);
  if (!registry) {
    registry = registryFacts(context.facts.frontMatter, context.model.schemas.policy, context.today);
    registryCache.set(context.facts, registry);
  }
  return registry;
}

/** The stage from which the registry entry must be complete: when the review cadence is due. */
export function registryStage(context: RuleContext): string {
  return gateStage(context, 'review-cadence') ?? 'production';
}
