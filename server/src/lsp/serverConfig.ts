import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findConfigPath, loadConfig, type ConfigProblem, type LoadedConfig } from '../engine/config';

const CONFIG_FILE = /(^|\/)\.agentdoc\.(ya?ml|json)$/i;

export function isConfigFile(uri: string): boolean {
  return CONFIG_FILE.test(decodeURIComponent(uri));
}

/**
 * The workspace config (.agentdoc.yaml/.yml/.json) that applies to a document, found and loaded
 * exactly as the CLI does it, so editor and CI give the same verdict. Discovery stops at the
 * workspace folder, so nothing outside the workspace is read. Lookups are cached until a config
 * file changes on disk.
 */
export class ServerConfig {
  private folders: string[] = [];
  private readonly byDir = new Map<string, string | undefined>();
  private readonly byPath = new Map<string, LoadedConfig>();
  /** Configs loaded since their problems were last published. */
  private readonly unpublished = new Set<string>();

  setFolders(folderUris: string[]): void {
    this.folders = folderUris
      .filter((uri) => uri.startsWith('file:'))
      .map((uri) => fileURLToPath(uri).replace(/\/$/, ''));
    this.invalidate();
  }

  /** Workspace folders as file-system paths. */
  folderPaths(): string[] {
    return [...this.folders];
  }

  invalidate(): void {
    this.byDir.clear();
    this.byPath.clear();
    this.unpublished.clear();
  }

  forDocument(uri: string): LoadedConfig | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    // Inside a workspace folder, discovery stops at that folder; a file opened on its own gets
    // what the CLI would give it (up to its repository root).
    const folder = this.folders
      .filter((candidate) => file.startsWith(`${candidate}${path.sep}`))
      .sort((a, b) => b.length - a.length)[0];
    const dir = path.dirname(file);
    if (!this.byDir.has(dir)) this.byDir.set(dir, findConfigPath(dir, isFile, folder));
    const configPath = this.byDir.get(dir);
    return configPath === undefined ? undefined : this.load(configPath);
  }

  /**
   * Problems of the configs loaded since the last call, per config file URI, to publish as
   * diagnostics once per load rather than after every keystroke.
   */
  takeUnpublishedProblems(): { uri: string; problems: ConfigProblem[] }[] {
    const taken = [...this.unpublished].flatMap((configPath) => {
      const loaded = this.byPath.get(configPath);
      return loaded ? [{ uri: pathToFileURL(configPath).toString(), problems: loaded.problems }] : [];
    });
    this.unpublished.clear();
    return taken;
  }

  private load(configPath: string): LoadedConfig | undefined {
    const cached = this.byPath.get(configPath);
    if (cached) return cached;
    let text: string;
    try {
      text = fs.readFileSync(configPath, 'utf8');
    } catch {
      return undefined;
    }
    const loaded = loadConfig(text, configPath);
    this.byPath.set(configPath, loaded);
    this.unpublished.add(configPath);
    return loaded;
  }
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}
