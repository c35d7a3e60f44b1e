import {
  basename,
  buildPortfolio,
  relativeTo,
  renderPortfolioHtml,
  renderPortfolioMarkdown,
  type AnalysisResult,
  type HistoryPoint,
  type Portfolio,
  type PortfolioInput,
} from '../engine';
import { portfolioCsv } from '../node/portfolioCsv';
import type { AgentdocRequests } from '../protocol/requests';
import type { ServerPlatform } from './platform';

type Params = AgentdocRequests['agentdoc/portfolioDashboard']['params'];

/**
 * The workspace's portfolio, for the editor's dashboard and export: the server's own results
 * (the same verdicts the views show), one "repository" per workspace folder. git runs only here,
 * when the user asked for the dashboard with history, never while checking.
 */
export async function portfolioDashboard(
  params: Params,
  folders: readonly string[],
  results: ReadonlyArray<{ uri: string; result: AnalysisResult }>,
  platform: ServerPlatform,
): Promise<string> {
  const today = params.today ?? new Date().toISOString().slice(0, 10);
  const inputs: PortfolioInput[] = results.map(({ uri, result }) => {
    const file = platform.uris.toPath(uri);
    const folder = file ? folders.find((candidate) => relativeTo(candidate, file) !== undefined) : undefined;
    return {
      repository: folder ? basename(folder) : '',
      path: (folder && file ? relativeTo(folder, file) : undefined) ?? file ?? uri,
      facts: result.facts,
      verdict: result.verdict,
    };
  });
  const history: HistoryPoint[] = [];
  // History of a single-folder workspace only: points from several repositories would not line up.
  if (params.history && folders.length === 1 && platform.portfolio) {
    try {
      history.push(...(await platform.portfolio.history(folders[0]!)));
    } catch {
      // No git, or not allowed to read the repository: the dashboard is shown without history.
    }
  }
  const portfolio = buildPortfolio(inputs, { date: today, history });
  switch (params.format) {
    case 'html':
      return renderPortfolioHtml(portfolio);
    case 'markdown':
      return renderPortfolioMarkdown(portfolio);
    case 'csv':
      return portfolioCsv(portfolio);
    case 'sqlite':
      if (!platform.portfolio) throw new Error(SQLITE_ON_THE_WEB);
      return platform.portfolio.sqliteBase64(portfolio);
  }
}

export const SQLITE_ON_THE_WEB =
  'The SQLite export needs the desktop extension or the command line (agentdoc portfolio --format sqlite): the web extension exports HTML, Markdown and CSV.';

/** What the portfolio needs beyond the engine, on Node.js only: git for its history, sql.js for SQLite. */
export interface PortfolioTools {
  /** Readiness over time of the repository holding `folder` (engine path). */
  history(folder: string): Promise<HistoryPoint[]>;
  sqliteBase64(portfolio: Portfolio): Promise<string>;
}
