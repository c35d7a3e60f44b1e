import * as fs from 'node:fs';
import * as path from 'node:path';
import { findConfigPath, loadConfig, type LoadedConfig } from '../engine/config';

export interface ResolvedConfig {
  /** Absolute path of the config file, or undefined for the defaults. */
  path: string | undefined;
  loaded: LoadedConfig | undefined;
  /** The config text, handed to worker threads so they need not find the file again. */
  text: string | undefined;
}

/** A config problem as the CLI prints it: `file:line:col: message` (1-based). */
export class ConfigError extends Error {}

/**
 * Finds and loads the config for each checked file. --config beats discovery; otherwise the
 * nearest .agentdoc.yaml / .yml / .json from the file's folder up to `stopAt` (the repository
 * root) applies. Each config file is read and validated once; problems are collected, not thrown,
 * so every broken config is reported in one run.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly byPath = new Map<string, { loaded: LoadedConfig; text: string }>();
  readonly problems: string[] = [];

  constructor(
    private readonly explicit: string | undefined,
    private readonly stopAt: string | undefined,
    private readonly cwd: string,
  ) {
    if (explicit !== undefined) this.load(explicit);
  }

  forFile(file: string): ResolvedConfig {
    const configPath = this.explicit ?? this.discover(path.dirname(file));
    const entry = configPath === undefined ? undefined : this.load(configPath);
    return { path: configPath, loaded: entry?.loaded, text: entry?.text };
  }

  private discover(dir: string): string | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const found = findConfigPath(dir, (candidate) => isFile(candidate), this.stopAt);
    const resolved = found === undefined ? undefined : path.resolve(found);
    this.byDir.set(dir, resolved);
    return resolved;
  }

  private load(configPath: string): { loaded: LoadedConfig; text: string } {
    const cached = this.byPath.get(configPath);
    if (cached) return cached;
    const shown = path.relative(this.cwd, configPath).split(path.sep).join('/') || configPath;
    let text: string;
    try {
      text = fs.readFileSync(configPath, 'utf8');
    } catch (error) {
      throw new ConfigError(
        `${shown}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
      );
    }
    const loaded = loadConfig(text, configPath);
    for (const problem of loaded.problems)
      this.problems.push(
        `${shown}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`,
      );
    this.byPath.set(configPath, { loaded, text });
    return { loaded, text };
  }
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}
