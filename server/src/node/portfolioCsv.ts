import { stringify } from 'csv-stringify/sync';
import { portfolioRows, type Portfolio } from '../engine';

/**
 * The portfolio as CSV, one row per agent, the header from the column list the database uses too.
 * csv-stringify quotes what needs quoting, and escape_formulas prefixes a cell that starts with
 * =, +, - or @ with a quote, so a hostile agent name cannot run a formula in a spreadsheet.
 */
export function portfolioCsv(portfolio: Portfolio): string {
  const tables = portfolioRows(portfolio);
  return stringify(tables.agents.rows, {
    header: true,
    columns: tables.agents.columns.map((column) => column.name),
    escape_formulas: true,
    record_delimiter: 'unix',
  });
}
