import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { SchemaSet, TableSpec } from './schemaData/types';

export interface Validators {
  frontMatter: ValidateFunction;
  row(table: TableSpec): ValidateFunction | undefined;
}

const cache = new WeakMap<SchemaSet, Validators>();

/**
 * Compiled JSON Schema validators for a schema set. Compiling is the slow part of ajv, so it
 * happens once per schema set, not per keystroke.
 */
export function validatorsFor(schemas: SchemaSet): Validators {
  const cached = cache.get(schemas);
  if (cached) return cached;
  // Remote $refs are never fetched: no loadSchema is configured, so they fail to compile.
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, verbose: true, allowUnionTypes: true });
  const frontMatter = ajv.compile(schemas.frontMatter);
  const rows = new Map<TableSpec, ValidateFunction | undefined>();
  const validators: Validators = {
    frontMatter,
    row(table) {
      if (!rows.has(table)) rows.set(table, table.rowSchema ? ajv.compile(table.rowSchema) : undefined);
      return rows.get(table);
    },
  };
  cache.set(schemas, validators);
  return validators;
}

export type { ErrorObject };
