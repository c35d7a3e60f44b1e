// Bundles the client, the language server, the CLI and its worker thread with esbuild.
// Schemas are imported as JSON so the server needs no file reads to start.
import * as esbuild from 'esbuild';
import { fastMarkdownItFields, precompiledValidators } from './esbuild-plugins.mjs';

const production = process.argv.includes('--production');
// ajv standalone code for the bundled schemas, generated once per build (see esbuild-plugins.mjs).
const validators = await precompiledValidators(process.cwd());

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [fastMarkdownItFields, validators],
  // jsonc-parser's "main" is a UMD build whose dynamic require()s esbuild cannot follow; its ESM build bundles.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode'],
  }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // The CLI's worker thread for large trees; dist/cli.js starts it from its own folder.
  esbuild.build({ ...common, entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/cli-worker.js' }),
  // The same worker for the language server's workspace indexing (node/indexWorkers.ts), shipped in the VSIX.
  esbuild.build({ ...common, entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/index-worker.js' }),
  // The portfolio's SQLite export (sql.js with its WebAssembly inlined), loaded on first use only.
  esbuild.build({ ...common, entryPoints: ['server/src/node/sqliteExport.ts'], outfile: 'dist/sqlite-export.js' }),
  // The prompt token counter, loaded by the server on first use only (large encoding tables).
  esbuild.build({ ...common, entryPoints: ['server/src/tokenizer.ts'], outfile: 'dist/tokenizer.js' }),
  // The web extension (package.json `browser`, vscode.dev / github.dev): the client runs in the editor's
  // web-worker extension host (CommonJS, `vscode` provided), the server in its own worker (a classic
  // script). A Node.js module reached from either fails the build here, not in the browser.
  esbuild.build({
    ...common,
    platform: 'browser',
    target: 'es2022',
    entryPoints: ['client/src/browserExtension.ts'],
    outfile: 'dist/web/client.js',
    external: ['vscode'],
  }),
  esbuild.build({
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: ['server/src/browserServer.ts'],
    outfile: 'dist/web/server.js',
    // csv-stringify's own build uses Node's Buffer at load; its browser build carries a polyfill.
    alias: { ...common.alias, 'csv-stringify/sync': './node_modules/csv-stringify/dist/esm/sync.js' },
  }),
]);
