import { cellText, tablesOf, type DocumentModel } from '../model/documentModel';
import { nodeAtPath, nodeSpan } from '../model/frontMatter';
import type { Position, Range } from '../types';

/** A named thing in the document: a heading anchor, a tool or a metric, with where it is used. */
export interface SymbolIndex {
  definitions: Map<string, Range>;
  references: { key: string; range: Range }[];
}

const LINK = /\]\(#([^)\s]+)\)/g;

/**
 * Definitions: every heading (by its anchor slug), tool ids in the Tools table, metric ids in the
 * Operations metrics table. References: in-document anchor links, the Tool column of Failure
 * modes, alert metrics and rollback.trigger_metric.
 */
export function buildSymbolIndex(model: DocumentModel): SymbolIndex {
  const definitions = new Map<string, Range>();
  const references: SymbolIndex['references'] = [];
  for (const section of model.sections) {
    definitions.set(`anchor:${section.heading.slug}`, section.heading.range);
    for (const sub of section.subsections)
      if (!definitions.has(`anchor:${sub.heading.slug}`))
        definitions.set(`anchor:${sub.heading.slug}`, sub.heading.range);
  }
  if (model.title && !definitions.has(`anchor:${model.title.slug}`))
    definitions.set(`anchor:${model.title.slug}`, model.title.range);
  defineColumn(model, definitions, 'tools', 'tools', 'tool', 'tool');
  defineColumn(model, definitions, 'operations', 'metrics', 'metric', 'metric');
  for (let line = model.bodyStartLine; line < model.index.lineCount; line++) {
    const text = model.index.lineText(line);
    if (!text.includes('](#')) continue;
    for (const match of text.matchAll(LINK)) {
      const start = (match.index ?? 0) + 3;
      references.push({
        key: `anchor:${safeDecode(match[1] ?? '').toLowerCase()}`,
        range: { start: { line, character: start }, end: { line, character: start + (match[1]?.length ?? 0) } },
      });
    }
  }
  referenceColumn(model, references, 'failures', 'failures', 'tool', 'tool');
  referenceColumn(model, references, 'operations', 'alerts', 'metric', 'metric');
  const trigger = model.frontMatter?.document && nodeAtPath(model.frontMatter.document, ['rollback', 'trigger_metric']);
  const span = nodeSpan(trigger?.value);
  const value = (model.frontMatter?.data as { rollback?: { trigger_metric?: unknown } } | undefined)?.rollback
    ?.trigger_metric;
  if (span && typeof value === 'string' && model.frontMatter) {
    references.push({
      key: `metric:${value.trim().toLowerCase()}`,
      range: model.index.rangeOf(
        model.frontMatter.contentStart + span[0],
        model.frontMatter.contentStart + span[0] + value.length,
      ),
    });
  }
  return { definitions, references };
}

function defineColumn(
  model: DocumentModel,
  definitions: Map<string, Range>,
  sectionId: string,
  tableId: string,
  column: string,
  kind: string,
): void {
  for (const table of tablesOf(model, sectionId, tableId)) {
    for (const row of table.table.rows) {
      const at = table.columns.get(column);
      const cell = at === undefined ? undefined : row.cells[at];
      const id = cleanId(cell?.text ?? '');
      if (cell && id && !definitions.has(`${kind}:${id}`)) definitions.set(`${kind}:${id}`, cell.range);
    }
  }
}

function referenceColumn(
  model: DocumentModel,
  references: SymbolIndex['references'],
  sectionId: string,
  tableId: string,
  column: string,
  kind: string,
): void {
  for (const table of tablesOf(model, sectionId, tableId)) {
    for (const row of table.table.rows) {
      const at = table.columns.get(column);
      const cell = at === undefined ? undefined : row.cells[at];
      if (!cell || !cellText(table, row, column)) continue;
      // A cell may list several ids ("crm.read, crm.write"); each gets its own range.
      let offset = 0;
      for (const part of cell.text.split(',')) {
        const lead = part.length - part.trimStart().length;
        const id = cleanId(part);
        const start = cell.range.start.character + offset + lead;
        if (id)
          references.push({
            key: `${kind}:${id}`,
            range: {
              start: { line: cell.range.start.line, character: start },
              end: { line: cell.range.start.line, character: start + part.trim().length },
            },
          });
        offset += part.length + 1;
      }
    }
  }
}

export function cleanId(text: string): string {
  return text.replace(/`/g, '').trim().toLowerCase();
}

function contains(range: Range, position: Position): boolean {
  const afterStart =
    position.line > range.start.line ||
    (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd =
    position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** The symbol key under the cursor, whether it is a use or the definition itself. */
export function keyAt(index: SymbolIndex, position: Position): string | undefined {
  const reference = index.references.find((candidate) => contains(candidate.range, position));
  if (reference) return reference.key;
  for (const [key, range] of index.definitions) if (contains(range, position)) return key;
  return undefined;
}

export function definitionAt(index: SymbolIndex, position: Position): Range | undefined {
  const key = keyAt(index, position);
  return key ? index.definitions.get(key) : undefined;
}

export function referencesAt(index: SymbolIndex, position: Position, includeDeclaration: boolean): Range[] {
  const key = keyAt(index, position);
  if (!key) return [];
  const uses = index.references.filter((reference) => reference.key === key).map((reference) => reference.range);
  const definition = index.definitions.get(key);
  return includeDeclaration && definition ? [definition, ...uses] : uses;
}

/** A broken %-escape ("#100%-done") is kept as written rather than ending the request. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
