import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/fixtures';

interface CatalogEntry {
  name: string;
  description: string;
  fileMatch?: string[];
  url: string;
}

const read = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')) as Record<string, unknown>;
const catalog = read('schemas/catalog.json') as { $schema: string; version: number; schemas: CatalogEntry[] };
/** The published schemas, by the file they are published from. */
const PUBLISHED = { config: 'schemas/config.schema.json', frontMatter: 'schemas/frontmatter.schema.json' } as const;

/** A validator as another editor builds it: a fresh strict ajv with nothing but the one schema. */
function standalone(file: string): ValidateFunction {
  return new Ajv({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true }).compile(read(file));
}

function frontMatterOf(markdown: string): unknown {
  return parse(markdown.split('\n---\n')[0]!.replace(/^---\n/, ''));
}

function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [inner] : refs(inner),
  );
}

describe('published schemas: frontmatter and config, with a SchemaStore catalogue entry', () => {
  it('the catalogue (schemas/catalog.json) names each schema by its stable $id', () => {
    assert.equal(catalog.$schema, 'https://json.schemastore.org/schema-catalog.json');
    assert.deepEqual(
      catalog.schemas.map((entry) => entry.url),
      [read(PUBLISHED.config)['$id'], read(PUBLISHED.frontMatter)['$id']],
    );
    for (const entry of catalog.schemas) {
      assert.match(entry.url, /^https:\/\/json\.schemastore\.org\/agentdoc-[a-z]+\.json$/);
      assert.ok(entry.name && entry.description.length > 20);
    }
    assert.deepEqual(catalog.schemas[0]!.fileMatch, ['.agentdoc.yaml', '.agentdoc.yml', '.agentdoc.json']);
  });

  it('each schema is self-contained: it compiles alone in strict mode, every $ref points inside it', () => {
    for (const file of Object.values(PUBLISHED)) {
      assert.deepEqual(
        refs(read(file)).filter((ref) => !ref.startsWith('#')),
        [],
        `${file} refers outside itself`,
      );
      standalone(file);
    }
  });

  it('the front-matter schema accepts the good examples and reports the broken one', () => {
    const validate = standalone(PUBLISHED.frontMatter);
    for (const name of ['complete.agentdoc.md', 'pilot.agentdoc.md']) {
      const valid = validate(frontMatterOf(fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8')));
      assert.ok(valid, `${name}: ${JSON.stringify(validate.errors)}`);
    }
    const broken = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'broken-schema.agentdoc.md'), 'utf8');
    assert.equal(validate(frontMatterOf(broken)), false);
    assert.ok(validate.errors?.some((error) => error.instancePath === '/stage'));
  });

  it('the config schema accepts the documented example config and rejects a wrong severity', () => {
    const validate = standalone(PUBLISHED.config);
    const cliDoc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'cli.md'), 'utf8');
    const documented = /```yaml\n(# \.agentdoc\.yaml\n[\s\S]*?)```/.exec(cliDoc);
    assert.ok(documented, 'docs/cli.md has no example .agentdoc.yaml');
    const config = parse(documented[1]!) as Record<string, unknown>;
    assert.ok(validate(config), JSON.stringify(validate.errors));
    assert.equal(validate({ ...config, rules: { AD100: 'loud' } }), false);
  });
});
