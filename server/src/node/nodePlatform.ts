import * as path from 'node:path';
import type { ServerPlatform } from '../lsp/platform';
import { pathToUri, uriToPath } from './fileUris';
import { nodeDocumentFiles } from './editorDocumentOptions';
import { linkedPath, linkRoots } from './evidenceFiles';
import { readinessHistory, repositoryTop } from './gitHistory';
import { indexInWorkers } from './indexWorkers';
import { loadDatabaseExport } from './loadDatabase';
import { toEnginePath, toNativePath } from './nodeHost';

/** The language server on Node.js: the desktop extension's, and the one the protocol tests start. */
export const nodePlatform: ServerPlatform = {
  // host, evidenceExists, repositoryRoot: the ones the indexing workers use too.
  ...nodeDocumentFiles,
  uris: { toPath: uriToPath, toUri: pathToUri },
  linkedFile: (documentPath, roots, relativePath) => {
    const native = toNativePath(documentPath);
    const found = linkedPath(native, linkRoots(native, roots.map(toNativePath)), relativePath);
    return found && toEnginePath(found.path);
  },
  portfolio: {
    async history(folder) {
      const native = toNativePath(folder);
      const root = repositoryTop(native);
      if (!root) return [];
      const scope = path.relative(root, native).split(path.sep).join('/');
      return readinessHistory({ root, scopes: scope ? [scope] : [], samples: 12 });
    },
    async sqliteBase64(portfolio) {
      return Buffer.from(await (await loadDatabaseExport())(portfolio)).toString('base64');
    },
  },
  checkInWorkers: (run) => indexInWorkers(run),
  yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
  loadTokenCounter: () =>
    // Its own bundle next to dist/server.js (large encoding tables), loaded on first use only.
    (require(path.join(__dirname, 'tokenizer.js')) as { countTokens: (text: string) => number }).countTokens,
};
