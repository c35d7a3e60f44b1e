import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Portfolio } from '../engine';

type DatabaseExport = (portfolio: Portfolio) => Promise<Uint8Array>;

/**
 * The SQLite export with its inlined WebAssembly (about 1 MB) is a bundle of its own,
 * dist/sqlite-export.js, loaded only when a database is asked for; run from the compiled tests
 * there is no bundle, and the module is loaded from the TypeScript output instead. Both paths
 * are computed, so esbuild leaves them out of the CLI bundle.
 */
export async function loadDatabaseExport(): Promise<DatabaseExport> {
  const bundled = path.join(__dirname, 'sqlite-export.js');
  const compiled = path.join(__dirname, 'sqliteExport.js');
  const module = require(fs.existsSync(bundled) ? bundled : compiled) as { portfolioDatabase: DatabaseExport };
  return module.portfolioDatabase;
}
