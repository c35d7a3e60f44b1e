import type { ExportFormat, ExportResult, PortfolioEntry, ReadinessView, SkeletonAnswers } from './types';

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
}

export type RequestMethod = keyof AgentdocRequests;
export type NotificationMethod = keyof AgentdocNotifications;
