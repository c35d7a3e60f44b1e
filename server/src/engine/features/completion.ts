import type { DocumentModel } from '../model/documentModel';
import type { Position, Range } from '../types';
import { buildSymbolIndex } from './references';
import { documentedServers } from '../rules/toolFacts';

export interface CompletionOption {
  label: string;
  kind: 'section' | 'key' | 'value' | 'id';
  detail?: string;
  documentation?: string;
  insertText: string;
  range: Range;
  sortText: string;
  /** What the client matches the typed text against, when it is not the inserted text. */
  filterText?: string;
  /** A section the document already has: accepting the item goes there instead of inserting a duplicate. */
  goTo?: Range;
}

/** Completion for section headings, front-matter keys and values, and ids where an id is expected. */
export function completionsAt(model: DocumentModel, position: Position): CompletionOption[] {
  const line = model.index.lineText(position.line);
  const before = line.slice(0, position.character);
  const frontMatter = model.frontMatter;
  if (frontMatter && position.line > 0 && position.line < frontMatter.closingLine)
    return frontMatterCompletions(model, position, before);
  const heading = /^(#{1,6})\s*([^#]*)$/.exec(before);
  if (heading) return sectionCompletions(model, position, heading[1]?.length ?? 2);
  const anchor = /\]\(#([^)\s]*)$/.exec(before);
  if (anchor) return idCompletions(model, 'anchor:', position, anchor[1]?.length ?? 0);
  const cellColumn = tableColumnAt(model, position);
  if (cellColumn === 'failures.tool') return idCompletions(model, 'tool:', position, currentWord(before).length);
  if (cellColumn === 'alerts.metric') return idCompletions(model, 'metric:', position, currentWord(before).length);
  if (cellColumn === 'tools.server')
    return valueCompletions(
      position,
      currentWord(before).length,
      documentedServers(model).map((server) => server.id),
      'MCP server',
    );
  if (cellColumn === 'tools.exposure')
    return valueCompletions(position, currentWord(before).length, EXPOSURES, 'exposure');
  if (cellColumn) return cellValueCompletions(model, cellColumn, position, currentWord(before).length);
  return [];
}

const EXPOSURES = ['untrusted-content', 'private-data', 'outbound', 'sends-messages', 'spends-money', 'none'];

/** The values a table column's row schema allows (Access, Approval, Kind, Transport…). */
function cellValueCompletions(
  model: DocumentModel,
  cellColumn: string,
  position: Position,
  typed: number,
): CompletionOption[] {
  const [tableId, columnId] = cellColumn.split('.');
  const table = model.schemas.sections.sections
    .flatMap((section) => section.tables ?? [])
    .find((spec) => spec.id === tableId);
  const properties = table?.rowSchema?.['properties'] as Record<string, { enum?: unknown[] }> | undefined;
  const values = properties?.[columnId ?? '']?.enum;
  return Array.isArray(values) ? valueCompletions(position, typed, values.map(String), table?.title ?? '') : [];
}

function valueCompletions(
  position: Position,
  typed: number,
  values: readonly string[],
  detail: string,
): CompletionOption[] {
  const range = { start: { line: position.line, character: position.character - typed }, end: position };
  return values.map((value, order) => ({
    label: value,
    kind: 'value' as const,
    insertText: value,
    range,
    sortText: String(order).padStart(3, '0'),
    detail,
  }));
}

function currentWord(before: string): string {
  return /[\w.:-]*$/.exec(before)?.[0] ?? '';
}

function sectionCompletions(model: DocumentModel, position: Position, level: number): CompletionOption[] {
  const range = { start: { line: position.line, character: 0 }, end: position };
  const eol = model.index.eol;
  const hashes = '#'.repeat(level >= 2 ? level : model.sectionLevel);
  return model.schemas.sections.sections.map((spec, order) => {
    const present = model.sectionsById.get(spec.id)?.[0];
    const common = {
      kind: 'section' as const,
      documentation: spec.guidance.why,
      range,
      filterText: `${hashes} ${spec.title}`,
      // Missing sections first, each group in canonical order.
      sortText: `${present ? 1 : 0}-${String(order).padStart(2, '0')}`,
    };
    // Never a duplicate: a section that is there is offered as a way to it, and the typed heading goes.
    if (present)
      return {
        ...common,
        label: `${spec.title} (go to line ${present.heading.range.start.line + 1})`,
        detail: 'already in this document',
        insertText: '',
        goTo: present.heading.range,
      };
    return {
      ...common,
      label: spec.title,
      detail: `missing · required from ${spec.requiredFrom}`,
      insertText: `${hashes} ${spec.title}${eol}${eol}${spec.template.replace(/\n/g, eol)}`,
    };
  });
}

function frontMatterCompletions(model: DocumentModel, position: Position, before: string): CompletionOption[] {
  const listValues = listValueCompletions(model, position, before);
  if (listValues) return listValues;
  const valueMatch = /^(\s*)([A-Za-z_][\w-]*):\s*(\S*)$/.exec(before);
  const indent = /^\s*/.exec(before)?.[0].length ?? 0;
  const parents = parentPath(model, position.line, indent);
  if (valueMatch) {
    const path = [...parents, valueMatch[2] ?? ''];
    const typed = valueMatch[3] ?? '';
    const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
    if (path.join('.') === 'rollback.trigger_metric') return idCompletions(model, 'metric:', position, typed.length);
    const schema = schemaAt(model.schemas.frontMatter, path);
    const values = (schema?.['enum'] as unknown[] | undefined) ?? (schema?.['type'] === 'boolean' ? [true, false] : []);
    return values.map((value, order) => ({
      label: String(value),
      kind: 'value' as const,
      insertText: String(value),
      range,
      sortText: String(order).padStart(3, '0'),
      ...(typeof schema?.['description'] === 'string' ? { documentation: schema['description'] } : {}),
    }));
  }
  if (!/^\s*[\w-]*$/.test(before)) return [];
  const typed = before.trim();
  const parent = schemaAt(model.schemas.frontMatter, parents);
  const properties = (parent?.['properties'] as Record<string, Record<string, unknown>> | undefined) ?? {};
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const existing = new Set(siblingKeys(model, position.line, indent));
  return Object.entries(properties)
    .filter(([key]) => !existing.has(key))
    .map(([key, child], order) => ({
      label: key,
      kind: 'key' as const,
      insertText: child['type'] === 'object' ? `${key}:` : `${key}: `,
      range,
      sortText: String(order).padStart(3, '0'),
      ...(typeof child['description'] === 'string' ? { documentation: child['description'] } : {}),
      ...(parents.length ? { detail: parents.join('.') } : {}),
    }));
}

function schemaAt(schema: Record<string, unknown>, path: readonly string[]): Record<string, unknown> | undefined {
  let current: Record<string, unknown> | undefined = schema;
  for (const key of path)
    current = (current?.['properties'] as Record<string, Record<string, unknown>> | undefined)?.[key];
  return current;
}

/** Keys of the mappings that enclose a line, found by indentation (block YAML as people write it). */
function parentPath(model: DocumentModel, line: number, indent: number): string[] {
  const path: string[] = [];
  let limit = indent;
  for (let at = line - 1; at > 0 && limit > 0; at--) {
    const match = /^(\s*)([A-Za-z_][\w-]*):\s*$/.exec(model.index.lineText(at));
    const lineIndent = /^\s*/.exec(model.index.lineText(at))?.[0].length ?? 0;
    if (model.index.lineText(at).trim() === '' || lineIndent >= limit) continue;
    if (!match) break;
    path.unshift(match[2] ?? '');
    limit = lineIndent;
  }
  return path;
}

function siblingKeys(model: DocumentModel, line: number, indent: number): string[] {
  const keys: string[] = [];
  const closing = model.frontMatter?.closingLine ?? 0;
  for (const step of [-1, 1]) {
    for (let at = line + step; at > 0 && at < closing; at += step) {
      const text = model.index.lineText(at);
      const lineIndent = /^\s*/.exec(text)?.[0].length ?? 0;
      if (text.trim() === '') continue;
      if (lineIndent < indent) break;
      const match = /^\s*([A-Za-z_][\w-]*):/.exec(text);
      if (lineIndent === indent && match?.[1]) keys.push(match[1]);
    }
  }
  return keys;
}

function idCompletions(
  model: DocumentModel,
  prefix: string,
  position: Position,
  typedLength: number,
): CompletionOption[] {
  const index = buildSymbolIndex(model);
  const range = { start: { line: position.line, character: position.character - typedLength }, end: position };
  return [...index.definitions.keys()]
    .filter((key) => key.startsWith(prefix))
    .map((key, order) => ({
      label: key.slice(prefix.length),
      kind: 'id' as const,
      insertText: key.slice(prefix.length),
      range,
      sortText: String(order).padStart(4, '0'),
      detail: prefix === 'anchor:' ? 'heading anchor' : prefix.slice(0, -1),
    }));
}

/** "failures.tool" when the cursor is in the Tool column of a Failure modes row, and so on. */
function tableColumnAt(model: DocumentModel, position: Position): string | undefined {
  for (const section of model.sections) {
    if (position.line < section.startLine || position.line >= section.endLine) continue;
    for (const table of section.tables) {
      if (!table.spec || position.line < table.table.startLine + 2 || position.line >= table.table.endLine) continue;
      const pipesBefore = (
        model.index
          .lineText(position.line)
          .slice(0, position.character)
          .match(/(?<!\\)\|/g) ?? []
      ).length;
      const leading = model.index.lineText(position.line).trimStart().startsWith('|') ? 1 : 0;
      const cellIndex = pipesBefore - leading;
      for (const [columnId, at] of table.columns) if (at === cellIndex) return `${table.spec.id}.${columnId}`;
    }
  }
  return undefined;
}

/**
 * Values of a list from the schema's item enum: inside a flow list (`data_categories: [email, |`)
 * or after a dash under the list's key (`responsibilities:` then `  - |`). Values already in the
 * list are not offered again.
 */
function listValueCompletions(
  model: DocumentModel,
  position: Position,
  before: string,
): CompletionOption[] | undefined {
  const indent = /^\s*/.exec(before)?.[0].length ?? 0;
  const flow = /^(\s*)([A-Za-z_][\w-]*):\s*\[([^\]]*)$/.exec(before);
  const dash = flow ? undefined : /^(\s*)-\s*([\w-]*)$/.exec(before);
  if (!flow && !dash) return undefined;
  let path: string[];
  let listed: string[];
  let typed: string;
  if (flow) {
    path = [...parentPath(model, position.line, indent), flow[2] ?? ''];
    const items = (flow[3] ?? '').split(',');
    typed = (items.pop() ?? '').trimStart();
    listed = items.map((item) => item.trim());
  } else {
    const owner = listOwner(model, position.line, indent);
    if (!owner) return undefined;
    path = [...parentPath(model, owner.line, owner.indent), owner.key];
    typed = dash?.[2] ?? '';
    listed = owner.items;
  }
  const schema = schemaAt(model.schemas.frontMatter, path);
  const values = (schema?.['items'] as { enum?: unknown[] } | undefined)?.enum;
  if (!Array.isArray(values)) return flow ? [] : undefined;
  return valueCompletions(
    position,
    typed.length,
    values.map(String).filter((value) => !listed.includes(value)),
    path.join('.'),
  );
}

/** The key a block list item belongs to: the nearest line above, less indented, that is `key:`. */
function listOwner(
  model: DocumentModel,
  line: number,
  indent: number,
): { key: string; line: number; indent: number; items: string[] } | undefined {
  const items: string[] = [];
  for (let at = line - 1; at > 0; at--) {
    const text = model.index.lineText(at);
    if (text.trim() === '') continue;
    const item = /^(\s*)-\s*(.*?)\s*$/.exec(text);
    if (item && (item[1]?.length ?? 0) === indent) {
      items.push(item[2] ?? '');
      continue;
    }
    const key = /^(\s*)([A-Za-z_][\w-]*):\s*$/.exec(text);
    const keyIndent = key?.[1]?.length ?? 0;
    return key && keyIndent <= indent ? { key: key[2] ?? '', line: at, indent: keyIndent, items } : undefined;
  }
  return undefined;
}
