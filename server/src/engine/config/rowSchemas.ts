import { newAjv } from '../evaluation/validators';

/**
 * Bounds on a table row schema a config brings in. A row is a handful of cells, so a real row
 * schema is a few dozen values; the bounds only stop compile bombs (a 50,000-value enum blocked
 * the editor for seconds) and schemas that loop ($ref: "#" recursed until the stack overflowed
 * in every document).
 */
export const MAX_ROW_SCHEMA_VALUES = 5000;
export const MAX_ROW_SCHEMA_DEPTH = 32;

interface Measure {
  values: number;
  depth: number;
}

/**
 * Why a config's row schema cannot be used, or undefined when it can: too large or too deep once
 * its local $refs are followed, a $ref that loops or points nowhere, or anything the analysis's
 * own ajv refuses to compile (a pattern re2js cannot run, an unknown keyword). Runs at config
 * load, so a problem is reported on the config once instead of as an internal error in every
 * document.
 */
export function rowSchemaProblem(schema: unknown): string | undefined {
  let measured: Measure | string;
  try {
    measured = measure(schema);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (typeof measured === 'string') return measured;
  if (measured.values > MAX_ROW_SCHEMA_VALUES)
    return `the row schema is too large (${measured.values.toLocaleString('en-US')} values with its $refs followed; at most ${MAX_ROW_SCHEMA_VALUES.toLocaleString('en-US')})`;
  if (measured.depth > MAX_ROW_SCHEMA_DEPTH)
    return `the row schema is nested too deep (${measured.depth} levels with its $refs followed; at most ${MAX_ROW_SCHEMA_DEPTH})`;
  try {
    newAjv(false).compile(schema as object);
    return undefined;
  } catch (error) {
    return `the row schema does not compile: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Values and depth of a schema with every local $ref replaced by its target, computed without
 * expanding anything (each target is measured once), so an exponential fan-out of $refs is
 * measured, not built. A $ref met again while its own target is being measured is a loop.
 */
function measure(root: unknown): Measure | string {
  const done = new Map<unknown, Measure>();
  const active = new Set<unknown>();
  const visit = (node: unknown, level: number): Measure => {
    if (level > MAX_ROW_SCHEMA_DEPTH) return { values: 1, depth: level };
    if (node === null || typeof node !== 'object') return { values: 1, depth: 0 };
    const known = done.get(node);
    if (known) return known;
    if (active.has(node))
      throw new Error('the row schema refers to itself ($ref loop): it would never finish validating');
    active.add(node);
    let values = 1;
    let depth = 0;
    const entries: Array<[string | undefined, unknown]> = Array.isArray(node)
      ? node.map((value): [undefined, unknown] => [undefined, value])
      : Object.entries(node);
    for (const [key, value] of entries) {
      const target = key === '$ref' && typeof value === 'string' ? resolve(root, value) : value;
      const inner = visit(target, level + 1);
      values += inner.values;
      if (values > MAX_ROW_SCHEMA_VALUES) break;
      depth = Math.max(depth, inner.depth + 1);
    }
    active.delete(node);
    const result = { values, depth };
    done.set(node, result);
    return result;
  };
  return visit(root, 0);
}

/** The node a local JSON pointer reference ("#", "#/definitions/x") names; throws when none. */
function resolve(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#'))
    throw new Error(`"${ref}" points outside the row schema; only local references ("#/…") are allowed`);
  let node = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part))
      throw new Error(`the $ref "${ref}" names nothing in the row schema`);
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
