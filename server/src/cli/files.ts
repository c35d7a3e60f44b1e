import * as fs from 'node:fs';
import * as path from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.e2e', '.vscode-test']);

export const AGENT_DOC_SUFFIX = '.agent.md';

/**
 * Agent docs under the given paths: files are taken as given, folders searched recursively.
 * Symbolic links are not followed, so a link cannot lead the search outside the tree.
 */
export function collectAgentDocs(inputs: readonly string[], cwd: string): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(absolute);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isDirectory()) walk(absolute, files);
    else if (stat.isFile()) files.add(absolute);
  }
  return { files: [...files].sort(), missing };
}

function walk(dir: string, out: Set<string>): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(full, out);
    } else if (entry.isFile() && entry.name.endsWith(AGENT_DOC_SUFFIX)) {
      out.add(full);
    }
  }
}
