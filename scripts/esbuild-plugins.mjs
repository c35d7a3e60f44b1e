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
