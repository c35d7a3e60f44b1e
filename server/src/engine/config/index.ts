import { LineCounter, parseDocument, type Document } from 'yaml';
import { BoundedCache } from '../boundedCache';
import { knownRuleCodes } from '../catalogue';
import { bundledSchemas } from '../schemaData/bundled';
import type { SchemaSet } from '../schemaData/types';
import { pathRange, pointerSegments, offsetRange } from './locate';
import { mergeSchemas, originOf, type ConfigData, type ConfigPath } from './merge';
import type { ConfigProblem, FileGlobs, LoadedConfig, SeverityOverride, SeverityOverrides } from './types';
import { describeErrors, schemaValidators } from './validate';
import { checkMerged } from './checkMerged';

export { applySeverityOverrides } from './severity';
export { knownRuleCodes } from '../catalogue';
export {
  CONFIG_FILE_NAMES,
  type ConfigProblem,
  type FileGlobs,
  type LoadedConfig,
  type SeverityOverride,
  type SeverityOverrides,
} from './types';

const EMPTY_FILES: FileGlobs = { include: [], exclude: [] };
/** Loaded configs by text: a workspace has a few; bounded by their text too (each is at most MAX_CONFIG_CHARS). */
const cache = new BoundedCache<string, LoadedConfig>(32, 4_000_000, (key) => key.length);

/**
 * Loads a config from its text. Pure: the caller reads the file (CLI) or the document (server).
 * `filePath` only decides JSON vs YAML parsing. Results for the bundled base are cached by text,
 * so re-checking with an unchanged config reuses the same SchemaSet object (and with it the
 * compiled validators, which are cached per SchemaSet).
 * When there are problems, the bundled schemas are returned and only the valid severity overrides
 * kept: a config that cannot be read must not half-apply gate data.
 */
export function loadConfig(text: string, filePath: string, base: SchemaSet = bundledSchemas): LoadedConfig {
  const json = /\.json$/i.test(filePath);
  const key = `${json ? 'json' : 'yaml'}\u0000${text}`;
  const cacheable = base === bundledSchemas;
  const cached = cacheable ? cache.get(key) : undefined;
  if (cached) return cached;
  const result = load(text, json, base);
  result.problems.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  if (cacheable) cache.set(key, result);
  return result;
}

/** A team's config is a few kilobytes; past this it is refused before it is parsed. */
export const MAX_CONFIG_CHARS = 1_000_000;

function load(text: string, json: boolean, base: SchemaSet): LoadedConfig {
  if (text.length > MAX_CONFIG_CHARS)
    return {
      schemas: base,
      severityOverrides: {},
      files: EMPTY_FILES,
      problems: [
        {
          message: `the config file has ${text.length.toLocaleString('en-US')} characters; agentdoc reads configs of up to ${MAX_CONFIG_CHARS.toLocaleString('en-US')}`,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        },
      ],
    };
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = [];
  const failed = (): LoadedConfig => ({ schemas: base, severityOverrides: {}, files: EMPTY_FILES, problems });
  if (json) {
    try {
      JSON.parse(text === '' ? '{}' : text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
      problems.push({
        message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
        range: offsetRange(lineCounter, offset, offset),
      });
      return failed();
    }
  }
  for (const error of document.errors) {
    problems.push({
      message: `invalid ${json ? 'JSON' : 'YAML'}: ${error.message.split('\n')[0]}`,
      range: offsetRange(lineCounter, error.pos[0], error.pos[1]),
    });
  }
  if (problems.length) return failed();
  let data: unknown;
  try {
    // maxAliasCount keeps an alias bomb in a hostile config from expanding without bound.
    data = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    problems.push({
      message: `invalid YAML: ${error instanceof Error ? error.message : String(error)}`,
      range: offsetRange(lineCounter, 0, 0),
    });
    return failed();
  }
  const at = (path: ConfigPath, keyOnly = false) => pathRange(document as Document, lineCounter, path, keyOnly);
  for (const path of externalRefs(data, [])) {
    problems.push({
      message: `"${path.join('.')}" points outside this file; agentdoc never fetches or reads referenced schemas, so only local references ("#/…") are allowed`,
      range: at(path),
    });
  }
  const validators = schemaValidators();
  if (!validators.config(data)) {
    for (const error of describeErrors(validators.config.errors))
      problems.push({ message: error.message, range: at(pointerSegments(error.pointer), error.key !== undefined) });
  }
  const config = (problems.length === 0 ? data : {}) as ConfigData;
  const known = knownRuleCodes();
  const severityOverrides: Record<string, SeverityOverride> = {};
  const rules = isRecord(data) && isRecord(data['rules']) ? data['rules'] : {};
  for (const [code, value] of Object.entries(rules)) {
    if (!/^AD\d{3}$/.test(code)) continue; // reported by the schema
    if (!known.has(code))
      problems.push({
        message: `unknown rule code "${code}"; the codes are listed in docs/rules.md`,
        range: at(['rules', code], true),
      });
    else if (typeof value === 'string' && ['error', 'warning', 'information', 'hint', 'off'].includes(value))
      severityOverrides[code] = value as SeverityOverride;
  }
  if (problems.length) return { ...failed(), severityOverrides };
  const { schemas, origins } = mergeSchemas(base, config);
  for (const problem of checkMerged(schemas, config)) {
    const path = problem.path ?? originOf(origins, problem.pointer, [problem.catalogue]);
    problems.push({ message: problem.message, range: at(path) });
  }
  const files: FileGlobs = { include: config.files?.include ?? [], exclude: config.files?.exclude ?? [] };
  if (problems.length) return { schemas: base, severityOverrides, files, problems };
  return { schemas, severityOverrides: severityOverrides as SeverityOverrides, files, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Paths of every `$ref` whose target is not inside the same schema ("#…"): URLs and file paths alike. */
function externalRefs(value: unknown, path: ConfigPath): ConfigPath[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => externalRefs(item, [...path, index]));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    if (key === '$ref' && typeof child === 'string' && !child.startsWith('#')) return [[...path, key]];
    return externalRefs(child, [...path, key]);
  });
}
