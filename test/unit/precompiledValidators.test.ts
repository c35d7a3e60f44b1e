import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { analyze } from '../../server/src/engine';
import { validatorsFor } from '../../server/src/engine/evaluation/validators';
import { standaloneValidatorSources } from '../../server/src/engine/evaluation/standaloneValidators';
import {
  analysisAjvOptions,
  analysisSchemas,
  configAjvOptions,
  configSchemas,
  predicateMetaSchema,
} from '../../server/src/engine/evaluation/validatorSchemas';
import { bundledSchemas } from '../../server/src/engine/schemaData/bundled';
import type { TableSpec } from '../../server/src/engine/schemaData/types';
import { FIXTURE_DIR } from '../helpers/fixtures';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Evaluates one generated CommonJS module body, as the bundles do. */
function load(code: string): Record<string, ValidateFunction> {
  const module = { exports: {} as Record<string, ValidateFunction> };
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  return module.exports;
}

function documents(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) files.push(full);
    }
  };
  walk(FIXTURE_DIR);
  walk(path.join(ROOT, 'examples'));
  return files;
}

/**
 * Every value the analysis validates on the fixtures and examples, caught by wrapping the
 * (compiled) validators of the source build while analysing them.
 */
function validatedValues(): Map<object, unknown[]> {
  const validators = validatorsFor(bundledSchemas);
  const seen = new Map<object, unknown[]>();
  const record = (schema: object, data: unknown) => {
    seen.set(schema, [...(seen.get(schema) ?? []), structuredClone(data)]);
  };
  const wrap = (schema: object, validate: ValidateFunction): ValidateFunction => {
    const wrapped = ((data: unknown) => {
      record(schema, data);
      const valid = validate(data);
      wrapped.errors = validate.errors ?? null;
      return valid;
    }) as ValidateFunction;
    return wrapped;
  };
  const { frontMatter, row } = validators;
  validators.frontMatter = wrap(bundledSchemas.frontMatter, frontMatter);
  validators.row = (table: TableSpec) => {
    const validate = row(table);
    return validate && table.rowSchema ? wrap(table.rowSchema, validate) : validate;
  };
  try {
    for (const file of documents()) analyze(fs.readFileSync(file, 'utf8'), { today: '2026-06-01' });
  } finally {
    validators.frontMatter = frontMatter;
    validators.row = row;
  }
  return seen;
}

/** A few wrong values on top of the real ones: every property with a wrong type, and nothing. */
function variants(values: unknown[]): unknown[] {
  const wrong = values.flatMap((value) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? [
          Object.fromEntries(Object.keys(value).map((key) => [key, 12345])),
          Object.fromEntries(Object.keys(value).map((key) => [key, 'not-an-enum-value'])),
        ]
      : [],
  );
  return [...values, ...wrong, {}, [], 'text', null];
}

describe('precompiled validators (ajv standalone, generated at build time)', () => {
  const sources = standaloneValidatorSources();

  it('give the same errors as compiled ones on every value the fixtures and examples validate', () => {
    const precompiled = load(sources.analysis);
    const seen = validatedValues();
    assert.ok(seen.size >= 5, `only ${seen.size} schemas met on the fixtures`);
    const ajv = new Ajv(analysisAjvOptions);
    let compared = 0;
    for (const [name, schema] of analysisSchemas()) {
      const standalone = precompiled[name];
      assert.ok(standalone, `no precompiled validator for ${name}`);
      const compiled = ajv.compile(schema);
      for (const data of variants(seen.get(schema) ?? [])) {
        const expected = compiled(data);
        assert.equal(standalone(data), expected, `${name}: valid or not differs for ${JSON.stringify(data)}`);
        assert.deepEqual(standalone.errors ?? null, compiled.errors ?? null, `${name}: errors differ`);
        compared++;
      }
    }
    assert.ok(compared > 100, `only ${compared} values compared`);
  });

  it('give the same errors as compiled ones for the configuration and its data', () => {
    const precompiled = load(sources.config);
    const ajv = new Ajv(configAjvOptions);
    ajv.addSchema(predicateMetaSchema);
    const samples: Record<string, unknown[]> = {
      config: [{}, { rules: { AD100: 'off' } }, { rules: { X: 1 } }, { stage: 3, unknown: true }],
      sections: [bundledSchemas.sections, { version: 2, sections: [{ id: 1 }] }],
      gates: [bundledSchemas.gates, { version: 1, stages: 'x' }],
      tiers: [bundledSchemas.tiers, { tiers: [{}] }],
      policy: [bundledSchemas.policy, { nope: true }],
    };
    for (const [name, schema] of configSchemas) {
      const compiled = ajv.compile(schema);
      const standalone = precompiled[name];
      assert.ok(standalone, `no precompiled validator for ${name}`);
      for (const data of samples[name] ?? []) {
        assert.equal(standalone(data), compiled(data), `${name}: valid or not differs`);
        assert.deepEqual(standalone.errors ?? null, compiled.errors ?? null, `${name}: errors differ`);
      }
    }
  });

  it('are what the bundles ship: the server, the CLI and its worker carry the generated module', function () {
    const bundles = ['server.js', 'cli.js', 'cli-worker.js', 'index-worker.js'].map((name) =>
      path.join(ROOT, 'dist', name),
    );
    if (!bundles.every((file) => fs.existsSync(file))) this.skip();
    for (const file of bundles) {
      const text = fs.readFileSync(file, 'utf8');
      assert.match(
        text,
        // The generated front-matter validator's own error path: ajv writes it only into code it
        // generates, so it is in the bundle text only when the build put that code there (minified or not).
        /schemaPath:\s*"#\/properties\/stage\/enum"/,
        `${file}: the stand-in was bundled, not the generated code`,
      );
      assert.match(
        text,
        /schemaPath:\s*"#\/properties\/rules\/propertyNames"/,
        `${file}: config validators are not precompiled`,
      );
    }
  });
});
