import configSchema from '../../../../schemas/config.schema.json';
import gatesMeta from '../../../../schemas/meta/gates.schema.json';
import policyMeta from '../../../../schemas/meta/policy.schema.json';
import predicateMeta from '../../../../schemas/meta/predicate.schema.json';
import sectionsMeta from '../../../../schemas/meta/sections.schema.json';
import tiersMeta from '../../../../schemas/meta/tiers.schema.json';
import { bundledSchemas } from '../schemaData/bundled';

/**
 * The JSON Schemas agentdoc ships, by a stable name, with the ajv options each group compiles
 * with. scripts/build.mjs turns them into ajv standalone code (precompiledValidators.ts) so no
 * bundled schema compiles at run time; the same names find the precompiled function again.
 */

/** Options of the analysis validators (front matter, table rows): every error, with its data. */
export const analysisAjvOptions = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  verbose: true,
  allowUnionTypes: true,
} as const;

/** Options of the configuration validators (the config file and the meta-schemas of its data). */
export const configAjvOptions = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
} as const;

/** The predicate meta-schema the config validators $ref; added to their ajv, never exported. */
export const predicateMetaSchema = predicateMeta as Record<string, unknown>;

/** Front matter and every table row schema of the bundled catalogue. */
export function analysisSchemas(): Map<string, Record<string, unknown>> {
  const named = new Map<string, Record<string, unknown>>([['frontMatter', bundledSchemas.frontMatter]]);
  for (const section of bundledSchemas.sections.sections)
    for (const table of section.tables ?? [])
      if (table.rowSchema) named.set(`row.${section.id}.${table.id}`, table.rowSchema);
  return named;
}

export type ConfigValidatorName = 'config' | 'sections' | 'gates' | 'tiers' | 'policy';

export const configSchemas: ReadonlyMap<ConfigValidatorName, Record<string, unknown>> = new Map([
  ['config', configSchema as Record<string, unknown>],
  ['sections', sectionsMeta as Record<string, unknown>],
  ['gates', gatesMeta as Record<string, unknown>],
  ['tiers', tiersMeta as Record<string, unknown>],
  ['policy', policyMeta as Record<string, unknown>],
]);
