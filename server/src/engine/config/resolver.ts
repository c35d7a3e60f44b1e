import { BoundedCache } from '../boundedCache';
import { dirname, joinPath, relativeTo, type FileHost } from '../host';
import { bundledSchemas } from '../schemaData/bundled';
import type { SchemaSet } from '../schemaData/types';
import { loadConfig } from './index';
import { CONFIG_FILE_NAMES, type ConfigProblem, type LoadedConfig } from './types';

export interface ResolvedConfig {
  /** The config file that applies, or undefined for the defaults. */
  path: string | undefined;
  /** Its text, for workers that load it again rather than receive compiled schemas. */
  text: string | undefined;
  loaded: LoadedConfig | undefined;
}

export interface ConfigResolverOptions {
  /** A config named by the user (--config): it applies to every file, discovery is off. */
  explicit?: string;
  /** The folders discovery never climbs above: workspace folders, or the repository root. */
  roots: readonly string[];
  /**
   * For a file under none of the roots (a file the editor opened on its own): climb to its
   * repository root (the nearest folder with a .git entry), as the CLI would; otherwise no config.
   */
  outsideRootsUseRepository?: boolean;
  base?: SchemaSet;
}

const NONE: ResolvedConfig = { path: undefined, text: undefined, loaded: undefined };

/**
 * The config that applies to a file, shared by the CLI and the language server: in the file's
 * folder, then each parent up to the nearest root, the first folder holding one of
 * CONFIG_FILE_NAMES wins (.yaml before .yml before .json). The nearest config is the whole config:
 * no merging across folders. A config that is a symbolic link or a special file is not read (a
 * problem says so): it could lead outside the repository. Each config is read and validated once
 * until `invalidate()`.
 */
export class ConfigResolver {
  // Bounded for a long editor session over a large tree; what falls out is looked up again.
  private readonly byDir = new BoundedCache<string, Promise<string | undefined>>(10_000);
  private readonly byPath = new BoundedCache<string, Promise<ResolvedConfig>>(1_000);
  /** Only configs with problems: as many as there are broken config files. */
  private readonly problems = new Map<string, ConfigProblem[]>();

  constructor(
    private readonly host: FileHost,
    private readonly options: ConfigResolverOptions,
  ) {}

  async forFile(file: string): Promise<ResolvedConfig> {
    const configPath = this.options.explicit ?? (await this.discover(dirname(file)));
    return configPath === undefined ? NONE : this.load(configPath);
  }

  /** Every problem found so far, per config path. */
  allProblems(): Map<string, ConfigProblem[]> {
    return new Map(this.problems);
  }

  invalidate(): void {
    this.byDir.clear();
    this.byPath.clear();
    this.problems.clear();
  }

  private root(dir: string): string | undefined {
    const containing = this.options.roots.filter((root) => relativeTo(root, dir) !== undefined);
    return containing.sort((a, b) => b.length - a.length)[0];
  }

  private async repository(start: string): Promise<string | undefined> {
    for (let dir = start; ; dir = dirname(dir)) {
      if ((await this.host.kind(joinPath(dir, '.git'))) !== undefined) return dir;
      if (dirname(dir) === dir) return undefined;
    }
  }

  private discover(dir: string): Promise<string | undefined> {
    let found = this.byDir.get(dir);
    if (!found) {
      found = this.search(dir);
      this.byDir.set(dir, found);
    }
    return found;
  }

  private async search(start: string): Promise<string | undefined> {
    const stop =
      this.root(start) ?? (this.options.outsideRootsUseRepository ? await this.repository(start) : undefined);
    if (stop === undefined) return undefined;
    for (let dir = start; ; dir = dirname(dir)) {
      for (const name of CONFIG_FILE_NAMES) {
        const candidate = joinPath(dir, name);
        const kind = await this.host.kind(candidate);
        if (kind === 'file') return candidate;
        if (kind !== undefined && kind !== 'directory') {
          this.report(candidate, [notRegular(kind)]);
          return undefined;
        }
      }
      if (dir === stop || dirname(dir) === dir) return undefined;
    }
  }

  private report(configPath: string, problems: ConfigProblem[]): void {
    if (problems.length) this.problems.set(configPath, problems);
    else this.problems.delete(configPath);
  }

  private load(configPath: string): Promise<ResolvedConfig> {
    let loading = this.byPath.get(configPath);
    if (!loading) {
      loading = this.read(configPath);
      this.byPath.set(configPath, loading);
    }
    return loading;
  }

  private async read(configPath: string): Promise<ResolvedConfig> {
    const kind = await this.host.kind(configPath);
    if (kind !== 'file') {
      this.report(configPath, [kind === undefined ? cannotRead('it does not exist') : notRegular(kind)]);
      return NONE;
    }
    let text: string;
    try {
      text = await this.host.readFile(configPath);
    } catch (error) {
      this.report(configPath, [cannotRead(errorCode(error))]);
      return NONE;
    }
    const loaded = loadConfig(text, configPath, this.options.base ?? bundledSchemas);
    this.report(configPath, loaded.problems);
    return { path: configPath, text, loaded };
  }
}

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function notRegular(kind: string): ConfigProblem {
  return {
    message: `the config file is a ${kind === 'symlink' ? 'symbolic link' : 'special file'}, so agentdoc does not read it (it could lead outside the repository); make it a regular file`,
    range: START,
  };
}

function cannotRead(reason: string): ConfigProblem {
  return { message: `cannot read the config file (${reason})`, range: START };
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}
