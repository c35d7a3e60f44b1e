import type { DocumentModel } from '../model/documentModel';
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

// Six rules read the same rows: build them once per model (a hostile 50,000-row table stays cheap).
const toolCache = new WeakMap<DocumentModel, DocumentedTool[]>();
const serverCache = new WeakMap<DocumentModel, DocumentedServer[]>();

export function documentedTools(model: DocumentModel): DocumentedTool[] {
  let tools = toolCache.get(model);
  if (!tools) toolCache.set(model, (tools = readTools(model)));
  return tools;
}

export function documentedServers(model: DocumentModel): DocumentedServer[] {
  let servers = serverCache.get(model);
  if (!servers) serverCache.set(model, (servers = readServers(model)));
  return servers;
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
        template: looksLikePlaceholder(model.index.lineText(row.row.line)),
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
