import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import {
  analysisAjvOptions,
  analysisSchemas,
  configAjvOptions,
  configSchemas,
  predicateMetaSchema,
} from './validatorSchemas';

/**
 * Build-time only (scripts/build.mjs and tests; never imported by the server or the CLI): the
 * ajv standalone code of every bundled schema, as two CommonJS module bodies whose exports are
 * the validators by name.
 */
export function standaloneValidatorSources(): { analysis: string; config: string } {
  const analysis = new Ajv({ ...analysisAjvOptions, code: { source: true, esm: false } });
  const analysisNames: Record<string, string> = {};
  for (const [name, schema] of analysisSchemas()) {
    analysis.addSchema(schema, name);
    analysisNames[name] = name;
  }
  const config = new Ajv({ ...configAjvOptions, code: { source: true, esm: false } });
  config.addSchema(predicateMetaSchema);
  const configNames: Record<string, string> = {};
  for (const [name, schema] of configSchemas) {
    config.addSchema(schema, name);
    configNames[name] = name;
  }
  return { analysis: standaloneCode(analysis, analysisNames), config: standaloneCode(config, configNames) };
}

/** The module that replaces precompiledValidators.ts in the bundles. */
export function precompiledValidatorsModule(): string {
  const { analysis, config } = standaloneValidatorSources();
  const wrap = (code: string) =>
    `(function () {\nconst module = { exports: {} };\nconst exports = module.exports;\n${code}\nreturn module.exports;\n})()`;
  return [
    '// Generated at build time by scripts/build.mjs from the bundled schemas (ajv standalone code).',
    `export const precompiledAnalysis = ${wrap(analysis)};`,
    `export const precompiledConfig = ${wrap(config)};`,
    '',
  ].join('\n');
}
