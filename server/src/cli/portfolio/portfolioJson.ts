import { portfolioRows, type Portfolio } from '../../engine';

/** The merged portfolio as JSON: the agents table's rows as objects, duplicates and the history. */
export function portfolioJson(portfolio: Portfolio): string {
  const tables = portfolioRows(portfolio);
  const names = tables.agents.columns.map((column) => column.name);
  return (
    JSON.stringify(
      {
        title: portfolio.title,
        date: portfolio.date,
        repositories: portfolio.repositories,
        duplicates: portfolio.duplicates,
        history: portfolio.history,
        agents: tables.agents.rows.map((row) => Object.fromEntries(names.map((name, index) => [name, row[index]]))),
      },
      null,
      2,
    ) + '\n'
  );
}
