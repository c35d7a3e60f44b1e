import type { Connection } from 'vscode-languageserver';
import { DEFAULT_MAX_BYTES } from '../engine';
import type { AgentdocSettings } from '../protocol/types';

export type { AgentdocSettings };

export const DEFAULT_SETTINGS: AgentdocSettings = {
  enable: true,
  debounceMs: 150,
  maxDocumentBytes: DEFAULT_MAX_BYTES,
  checkWorkspace: true,
  problems: 'open',
  maxYamlNesting: 100,
  maxFindingsPerRule: 1000,
};

/**
 * Reads settings for one document's folder. Nothing is cached across documents: a multi-root
 * workspace can configure each folder differently, and clients without the configuration
 * capability get the defaults.
 */
export async function readSettings(
  connection: Connection,
  uri: string,
  clientSupportsConfiguration: boolean,
): Promise<AgentdocSettings> {
  if (!clientSupportsConfiguration) return DEFAULT_SETTINGS;
  try {
    const raw = (await connection.workspace.getConfiguration({
      scopeUri: uri,
      section: 'agentdoc',
    })) as Partial<AgentdocSettings> | null;
    return {
      enable: typeof raw?.enable === 'boolean' ? raw.enable : DEFAULT_SETTINGS.enable,
      debounceMs:
        typeof raw?.debounceMs === 'number' && raw.debounceMs >= 0 ? raw.debounceMs : DEFAULT_SETTINGS.debounceMs,
      maxDocumentBytes:
        typeof raw?.maxDocumentBytes === 'number' && raw.maxDocumentBytes > 0
          ? raw.maxDocumentBytes
          : DEFAULT_SETTINGS.maxDocumentBytes,
      checkWorkspace: typeof raw?.checkWorkspace === 'boolean' ? raw.checkWorkspace : DEFAULT_SETTINGS.checkWorkspace,
      problems: raw?.problems === 'workspace' ? 'workspace' : DEFAULT_SETTINGS.problems,
      maxYamlNesting: positiveInteger(raw?.maxYamlNesting, DEFAULT_SETTINGS.maxYamlNesting),
      maxFindingsPerRule: positiveInteger(raw?.maxFindingsPerRule, DEFAULT_SETTINGS.maxFindingsPerRule),
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

function positiveInteger(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * The editor's files.exclude for a folder, as globs: the workspace walk leaves out what the user
 * hid from the explorer, as the CLI leaves out what .gitignore does.
 */
export async function readFilesExclude(
  connection: Connection,
  folderUri: string,
  clientSupportsConfiguration: boolean,
): Promise<string[]> {
  if (!clientSupportsConfiguration) return [];
  try {
    const raw = (await connection.workspace.getConfiguration({
      scopeUri: folderUri,
      section: 'files.exclude',
    })) as unknown;
    if (!raw || typeof raw !== 'object') return [];
    return Object.entries(raw as Record<string, unknown>)
      .filter(([glob, on]) => on === true && typeof glob === 'string' && glob.length <= 1000)
      .map(([glob]) => glob.replace(/^\*\*\//, '**/'));
  } catch {
    return [];
  }
}
