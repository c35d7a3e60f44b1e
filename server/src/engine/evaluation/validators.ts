import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { compileSafeRegex } from '../safeRegex';
import { bundledSchemas } from '../schemaData/bundled';
import type { SchemaSet, TableSpec } from '../schemaData/types';
import { precompiledAnalysis } from './precompiledValidators';
import { analysisAjvOptions, analysisSchemas } from './validatorSchemas';

/**
 * JSON Schema "pattern"s from a workspace config run on re2js, a linear-time engine: a
 * catastrophic pattern such as (a+)+$ cannot hang the server. ajv asks for the "u" flag, which
 * re2 needs no flag for. ajv shares compiled patterns by their `toString()`, so each one must
 * print as its own source: an object's default "[object Object]" made every pattern of a schema
 * set the first one compiled.
 */
const linearRegExp = Object.assign(
  (pattern: string, flags: string) => {
    const compiled = compileSafeRegex(pattern, flags.replace(/[gu]/g, ''));
    if (!compiled.ok) throw new Error(`the pattern ${JSON.stringify(pattern)} is refused: ${compiled.error}`);
    return compiled.regex;
  },
  { code: 'linearRegExp' },
);

export interface Validators {
  frontMatter: ValidateFunction;
  row(table: TableSpec): ValidateFunction | undefined;
}

const cache = new WeakMap<SchemaSet, Validators>();

let precompiledBySchema: WeakMap<object, ValidateFunction> | undefined;

/**
 * The build-time validator of a bundled schema object, found by identity: a config-merged schema
 * set keeps the bundled objects it does not replace, so those need no compiling either.
 */
function precompiledFor(schema: object): ValidateFunction | undefined {
  if (!precompiledBySchema) {
    precompiledBySchema = new WeakMap();
    for (const [name, bundled] of analysisSchemas()) {
      const validate = precompiledAnalysis[name];
      if (validate) precompiledBySchema.set(bundled, validate);
    }
  }
  return precompiledBySchema.get(schema);
}

/**
 * Compiled JSON Schema validators for a schema set. Compiling is the slow part of ajv, so it
 * happens once per schema set, not per keystroke.
 */
export function validatorsFor(schemas: SchemaSet): Validators {
  const cached = cache.get(schemas);
  if (cached) return cached;
  // Remote $refs are never fetched: no loadSchema is configured, so they fail to compile.
  // The bundled schemas are ours and use the native engine; anything merged from a config does not.
  const trusted = schemas === bundledSchemas;
  let ajv: Ajv | undefined;
  const compile = (schema: Record<string, unknown>): ValidateFunction => {
    const precompiled = precompiledFor(schema);
    if (precompiled) return precompiled;
    ajv ??= newAjv(trusted);
    return ajv.compile(schema);
  };
  const frontMatter = compile(schemas.frontMatter);
  const rows = new Map<TableSpec, ValidateFunction | undefined>();
  const validators: Validators = {
    frontMatter,
    row(table) {
      if (!rows.has(table)) rows.set(table, table.rowSchema ? compile(table.rowSchema) : undefined);
      return rows.get(table);
    },
  };
  cache.set(schemas, validators);
  return validators;
}

/**
 * Compiles every table row validator of a schema set now (a config's own schemas, at load)
 * instead of at the first analysis that meets the table.
 */
export function prepareValidators(schemas: SchemaSet): Validators {
  const validators = validatorsFor(schemas);
  for (const section of schemas.sections.sections) for (const table of section.tables ?? []) validators.row(table);
  return validators;
}

/**
 * The ajv every schema of a set is compiled with; a config's row schemas are test-compiled with
 * the same one when the config loads (config/rowSchemas.ts), so what loads also compiles here.
 * Untrusted sets match patterns with re2js, and long enums and required lists compile to loops
 * rather than to one comparison each (ajv unrolls them by default: 50,000 values took seconds).
 * The bundled schemas' build-time code (precompiledValidators) uses the same analysisAjvOptions.
 */
export function newAjv(trusted: boolean): Ajv {
  return new Ajv({
    ...analysisAjvOptions,
    ...(trusted ? {} : { code: { regExp: linearRegExp }, loopEnum: 20, loopRequired: 20 }),
  });
}

export type { ErrorObject };
