import type {
  DirectoryEntry,
  EntryKind,
  ExportFormat,
  ExportResult,
  PortfolioEntry,
  ReadinessView,
  SkeletonAnswers,
} from './types';

export * from './types';

/**
 * The custom requests and notifications between the VS Code client and the agentdoc server,
 * typed once here. Method names map to their parameter and result types; each side has a tiny
 * typed wrapper around its own connection (client and server bundle different copies of the
 * protocol library, so sharing its RequestType objects would not type-check).
 */
export interface AgentdocRequests {
  'agentdoc/readiness': { params: { uri: string }; result: ReadinessView | null };
  'agentdoc/portfolio': { params: Record<string, never>; result: PortfolioEntry[] };
  'agentdoc/report': { params: { uri: string; format: 'markdown' | 'html' }; result: string | null };
  'agentdoc/skeleton': { params: SkeletonAnswers; result: string };
  /** The rule reference (docs/rules.md) as HTML, each rule's heading with its code as id. */
  'agentdoc/ruleReference': { params: Record<string, never>; result: string };
  'agentdoc/recheckWorkspace': { params: Record<string, never>; result: { files: number } };
  /**
   * The portfolio of the workspace's agents as a dashboard (html), a summary (markdown), CSV, or a
   * SQLite database (base64). history: sample the workspace folders' git history (runs git).
   */
  'agentdoc/portfolioDashboard': {
    params: { format: 'html' | 'markdown' | 'csv' | 'sqlite'; history: boolean; today?: string };
    result: string;
  };
  /** Writes the current hashes of the document's agent files into its agent_files (the server applies the edit). */
  'agentdoc/recordHashes': {
    params: { uri: string };
    result: { recorded: string[]; skipped: string[]; applied: boolean };
  };
  /** An export of one document: EU AI Act Annex IV documentation, an A2A Agent Card, a Backstage entity. */
  'agentdoc/export': { params: { uri: string; format: ExportFormat }; result: ExportResult | null };
}

export interface AgentdocNotifications {
  /** A document's readiness may have changed; views refresh without polling. */
  'agentdoc/readinessChanged': { uri: string };
  /** The set of agent docs or their facts changed. */
  'agentdoc/portfolioChanged': Record<string, never>;
  /**
   * A check of an open document's version finished, whether or not anything was published. Sent
   * only to a client that asks with initializationOptions.reportChecks (the benchmark and tests:
   * unchanged diagnostics are not re-sent, so they could not otherwise tell the work is done).
   */
  'agentdoc/checked': { uri: string; version: number };
}

export type RequestMethod = keyof AgentdocRequests;
export type NotificationMethod = keyof AgentdocNotifications;

/**
 * Requests the server sends to the client. The web extension's language server runs in a web worker
 * with no file system of its own: it reads the workspace through the editor's workspace API
 * (vscode.workspace.fs), which the browser client relays (client/src/web/fileRelay.ts). URIs are the
 * editor's, as strings; the client answers only for URIs inside the workspace folders.
 */
export interface AgentdocClientRequests {
  /** A folder's entries; null when it cannot be read. Links are reported as links, never followed. */
  'agentdoc/fs/readDirectory': { params: { uri: string }; result: DirectoryEntry[] | null };
  /** What is at a URI, without following a link at its end; null when nothing is there. */
  'agentdoc/fs/kind': { params: { uri: string }; result: EntryKind | null };
  /** A regular file's text (UTF-8); null when it cannot be read or is too large. */
  'agentdoc/fs/readFile': { params: { uri: string; maxBytes: number }; result: string | null };
}

export type ClientRequestMethod = keyof AgentdocClientRequests;
