import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import configSchema from '../../../../schemas/config.schema.json';
import gatesMeta from '../../../../schemas/meta/gates.schema.json';
import policyMeta from '../../../../schemas/meta/policy.schema.json';
import predicateMeta from '../../../../schemas/meta/predicate.schema.json';
import sectionsMeta from '../../../../schemas/meta/sections.schema.json';
import tiersMeta from '../../../../schemas/meta/tiers.schema.json';

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
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  ajv.addSchema(predicateMeta as object);
  return ajv;
}

/** Compiled once per process: compiling is ajv's slow part and these schemas never change. */
export function schemaValidators(): SchemaValidators {
  if (compiled) return compiled;
  const ajv = newAjv();
  compiled = {
    config: ajv.compile(configSchema as object),
    sections: ajv.compile(sectionsMeta as object),
    gates: ajv.compile(gatesMeta as object),
    tiers: ajv.compile(tiersMeta as object),
    policy: ajv.compile(policyMeta as object),
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
