// esbuild plugins shared by the extension build and the benchmark bundle.
import { readFile } from 'node:fs/promises';

/**
 * markdown-it's published build sets every class field through Babel's _defineProperty helper
 * (Object.defineProperty + toPropertyKey), the largest self-time item when profiling a 20k-line
 * document. For these plain objects an assignment is equivalent, so the helper is swapped for one.
 */
export const fastMarkdownItFields = {
  name: 'fast-markdown-it-fields',
  setup(build) {
    build.onLoad({ filter: /markdown-it[\\/]dist[\\/]markdown-it\.(cjs\.js|mjs)$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patched = source
        // Constructor fields: `_defineProperty(this, /* doc */ "name", value);` → `this.name = value;`
        .replace(/_defineProperty\(\s*this,\s*(?:\/\*[\s\S]*?\*\/\s*)?"([\w$]+)",\s*([^;]*?)\s*\);/g, 'this.$1 = $2;')
        .replace(
          /function _defineProperty\(e, r, t\) \{[\s\S]*?\n\}/,
          'function _defineProperty(e, r, t) {\n\te[r] = t;\n\treturn e;\n}',
        );
      if (patched === source || /_defineProperty\(\s*this\b/.test(patched))
        throw new Error('markdown-it: _defineProperty pattern changed; update fastMarkdownItFields');
      return { contents: patched, loader: 'js' };
    });
  },
};

/**
 * Swaps server/src/engine/evaluation/precompiledValidators.ts (an empty stand-in) for ajv
 * standalone code of every bundled schema, generated now: the server, the CLI and its workers
 * then compile none of them at run time. The generator itself is TypeScript, bundled first.
 */
export async function precompiledValidators(root) {
  const esbuild = await import('esbuild');
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { createRequire } = await import('node:module');
  const dir = await mkdtemp(path.join(tmpdir(), 'agentdoc-validators-'));
  const outfile = path.join(dir, 'standalone.cjs');
  try {
    await esbuild.build({
      entryPoints: [path.join(root, 'server/src/engine/evaluation/standaloneValidators.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile,
      logLevel: 'warning',
    });
    const contents = createRequire(import.meta.url)(outfile).precompiledValidatorsModule();
    return {
      name: 'precompiled-validators',
      setup(build) {
        build.onLoad({ filter: /engine[\\/]evaluation[\\/]precompiledValidators\.ts$/ }, () => ({
          contents,
          loader: 'js',
          resolveDir: root,
        }));
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
