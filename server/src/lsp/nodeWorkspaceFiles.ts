import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceFiles } from './workspaceIndex';

const SKIP = new Set(['node_modules', '.git', 'dist', 'out', '.e2e', '.vscode-test']);
const MAX_FILES = 20_000;

/**
 * Lists and reads agent docs on the local file system. Only file: URIs inside the workspace
 * folders are read; symbolic links are not followed, so nothing outside the folders is reached.
 */
export const nodeWorkspaceFiles: WorkspaceFiles = {
  async list(folderUri) {
    if (!folderUri.startsWith('file:')) return [];
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      if (found.length >= MAX_FILES) return;
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && !SKIP.has(entry.name) && !entry.name.startsWith('.')) await walk(full);
        else if (entry.isFile() && entry.name.toLowerCase().endsWith('.agent.md'))
          found.push(pathToFileURL(full).toString());
      }
    };
    await walk(fileURLToPath(folderUri));
    return found;
  },
  async read(uri) {
    return fs.readFile(fileURLToPath(uri), 'utf8');
  },
};
