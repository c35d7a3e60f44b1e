import type { ValidateFunction } from 'ajv';

/**
 * ajv standalone validators for the bundled schemas, by the names of validatorSchemas.ts.
 * This file is the source build's stand-in (unit tests run it and compile instead); the bundles
 * replace it with code generated at build time (scripts/build.mjs, standaloneValidators.ts), so
 * the server, the CLI and its workers compile none of the bundled schemas.
 */
export const precompiledAnalysis: Readonly<Record<string, ValidateFunction>> = {};
export const precompiledConfig: Readonly<Record<string, ValidateFunction>> = {};
