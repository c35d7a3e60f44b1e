import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Range } from '../types';

/** Turns a character offset range of the config text into a 0-based LSP range. */
export function offsetRange(lineCounter: LineCounter, start: number, end: number): Range {
  const a = lineCounter.linePos(start);
  const b = lineCounter.linePos(Math.max(start, end));
  return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
}

function child(node: unknown, key: string | number): { node: Node | undefined; pair?: Pair } | undefined {
  if (isMap(node)) {
    const pair = node.items.find(
      (item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === String(key),
    );
    return pair ? { node: (pair.value ?? undefined) as Node | undefined, pair: pair as Pair } : undefined;
  }
  if (isSeq(node) && typeof key === 'number') {
    const item = node.items[key];
    return item ? { node: item as Node } : undefined;
  }
  return undefined;
}

/**
 * The range of the value at a path (ajv instance path segments), or of the key itself when
 * `keyOnly` (an unknown property is best shown on its key). Falls back to the deepest node found,
 * so a problem always has a position even when the path goes beyond the document.
 */
export function pathRange(
  document: Document,
  lineCounter: LineCounter,
  path: ReadonlyArray<string | number>,
  keyOnly = false,
): Range {
  let node: unknown = document.contents;
  let best: [number, number] = [0, 0];
  const take = (candidate: unknown): void => {
    const range = (candidate as { range?: [number, number, number] } | null)?.range;
    if (range) best = [range[0], range[1]];
  };
  take(node);
  for (let index = 0; index < path.length; index++) {
    const segment = path[index]!;
    const found = child(node, isSeq(node) ? Number(segment) : segment);
    if (!found) break;
    const last = index === path.length - 1;
    if (last && keyOnly && found.pair) take(found.pair.key);
    else take(found.node ?? found.pair?.key);
    node = found.node;
  }
  return offsetRange(lineCounter, best[0], best[1]);
}

/** Splits an ajv instance path ("/gates/0/items/1") into segments, numbers as numbers. */
export function pointerSegments(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
