import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { precompiledConfig } from '../evaluation/precompiledValidators';
import {
  configAjvOptions,
  configSchemas,
  predicateMetaSchema,
  type ConfigValidatorName,
} from '../evaluation/validatorSchemas';

export interface SchemaValidators {
  config: ValidateFunction;
  sections: ValidateFunction;
  gates: ValidateFunction;
  tiers: ValidateFunction;
  policy: ValidateFunction;
}

let compiled: SchemaValidators | undefined;

function newAjv(): Ajv {
  // No loadSchema: a $ref to anything not added here fails to compile instead of being fetched.
  const ajv = new Ajv(configAjvOptions);
  ajv.addSchema(predicateMetaSchema);
  return ajv;
}

/**
 * Precompiled at build time in the bundles (precompiledValidators.ts); compiled once per process
 * where they are not (the source build the unit tests run), since these schemas never change.
 */
export function schemaValidators(): SchemaValidators {
  if (compiled) return compiled;
  let ajv: Ajv | undefined;
  const get = (name: ConfigValidatorName): ValidateFunction =>
    precompiledConfig[name] ?? (ajv ??= newAjv()).compile(configSchemas.get(name) as object);
  compiled = {
    config: get('config'),
    sections: get('sections'),
    gates: get('gates'),
    tiers: get('tiers'),
    policy: get('policy'),
  };
  return compiled;
}

/** One readable sentence per ajv error; oneOf/anyOf noise is left out when a precise error exists. */
export function describeErrors(
  errors: readonly ErrorObject[] | null | undefined,
): Array<{ pointer: string; message: string; key?: string }> {
  const list = errors ?? [];
  // Errors carrying propertyName are ajv's inner detail of a propertyNames failure, reported once below.
  const precise = list.filter(
    (error) => !['oneOf', 'anyOf', 'if'].includes(error.keyword) && error.propertyName === undefined,
  );
  return (precise.length ? precise : list)
    .map((error) => {
      const params = error.params as Record<string, unknown>;
      if (error.keyword === 'additionalProperties') {
        const key = String(params['additionalProperty']);
        return {
          pointer: `${error.instancePath}/${key}`,
          key,
          message: `unknown key "${key}"${where(error.instancePath)}`,
        };
      }
      if (error.keyword === 'enum') {
        const allowed = (params['allowedValues'] as unknown[]).map((value) => JSON.stringify(value)).join(', ');
        return { pointer: error.instancePath, message: `${label(error.instancePath)} must be one of ${allowed}` };
      }
      if (error.keyword === 'propertyNames') {
        const key = String(params['propertyName']);
        return {
          pointer: `${error.instancePath}/${key}`,
          key,
          message: `"${key}" is not a rule code (AD followed by three digits)`,
        };
      }
      return { pointer: error.instancePath, message: `${label(error.instancePath)} ${error.message ?? 'is invalid'}` };
    })
    .filter(
      (entry, index, all) =>
        all.findIndex((other) => other.pointer === entry.pointer && other.message === entry.message) === index,
    );
}

function label(pointer: string): string {
  return pointer ? `"${pointer.slice(1).replace(/\//g, '.')}"` : 'the configuration';
}

function where(pointer: string): string {
  return pointer ? ` in "${pointer.slice(1).replace(/\//g, '.')}"` : '';
}
