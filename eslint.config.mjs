// Lint rules that keep the architecture honest: the engine stays free of editor, protocol and
// Node.js imports (so the CLI, the server, a web worker and the tests can all run it), and the
// usual TypeScript mistakes fail `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs',
  'path',
  'url',
  'os',
  'child_process',
  'worker_threads',
  'util',
  'crypto',
  'stream',
  'readline',
  'module',
  'process',
  'events',
  'net',
  'http',
  'https',
  'zlib',
];

const BROWSER_UNSAFE = ['node:*', ...NODE_BUILTINS, 'vscode-languageserver/node', 'vscode-languageclient/node'];
const BROWSER_MESSAGE =
  'This code also runs in the browser (the web extension): Node.js belongs in server/src/node/ or client/src/extension.ts.';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      '.e2e/',
      '.vsix-stage/',
      'test-results/',
      'bench-results/',
      'test/e2e/',
      'scripts/',
      'bench/',
      '**/*.mjs',
      '**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-require-imports': 'off',
      eqeqeq: ['error', 'always'],
      // Control characters are matched on purpose: binary detection, terminal escapes.
      'no-control-regex': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-*', 'vscode-languageserver*', 'vscode-languageclient*'],
              message: 'The engine has no editor or LSP imports: translate in server/src/lsp or client/src.',
            },
            {
              group: ['node:*', ...NODE_BUILTINS],
              message: 'The engine has no Node.js imports: file access is injected (see engine/host.ts).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The engine reads no environment: pass values in through its options.' },
        { name: 'require', message: 'The engine loads no modules at run time.' },
      ],
    },
  },
  {
    files: ['server/src/lsp/**/*.ts', 'server/src/cli/**/*.ts', 'server/src/node/**/*.ts', 'server/src/server.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/*', '!**/engine/index'],
              message: 'The server and the CLI use the engine through its one module (server/src/engine/index.ts).',
            },
          ],
        },
      ],
    },
  },
  // What the web extension bundles (dist/web/): the server's LSP glue runs in a web worker and the
  // client's shared code in the editor's web-worker extension host. Node.js lives in server/src/node/,
  // server/src/server.ts and client/src/extension.ts only.
  {
    files: ['server/src/lsp/**/*.ts', 'server/src/web/**/*.ts', 'server/src/browserServer.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/*', '!**/engine/index'],
              message: 'The server uses the engine through its one module (server/src/engine/index.ts).',
            },
            { group: BROWSER_UNSAFE, message: BROWSER_MESSAGE },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    ignores: ['client/src/extension.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: BROWSER_UNSAFE, message: BROWSER_MESSAGE }] }],
    },
  },
);
