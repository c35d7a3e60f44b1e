import * as path from 'node:path';
import type { ServerPlatform } from '../lsp/platform';
import { pathToUri, uriToPath } from './fileUris';
import { evidenceChecker } from './evidenceFiles';
import { nodeHost, toNativePath } from './nodeHost';

/** The language server on Node.js: the desktop extension's, and the one the protocol tests start. */
export const nodePlatform: ServerPlatform = {
  host: nodeHost,
  uris: { toPath: uriToPath, toUri: pathToUri },
  evidenceExists: (document, roots) =>
    document.startsWith('/') || /^[A-Za-z]:\//.test(document)
      ? evidenceChecker(toNativePath(document), roots.map(toNativePath))
      : undefined,
  yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
  loadTokenCounter: () =>
    // Its own bundle next to dist/server.js (large encoding tables), loaded on first use only.
    (require(path.join(__dirname, 'tokenizer.js')) as { countTokens: (text: string) => number }).countTokens,
};
