export {
  buildPortfolio,
  historyPoint,
  blockerLabel,
  measure,
  DEFAULT_OWNER_LIMIT,
  type Portfolio,
  type PortfolioAgent,
  type PortfolioInput,
  type PortfolioOptions,
  type HistoryPoint,
  type DuplicateId,
} from './model';
export { portfolioViews, type PortfolioViews } from './aggregates';
export { renderPortfolioHtml } from './html';
export { renderPortfolioMarkdown } from './markdown';
export {
  portfolioRows,
  PORTFOLIO_COLUMNS,
  BLOCKER_COLUMNS,
  FORMER_OWNER_COLUMNS,
  HISTORY_COLUMNS,
  HISTORY_STAGE_COLUMNS,
  type PortfolioTables,
  type ColumnSpec,
  type Cell,
} from './rows';
