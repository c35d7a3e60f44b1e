import * as path from 'node:path';
import {
  buildPortfolio,
  relativeTo,
  renderPortfolioHtml,
  renderPortfolioMarkdown,
  type AnalysisResult,
  type HistoryPoint,
  type PortfolioInput,
} from '../engine';
import { loadDatabaseExport } from '../node/loadDatabase';
import { readinessHistory, repositoryTop } from '../node/gitHistory';
import { toNativePath } from '../node/nodeHost';
import { portfolioCsv } from '../node/portfolioCsv';
import type { AgentdocRequests } from '../protocol/requests';
import { uriToPath } from './uris';

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
): Promise<string> {
  const today = params.today ?? new Date().toISOString().slice(0, 10);
  const inputs: PortfolioInput[] = results.map(({ uri, result }) => {
    const file = uriToPath(uri);
    const folder = file ? folders.find((candidate) => relativeTo(candidate, file) !== undefined) : undefined;
    return {
      repository: folder ? path.basename(toNativePath(folder)) : '',
      path: (folder && file ? relativeTo(folder, file) : undefined) ?? file ?? uri,
      facts: result.facts,
      verdict: result.verdict,
    };
  });
  const history: HistoryPoint[] = [];
  // History of a single-folder workspace only: points from several repositories would not line up.
  if (params.history && folders.length === 1) {
    const folder = toNativePath(folders[0]!);
    const root = repositoryTop(folder);
    if (root) {
      const scope = path.relative(root, folder).split(path.sep).join('/');
      try {
        history.push(...(await readinessHistory({ root, scopes: scope ? [scope] : [], samples: 12 })));
      } catch {
        // No git, or not allowed to read the repository: the dashboard is shown without history.
      }
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
      return Buffer.from(await (await loadDatabaseExport())(portfolio)).toString('base64');
  }
}
