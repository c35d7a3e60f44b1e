// Bundles the engine (server/src/engine) and the document generator (test/helpers/agentDocGenerator.ts)
// into one CommonJS file for the in-process measures, with the same esbuild options as the server.
import * as esbuild from 'esbuild';
import { fastMarkdownItFields, precompiledValidators } from '../scripts/esbuild-plugins.mjs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

export async function loadBenchLib(root, outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, 'benchlib.cjs');
  await esbuild.build({
    stdin: {
      contents: [
        "export { analyze } from './server/src/engine/index';",
        "export { generateAgentDoc, createRandom, BENCH_SIZES } from './test/helpers/agentDocGenerator';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'bench-entry.ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
    legalComments: 'none',
    plugins: [fastMarkdownItFields, await precompiledValidators(root)],
    // As in scripts/build.mjs: jsonc-parser's UMD "main" has dynamic require()s esbuild cannot follow.
    alias: { 'jsonc-parser': path.join(root, 'node_modules/jsonc-parser/lib/esm/main.js') },
  });
  return createRequire(import.meta.url)(outfile);
}
