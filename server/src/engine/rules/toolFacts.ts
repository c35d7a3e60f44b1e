import { tablesOf, type BoundTable, type DocumentModel } from '../model/documentModel';
import { placeholderIn } from '../model/placeholders';
import { looksLikePlaceholder } from '../model/values';
import { isNonValue, plainId, rowsOf, type RowRef } from './support';

/** The exposure facts a tool row can carry (Exposure column), for injection and limits checks. */
export type Exposure = 'untrusted-content' | 'private-data' | 'outbound' | 'sends-messages' | 'spends-money';

/** A row of the Tools table read as permission facts. */
export interface DocumentedTool {
  id: string;
  row: RowRef;
  kind: string;
  server: string;
  access: string;
  approval: string;
  exposure: Set<Exposure>;
  /** The row is a template still being filled in (TODO in it): AD102 speaks for it. */
  template: boolean;
}

/** A row of the MCP servers table. */
export interface DocumentedServer {
  id: string;
  row: RowRef;
  version: string;
  transport: string;
  auth: string;
  scopes: string;
}

const EXPOSURES: readonly Exposure[] = [
  'untrusted-content',
  'private-data',
  'outbound',
  'sends-messages',
  'spends-money',
];

/*
 * Six rules read the same rows: they are built once per table (a hostile 50,000-row table stays
 * cheap), keyed by the bound tables, which the model hands out again only for the same text at the
 * same lines — so each rule's own view of the model (rules/ruleResultCache.ts) and the next
 * keystroke outside the table share them too. Each rule still asks for the tables itself, so what
 * it read is recorded.
 */
const toolCache = new WeakMap<BoundTable, { tables: BoundTable[]; rows: DocumentedTool[] }>();
const serverCache = new WeakMap<BoundTable, { tables: BoundTable[]; rows: DocumentedServer[] }>();

export function documentedTools(model: DocumentModel): DocumentedTool[] {
  return perTables(tablesOf(model, 'tools', 'tools'), toolCache, () => readTools(model));
}

export function documentedServers(model: DocumentModel): DocumentedServer[] {
  return perTables(tablesOf(model, 'tools', 'servers'), serverCache, () => readServers(model));
}

function perTables<T>(
  tables: BoundTable[],
  cache: WeakMap<BoundTable, { tables: BoundTable[]; rows: T[] }>,
  read: () => T[],
): T[] {
  const first = tables[0];
  if (!first) return [];
  const known = cache.get(first);
  if (known && known.tables.length === tables.length && known.tables.every((table, at) => table === tables[at]))
    return known.rows;
  const rows = read();
  cache.set(first, { tables, rows });
  return rows;
}

function readTools(model: DocumentModel): DocumentedTool[] {
  return rowsOf(model, 'tools', 'tools').flatMap((row) => {
    const id = plainId(row.text('tool'));
    if (!id || isNonValue(id)) return [];
    const exposure = new Set(
      row
        .text('exposure')
        .toLowerCase()
        .split(/[,;]/)
        .map((word) => word.trim())
        .filter((word): word is Exposure => (EXPOSURES as readonly string[]).includes(word)),
    );
    return [
      {
        id,
        row,
        kind: plainId(row.text('kind')),
        server: plainId(row.text('server')),
        access: plainId(row.text('access')),
        approval: plainId(row.text('approval')),
        exposure,
        template: placeholderIn(model, model.index.lineText(row.row.line)),
      },
    ];
  });
}

function readServers(model: DocumentModel): DocumentedServer[] {
  return rowsOf(model, 'tools', 'servers').flatMap((row) => {
    const id = plainId(row.text('server'));
    if (!id || isNonValue(id)) return [];
    return [
      {
        id,
        row,
        version: row.text('version').replace(/`/g, '').trim(),
        transport: plainId(row.text('transport')),
        auth: row.text('auth'),
        scopes: row.text('scopes'),
      },
    ];
  });
}

/** Whether a cell states something (not empty, "-", "none", "n/a", TODO). */
export function states(text: string): boolean {
  return text.trim() !== '' && !isNonValue(text) && !looksLikePlaceholder(text);
}

/** Network transports: a server reached over them can be called by anyone who finds it. */
export function isNetworkTransport(transport: string): boolean {
  return ['http', 'sse', 'streamable-http', 'websocket'].includes(transport);
}
