import { msg } from '../l10n';
import { isMap, type Node } from 'yaml';
import { nodeAtPath } from '../model/frontMatter';
import type { DocumentModel } from '../model/documentModel';
import type { FixSuggestion } from '../types';
import { slugify } from '../skeleton';

/** Marks the inserted value as something to fill in; the placeholder checks keep the item open. */
const PLACEHOLDER = 'TODO';

/**
 * Inserts a missing front-matter key (and any missing parents) as new lines: into the nearest
 * existing block mapping, or before the closing fence. Never rewrites an existing line; when the
 * parent is a scalar or a flow mapping there is no safe insertion, so there is no fix.
 */
export function frontMatterKeyFix(model: DocumentModel, dottedPath: string): FixSuggestion | undefined {
  const frontMatter = model.frontMatter;
  if (!frontMatter?.document) return undefined;
  const path = dottedPath.split('.');
  // The key is there already (perhaps as a placeholder): inserting it again would duplicate it.
  if (nodeAtPath(frontMatter.document, path)) return undefined;
  const eol = model.index.eol;
  const root = frontMatter.document.contents;
  if (root !== null && !isMap(root)) return undefined;
  let parentDepth = 0;
  let parent: Node | null = root;
  for (let depth = path.length - 1; depth > 0; depth--) {
    const found = nodeAtPath(frontMatter.document, path.slice(0, depth));
    if (found?.value) {
      parentDepth = depth;
      parent = found.value;
      break;
    }
  }
  if (parentDepth === path.length) return undefined;
  if (parent && !isMap(parent)) return undefined;
  if (parent && isMap(parent) && parent.flow) return undefined;
  const existing = parent && isMap(parent) ? parent.items : [];
  const firstKey = existing[0]?.key as Node | undefined;
  const indent = firstKey?.range ? mappingIndent(model, frontMatter.contentStart + firstKey.range[0]) : parentDepth * 2;
  if (indent === undefined) return undefined;
  const lines = path
    .slice(parentDepth)
    .map((key, i, rest) => `${' '.repeat(indent + i * 2)}${key}:${i === rest.length - 1 ? ` ${PLACEHOLDER}` : ''}`);
  let line = frontMatter.closingLine;
  if (parent && parentDepth > 0 && parent.range) {
    const lastContent = model.index.positionAt(
      frontMatter.contentStart + Math.max(parent.range[0], parent.range[1] - 1),
    );
    line = Math.min(lastContent.line + 1, frontMatter.closingLine);
    // A block map's range ends after its line break: step back to the line that holds its last value.
    if (
      model.index.lineStart(lastContent.line) === frontMatter.contentStart + parent.range[1] - 1 &&
      lastContent.character === 0
    )
      line = lastContent.line;
  }
  const createsParent = parentDepth < path.length - 1;
  return {
    title: msg('frontMatterInsertion.addFrontMatter', 'Add "{dottedPath}" to the front matter', { dottedPath }),
    insertions: [{ position: { line, character: 0 }, text: lines.join(eol) + eol }],
    safe: true,
    // At a shared position (the end of a mapping that is also the end of the front matter), the
    // more indented line continues that mapping and must come before any new top-level key.
    sortKey: -indent,
    // Two fixes that both create "rollback:" would write it twice; fix-all applies one per parent.
    ...(createsParent ? { conflictKey: `front-matter:${path.slice(0, parentDepth + 1).join('.')}` } : {}),
  };
}

/**
 * A block mapping's indentation from its first key: the spaces before it on its line. The key
 * node starts after its anchor (`&o name:`), its tag (`!!str name:`) or the `? ` of an explicit
 * key, so the key's own column would indent the new lines too far. Anything else before the key
 * on its line (a `- ` of a sequence, another key) means no safe insertion: undefined.
 */
function mappingIndent(model: DocumentModel, keyOffset: number): number | undefined {
  const position = model.index.positionAt(keyOffset);
  const before = model.index.lineText(position.line).slice(0, position.character);
  const indent = before.length - before.trimStart().length;
  return /^(?:(?:[&!][^\s]*|\?)[ \t]+)*$/.test(before.slice(indent)) ? indent : undefined;
}

