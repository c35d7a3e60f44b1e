import type { Database, SqlJsStatic } from 'sql.js';
import {
  BLOCKER_COLUMNS,
  FORMER_OWNER_COLUMNS,
  HISTORY_COLUMNS,
  HISTORY_STAGE_COLUMNS,
  portfolioRows,
  type Cell,
  type Portfolio,
} from '../engine';

/**
 * The portfolio as a SQLite database file a team can query (sqlite3, DuckDB, Python, any BI tool).
 * Built with sql.js, SQLite compiled to WebAssembly: no native module, so the same code runs in
 * the CLI on any Node.js and in the editor's extension host, and nothing is compiled at install.
 * The WebAssembly is inlined in this module's bundle (dist/sqlite-export.js), which is loaded only
 * when a database is asked for.
 */
const initSqlJs = require('sql.js/dist/sql-wasm-inline.js') as (config?: object) => Promise<SqlJsStatic>;

const SCHEMA_NOTE =
  'agentdoc portfolio export: one row per agent in agents; blockers, former_owners, history and history_stages join on repository and path (or commit_hash).';

export async function portfolioDatabase(portfolio: Portfolio): Promise<Uint8Array> {
  const tables = portfolioRows(portfolio);
  const meta: Record<string, string> = {
    title: portfolio.title,
    as_of: portfolio.date,
    repositories: portfolio.repositories.join('; '),
  };
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  try {
    db.run('PRAGMA user_version = 1');
    createTable(
      db,
      'agents',
      tables.agents.columns.map((column) => `${column.name} ${column.type.toUpperCase()}`),
      tables.agents.rows,
    );
    db.run('CREATE INDEX agents_by_id ON agents (id)');
    createTable(db, 'blockers', BLOCKER_COLUMNS.map(text), tables.blockers);
    createTable(db, 'former_owners', FORMER_OWNER_COLUMNS.map(text), tables.formerOwners);
    createTable(
      db,
      'history',
      HISTORY_COLUMNS.map((name) => (['agents', 'ready', 'blockers'].includes(name) ? `${name} INTEGER` : text(name))),
      tables.history,
    );
    createTable(
      db,
      'history_stages',
      HISTORY_STAGE_COLUMNS.map((name) => (name === 'agents' ? `${name} INTEGER` : text(name))),
      tables.historyStages,
    );
    createTable(db, 'about', ['key TEXT PRIMARY KEY', 'value TEXT'], [['note', SCHEMA_NOTE], ...Object.entries(meta)]);
    return db.export();
  } finally {
    db.close();
  }
}

function text(name: string): string {
  return `${name} TEXT`;
}

/** Column names come from our own lists, never from a document; values always go in as parameters. */
function createTable(db: Database, name: string, columns: readonly string[], rows: readonly Cell[][]): void {
  db.run(`CREATE TABLE ${name} (${columns.join(', ')})`);
  if (rows.length === 0) return;
  const statement = db.prepare(`INSERT INTO ${name} VALUES (${columns.map(() => '?').join(', ')})`);
  try {
    db.run('BEGIN');
    for (const row of rows) statement.run(row.map((cell) => cell));
    db.run('COMMIT');
  } finally {
    statement.free();
  }
}
