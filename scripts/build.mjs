// Bundles the client, the language server, the CLI and its worker thread with esbuild.
// Schemas are imported as JSON so the server needs no file reads to start.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
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

/**
 * A bundle the loader runs is written as the CommonJS function wrapper Node would put around it, so
 * the loader compiles the file's text as it is (server/src/loader/codeCache.ts): no second copy of a
 * multi-megabyte string to build, compile and keep.
 */
const loadedByLoader = {
  banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
  footer: { js: '})' },
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode'],
  }),
  // The language server, the CLI and the CLI's worker thread (dist/cli.js starts it from its own
  // folder): each is a small loader (below) in front of its bundle, *-main.js.
  esbuild.build({
    ...common,
    ...loadedByLoader,
    entryPoints: ['server/src/server.ts'],
    outfile: 'dist/server-main.js',
  }),
  esbuild.build({ ...common, ...loadedByLoader, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' }),
  esbuild.build({
    ...common,
    ...loadedByLoader,
    entryPoints: ['server/src/cli/worker.ts'],
    outfile: 'dist/cli-worker-main.js',
  }),
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

// The loaders: dist/server.js, dist/cli.js and dist/cli-worker.js run their bundle through a V8 code
// cache (server/src/loader/), keyed by the bundle's content hash, which is written into the loader here.
const LOADERS = [
  // The server says when its code is warm (after its first check); the CLI is warm at exit.
  { outfile: 'dist/server.js', bundle: 'server-main.js', saveAtExit: false },
  { outfile: 'dist/cli.js', bundle: 'cli-main.js', saveAtExit: true, banner: { js: '#!/usr/bin/env node' } },
  { outfile: 'dist/cli-worker.js', bundle: 'cli-worker-main.js', saveAtExit: false },
];
await Promise.all(
  LOADERS.map(({ outfile, bundle, saveAtExit, banner }) =>
    esbuild.build({
      ...common,
      plugins: [],
      entryPoints: ['server/src/loader/entry.ts'],
      outfile,
      ...(banner ? { banner } : {}),
      define: {
        AGENTDOC_BUNDLE: JSON.stringify(bundle),
        AGENTDOC_SAVE_AT_EXIT: JSON.stringify(saveAtExit),
        AGENTDOC_BUNDLE_HASH: JSON.stringify(
          createHash('sha256')
            .update(fs.readFileSync(`dist/${bundle}`))
            .digest('hex'),
        ),
      },
    }),
  ),
);