/** Nested YAML lines for dotted keys, each holding the placeholder (or a given value). */
function yamlTree(entries: ReadonlyArray<[string, string]>, eol: string): string {
  const tree = new Map<string, unknown>();
  const values = new Map(entries);
  for (const [key] of entries) {
    let node = tree;
    for (const part of key.split('.')) {
      if (!node.has(part)) node.set(part, new Map());
      node = node.get(part) as Map<string, unknown>;
    }
  }
  const lines: string[] = [];
  const render = (node: Map<string, unknown>, depth: number, path: string[]): void => {
    for (const [key, child] of node) {
      const children = child as Map<string, unknown>;
      const full = [...path, key].join('.');
      lines.push(`${'  '.repeat(depth)}${key}:${children.size === 0 ? ` ${values.get(full) ?? PLACEHOLDER}` : ''}`);
      render(children, depth + 1, [...path, key]);
    }
  };
  render(tree, 0, []);
  return lines.join(eol) + eol;
}

/**
 * The whole front matter for a document that has none: what the document says already (its
 * title) and a placeholder for every key the waiting items read.
 */
export function frontMatterSkeletonFix(model: DocumentModel, keys: readonly string[]): FixSuggestion {
  const eol = model.index.eol;
  const title = model.title?.text.replace(/[\r\n]/g, ' ').trim();
  const known: Array<[string, string]> = [
    ['agentdoc', '1'],
    ['id', title ? JSON.stringify(slugify(title)) : PLACEHOLDER],
    ['name', title ? JSON.stringify(title) : PLACEHOLDER],
    ['stage', 'pilot'],
  ];
  const required = [
    'owner.name',
    'owner.responsibilities',
    'risk.personal_data',
    'risk.customer_facing',
    'risk.financial_impact',
    'risk.eu_ai_act.class',
  ];
  const rest = [...new Set([...required, ...keys])]
    .filter((key) => !known.some(([name]) => name === key))
    .map((key): [string, string] => [key, PLACEHOLDER]);
  return {
    title: msg('frontMatterInsertion.insertFrontMatter', 'Insert the front matter'),
    insertions: [
      { position: { line: 0, character: 0 }, text: `---${eol}${yamlTree([...known, ...rest], eol)}---${eol}${eol}` },
    ],
    safe: false,
  };
}

/**
 * A whole missing top-level block with the keys that items need, each holding the placeholder, as
 * new lines before the closing fence: `rollback:` / `  trigger_metric: TODO` / …
 */
export function frontMatterBlockFix(model: DocumentModel, keys: readonly string[]): FixSuggestion | undefined {
  const frontMatter = model.frontMatter;
  if (!frontMatter?.document || frontMatter.closingLine >= model.index.lineCount) return undefined;
  const root = frontMatter.document.contents;
  if (root !== null && (!isMap(root) || root.flow)) return undefined;
  const tree = new Map<string, unknown>();
  for (const key of keys) {
    let node = tree;
    for (const part of key.split('.')) {
      if (!node.has(part)) node.set(part, new Map());
      node = node.get(part) as Map<string, unknown>;
    }
  }
  const lines: string[] = [];
  const render = (node: Map<string, unknown>, depth: number): void => {
    for (const [key, child] of node) {
      const children = child as Map<string, unknown>;
      lines.push(`${'  '.repeat(depth)}${key}:${children.size === 0 ? ` ${PLACEHOLDER}` : ''}`);
      render(children, depth + 1);
    }
  };
  render(tree, 0);
  const block = keys[0]?.split('.')[0] ?? '';
  return {
    title: msg('frontMatterInsertion.addBlockFrontMatter', 'Add the "{block}" block to the front matter', { block }),
    insertions: [
      {
        position: { line: frontMatter.closingLine, character: 0 },
        text: lines.join(model.index.eol) + model.index.eol,
      },
    ],
    safe: true,
    conflictKey: `front-matter:${block}`,
  };
}
