import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { bundledSchemas } from '../../server/src/engine';
import type { Predicate } from '../../server/src/engine/schemaData/types';
import { REPO_ROOT } from '../helpers/fixtures';

const SCHEMAS = path.join(REPO_ROOT, 'schemas');
const read = (file: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8')) as Record<string, unknown>;

function strictAjv(): Ajv {
  const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true });
  ajv.addSchema(read('meta/predicate.schema.json'), 'predicate.schema.json');
  return ajv;
}

function facts(predicate: Predicate): string[] {
  if ('all' in predicate) return predicate.all.flatMap(facts);
  if ('any' in predicate) return predicate.any.flatMap(facts);
  if ('not' in predicate) return facts(predicate.not);
  if ('section' in predicate) return [`section:${predicate.section}`];
  return [predicate.fact];
}

describe('schemas/ data files', () => {
  for (const [data, meta] of [
    ['sections.json', 'meta/sections.schema.json'],
    ['gates.json', 'meta/gates.schema.json'],
    ['tiers.json', 'meta/tiers.schema.json'],
    ['policy.json', 'meta/policy.schema.json'],
  ] as const) {
    it(`${data} is valid against ${meta} (ajv strict mode)`, () => {
      const ajv = strictAjv();
      const validate = ajv.compile(read(meta));
      assert.ok(validate(read(data)), ajv.errorsText(validate.errors));
    });
  }

  it('the front-matter schema compiles in strict mode and describes every property', () => {
    strictAjv().compile(read('frontmatter.schema.json'));
    const undescribed: string[] = [];
    const visit = (schema: Record<string, unknown>, where: string): void => {
      const properties = schema['properties'] as Record<string, Record<string, unknown>> | undefined;
      for (const [key, child] of Object.entries(properties ?? {})) {
        if (typeof child['description'] !== 'string') undescribed.push(`${where}${key}`);
        visit(child, `${where}${key}.`);
      }
    };
    visit(read('frontmatter.schema.json'), '');
    assert.deepEqual(undescribed, []);
  });

  it('every table row schema compiles in strict mode and names only its own columns', () => {
    const ajv = strictAjv();
    for (const section of bundledSchemas.sections.sections) {
      for (const table of section.tables ?? []) {
        if (!table.rowSchema) continue;
        ajv.compile(table.rowSchema);
        const ids = new Set(table.columns.map((column) => column.id));
        const named = [
          ...Object.keys((table.rowSchema['properties'] as object | undefined) ?? {}),
          ...((table.rowSchema['required'] as string[] | undefined) ?? []),
        ];
        for (const id of named) assert.ok(ids.has(id), `${section.id}.${table.id}: ${id} is not a column`);
      }
    }
  });

  it('gates, sections and tiers refer only to stages, sections, tables and facts that exist', () => {
    const stages = new Set(bundledSchemas.gates.stages.map((stage) => stage.id));
    const sections = new Map(bundledSchemas.sections.sections.map((section) => [section.id, section]));
    const checkFact = (fact: string, where: string): void => {
      const [head, a, b, c] = fact.replace(':', '.').split('.');
      if (head === 'section') assert.ok(sections.has(a ?? ''), `${where}: unknown section ${a}`);
      else if (head === 'table') {
        const table = sections.get(a ?? '')?.tables?.find((candidate) => candidate.id === b);
        assert.ok(table, `${where}: unknown table ${a}.${b}`);
        assert.ok(c === 'rows' || table.columns.some((column) => column.id === c), `${where}: unknown column ${c}`);
      } else if (head === 'fm') {
        let schema = read('frontmatter.schema.json');
        for (const key of fact.split('.').slice(1)) {
          schema = (schema['properties'] as Record<string, Record<string, unknown>> | undefined)?.[key] ?? {};
          assert.ok(Object.keys(schema).length, `${where}: ${fact} is not in the front-matter schema`);
        }
      } else
        assert.ok(
          ['runbook', 'eval', 'rollout', 'tier', 'tierRank', 'stage'].includes(head ?? ''),
          `${where}: unknown fact ${fact}`,
        );
    };
    for (const section of sections.values()) {
      assert.ok(stages.has(section.requiredFrom), `section ${section.id}: unknown stage ${section.requiredFrom}`);
    }
    const ids = new Set<string>();
    for (const gate of bundledSchemas.gates.gates) {
      assert.ok(stages.has(gate.stage), `gate ${gate.id}: unknown stage ${gate.stage}`);
      for (const item of gate.items) {
        assert.ok(!ids.has(item.id), `duplicate gate item id ${item.id}`);
        ids.add(item.id);
        for (const predicate of [item.when, item.requires])
          if (predicate) facts(predicate).forEach((fact) => checkFact(fact, item.id));
      }
    }
    for (const tier of bundledSchemas.tiers.tiers) facts(tier.when).forEach((fact) => checkFact(fact, tier.id));
  });

  it('every section template is valid content for its own section (no table left unbound)', () => {
    for (const section of bundledSchemas.sections.sections) {
      for (const table of section.tables ?? []) {
        if (table.optional) continue;
        const header = table.columns.filter((column) => column.required).map((column) => column.title);
        for (const title of header)
          assert.ok(section.template.includes(title), `${section.id} template lacks column ${title}`);
      }
    }
  });
});
