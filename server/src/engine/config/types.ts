import type { SchemaSet } from '../schemaData/types';
import type { Range, Severity } from '../types';

/** What a rule's findings become: another severity, or nothing ("off"). */
export type SeverityOverride = Severity | 'off';

/** Rule code (AD105) → override. Only codes that exist are ever present. */
export type SeverityOverrides = Readonly<Record<string, SeverityOverride>>;

/** A problem in a config file, with a 0-based LSP range into the config text. */
export interface ConfigProblem {
  message: string;
  range: Range;
}

export interface FileGlobs {
  /** Globs relative to the config file's folder; empty means the default (every *.agentdoc.md). */
  include: string[];
  exclude: string[];
}

/** The result of loading one config file: what analysis and file discovery should use. */
export interface LoadedConfig {
  /** The bundled schemas with the config's sections, gates and policy merged in; the bundled ones when the merge was invalid. */
  schemas: SchemaSet;
  severityOverrides: SeverityOverrides;
  files: FileGlobs;
  /** Empty when the config is valid. Callers must show these: a broken config is never silently ignored. */
  problems: ConfigProblem[];
}

export const CONFIG_FILE_NAMES = ['.agentdoc.yaml', '.agentdoc.yml', '.agentdoc.json'] as const;
