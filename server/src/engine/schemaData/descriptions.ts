import { schemaText } from '../l10n';
import { bundledSchemas } from './bundled';
import type { SchemaSet } from './types';

/** The keywords whose findings quote their schema's description ("… is not a valid id: …"). */
const QUOTED_BY = ['pattern', 'format', 'anyOf', 'oneOf', 'minLength'] as const;
/** Path steps that say how a schema is nested, not what it describes. */
const STRUCTURE = new Set(['properties', 'items', 'definitions', '$defs', 'rowSchema']);

export interface SchemaDescriptionText {
  /** Catalogue key: where the description lives, e.g. schema:frontmatter.owner.name.description. */
  id: string;
  en: string;
}

/**
 * The descriptions of the bundled front matter and table schemas that findings quote, each once
 * (the first place it is written). Same list for the engine's lookup and the catalogue test.
 */
export function schemaDescriptionTexts(schemas: SchemaSet = bundledSchemas): SchemaDescriptionText[] {
  const texts = new Map<string, SchemaDescriptionText>();
  const collect = (node: unknown, prefix: string, path: string[]): void => {
    if (Array.isArray(node)) return node.forEach((item) => collect(item, prefix, path));
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const description = record['description'];
    if (typeof description === 'string' && QUOTED_BY.some((key) => key in record) && !texts.has(description))
      texts.set(description, { id: `schema:${prefix}.${path.join('.')}.description`, en: description });
    for (const [key, value] of Object.entries(record))
      if (key !== 'description') collect(value, prefix, STRUCTURE.has(key) ? path : [...path, key]);
  };
  collect(schemas.frontMatter, 'frontmatter', []);
  for (const section of schemas.sections.sections)
    for (const table of section.tables ?? []) collect(table.rowSchema, 'tables', [table.id]);
  return [...texts.values()];
}

let keys: Map<string, string> | undefined;

/**
 * A schema description in the current language. Descriptions from a workspace's own schemas have
 * no translation and stay as written.
 */
export function translatedDescription(description: string): string {
  keys ??= new Map(schemaDescriptionTexts().map((text) => [text.en, text.id]));
  const id = keys.get(description);
  return id === undefined ? description : schemaText(id.slice('schema:'.length), description);
}
