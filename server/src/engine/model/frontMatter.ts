import { msg } from '../l10n';
import {
  LineCounter,
  parseDocument,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import type { LineIndex } from '../text/lineIndex';
import { explainYamlError } from './yamlExplain';
import type { Range } from '../types';

export interface YamlProblem {
  message: string;
  range: Range;
  /** The one repair that makes sense for a common mistake, as a replacement of `range`-free text. */
  repair?: { title: string; range: Range; text: string };
}

export interface FrontMatter {
  /** Range of the whole block including the --- fences. */
  range: Range;
  /** Offset where the YAML content begins (the line after the opening fence). */
  contentStart: number;
  /** Offset of the closing fence line. */
  contentEnd: number;
  /** Line of the closing fence, where a new key is inserted before. */
  closingLine: number;
  document: Document.Parsed | undefined;
  /**
   * The parser's best reading even when the YAML has errors: only for placing findings (an id the
   * parser recovered still has its line), never for facts.
   */
  recovered?: Document.Parsed;
  /** Plain JavaScript value, or undefined when the YAML is broken. */
  data: unknown;
  problems: YamlProblem[];
}

const FENCE = /^---[ \t]*$/;
/** Above this many alias expansions the YAML is treated as an alias bomb, not data. */
const MAX_ALIAS_COUNT = 100;
/**
 * Front matter nested deeper than this is not converted to data: yaml's toJS recurses per level
 * (a 10,000-level `[[[[…` would overflow the stack) and no agent doc needs more than a few levels.
 */
export const MAX_DEPTH = 100;
/**
 * Collection keys (`? [a, b]: …`) nested in collection keys make toJS stringify every level into
 * its parent's key, re-escaping each time: the cost grows exponentially (100 levels took 1.2 s).
 */
const MAX_KEY_NESTING = 8;
/** At most this many YAML errors become findings; one more problem says how many were left out. */
const MAX_PROBLEMS = 50;

/**
 * Finds and parses the YAML front matter. The opening fence must be the first line (after an
 * optional BOM); the closing fence is the next line that is exactly --- (or ...).
 */
export function parseFrontMatter(index: LineIndex, maxDepth = MAX_DEPTH): FrontMatter | undefined {
  const closingLine = closingFence(index);
  if (closingLine === undefined) return undefined;
  if (closingLine < 0) return readFrontMatter(index, maxDepth, closingLine);
  // Everything the result depends on: the lines up to the closing fence (a body edit leaves them).
  const key = `${maxDepth}\u0000${index.text.slice(0, index.lineEnd(closingLine))}`;
  const cached = parsed.get(key);
  if (cached) {
    parsed.delete(key);
    parsed.set(key, cached);
    return cached;
  }
  const result = readFrontMatter(index, maxDepth, closingLine);
  if (!result) return undefined;
  parsed.set(key, result);
  if (parsed.size > PARSED_LIMIT) parsed.delete(parsed.keys().next().value as string);
  return result;
}

/**
 * The last front matters parsed, by their text: most keystrokes are in the body and leave the
 * front matter as it was, so its YAML is not parsed again (a tenth of a 2,000-line document's
 * analysis). Results are only read downstream, never changed, so sharing them is safe.
 */
const parsed = new Map<string, FrontMatter>();
const PARSED_LIMIT = 16;

/** The closing fence's line: undefined without an opening fence, -1 when it is never closed. */
function closingFence(index: LineIndex): number | undefined {
  const first = index.lineText(0).replace(/^\uFEFF/, '');
  if (!FENCE.test(first)) return undefined;
  for (let line = 1; line < index.lineCount; line++) {
    const text = index.lineText(line);
    if (FENCE.test(text) || /^\.\.\.[ \t]*$/.test(text)) return line;
  }
  return -1;
}

/** parseFrontMatter without the cache (exported for the test that compares the two). */
export function readFrontMatter(
  index: LineIndex,
  maxDepth = MAX_DEPTH,
  closingLine = closingFence(index),
): FrontMatter | undefined {
  if (closingLine === undefined) return undefined;
  const contentStart = index.lineStart(1);
  if (closingLine < 0) {
    return {
      range: index.lineRange(0),
      contentStart,
      contentEnd: index.text.length,
      closingLine: index.lineCount,
      document: undefined,
      data: undefined,
      problems: [
        {
          message: msg(
            'frontMatter.frontMatterNotClosed',
            'The front matter is not closed: add a line with --- after the last key.',
          ),
          range: index.lineRange(0),
        },
      ],
    };
  }
  const contentEnd = index.lineStart(closingLine);
  // A lone \r ends a line for LSP, the line index and markdown-it but not for the yaml library;
  // turning it into \n keeps every offset (same length) and makes all four agree on lines.
  const source = index.text.slice(contentStart, contentEnd).replace(/\r(?!\n)/g, '\n');
  const cannotRead = (reason: string): YamlProblem => ({
    message: msg('frontMatter.frontMatterCannotBe', 'The front matter cannot be read: {reason}', { reason }),
    range: index.lineRange(0),
  });
  // The yaml parser recurses per nesting level; thousands of levels exhaust the stack (a regex
  // compiled that deep even aborts the process), so such text is refused before it is parsed.
  const textDepth = textNestingDepth(source);
  if (textDepth > maxDepth) {
    return {
      range: index.rangeOf(0, index.lineEnd(closingLine)),
      contentStart,
      contentEnd,
      closingLine,
      document: undefined,
      data: undefined,
      problems: [cannotRead(nestedTooDeep(maxDepth))],
    };
  }
  let document: Document.Parsed;
  try {
    // logLevel 'error': yaml would otherwise print process warnings (e.g. for collection keys)
    // to the language server's stderr for every keystroke.
    document = parseDocument(source, {
      lineCounter: new LineCounter(),
      prettyErrors: false,
      uniqueKeys: true,
      strict: true,
      logLevel: 'error',
    });
  } catch (error) {
    // yaml reports most failures as document errors; this keeps any it throws (e.g. a RangeError
    // from deep recursion) a finding instead of an exception.
    return {
      range: index.rangeOf(0, index.lineEnd(closingLine)),
      contentStart,
      contentEnd,
      closingLine,
      document: undefined,
      data: undefined,
      problems: [cannotRead(errorText(error))],
    };
  }
  const problems: YamlProblem[] = document.errors.slice(0, MAX_PROBLEMS).map((error) => {
    const explained = explainYamlError(source, error, 2);
    if (explained) {
      const { repair } = explained;
      return {
        message: explained.message,
        range: index.rangeOf(contentStart + explained.start, contentStart + explained.end),
        ...(repair
          ? {
              repair: {
                title: repair.title,
                range: index.rangeOf(contentStart + repair.start, contentStart + repair.end),
                text: repair.text,
              },
            }
          : {}),
      };
    }
    const [start, end] = errorSpan(source, error.pos);
    return { message: yamlMessage(error.message), range: index.rangeOf(contentStart + start, contentStart + end) };
  });
  const more = document.errors.length - MAX_PROBLEMS;
  if (more > 0)
    problems.push({
      message: msg(
        'frontMatter.yamlSyntaxErrorMore',
        'YAML syntax error: {more} more errors in the front matter are not listed.',
        { more: more.toLocaleString('en-US') },
      ),
      range: problems[problems.length - 1]?.range ?? index.lineRange(0),
    });
  // Even with a syntax error the parser recovers most keys; reading them keeps the stage and the
  // owner from vanishing (and every gate from re-opening) because of one bad line.
  let data: unknown;
  const tooDeep = nestingProblem(document, maxDepth);
  if (tooDeep) {
    problems.push(cannotRead(tooDeep));
  } else {
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (problems.length === 0) problems.push(cannotRead(errorText(error)));
    }
  }
  return {
    range: index.rangeOf(0, index.lineEnd(closingLine)),
    contentStart,
    contentEnd,
    closingLine,
    document: problems.length === 0 ? document : undefined,
    ...(problems.length && !tooDeep ? { recovered: document } : {}),
    data,
    problems,
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Why the parsed tree is too deep to convert safely, walking it without recursion; or undefined. */
function nestingProblem(document: Document.Parsed, maxDepth: number): string | undefined {
  const stack: { node: unknown; depth: number; keyNesting: number }[] = [
    { node: document.contents, depth: 0, keyNesting: 0 },
  ];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node, depth, keyNesting } = entry;
    if (!isCollection(node)) continue;
    if (depth > maxDepth) return nestedTooDeep(maxDepth);
    if (keyNesting > MAX_KEY_NESTING)
      return msg('frontMatter.keysNestedTooDeep', 'it nests collections used as keys more than {levels} levels deep.', {
        levels: MAX_KEY_NESTING,
      });
    for (const item of node.items) {
      if (isPair(item)) {
        stack.push({ node: item.key, depth: depth + 1, keyNesting: keyNesting + (isCollection(item.key) ? 1 : 0) });
        stack.push({ node: item.value, depth: depth + 1, keyNesting });
      } else {
        stack.push({ node: item, depth: depth + 1, keyNesting });
      }
    }
  }
  return undefined;
}

/** The parser's error span, widened so it never splits a surrogate pair. (Unclosed quotes are placed by yamlExplain.) */
function errorSpan(source: string, pos: [number, number]): [number, number] {
  const start = pos[0];
  let end = Math.max(pos[1], start + 1);
  // One past an emoji's first half would split its surrogate pair (an invalid UTF-16 position).
  if (isLowSurrogate(source.charCodeAt(end)) && isHighSurrogate(source.charCodeAt(end - 1))) end++;
  return [
    isLowSurrogate(source.charCodeAt(start)) && isHighSurrogate(source.charCodeAt(start - 1)) ? start - 1 : start,
    end,
  ];
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The YAML library's first message line without its code-frame, which our range already shows. */
function yamlMessage(raw: string): string {
  const firstLine = raw.split('\n')[0] ?? raw;
  // The library's own wording stays English: it has no translations.
  return msg('frontMatter.yamlSyntaxError', 'YAML syntax error: {reason}', {
    reason: firstLine.replace(/ at line \d+, column \d+:?$/, ''),
  });
}

/** The node at a dotted path, for ranging a schema error to the offending key or value. */
export function nodeAtPath(
  document: Document.Parsed,
  path: readonly (string | number)[],
): { key: Node | undefined; value: Node | undefined } | undefined {
  let current: unknown = document.contents;
  let pair: Pair | undefined;
  for (const segment of path) {
    if (isMap(current)) {
      pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment)) as
        Pair | undefined;
      if (!pair) return undefined;
      current = pair.value;
    } else if (isSeq(current) && typeof segment === 'number') {
      current = current.items[segment];
      pair = undefined;
    } else {
      return undefined;
    }
  }
  return { key: pair?.key as Node | undefined, value: current as Node | undefined };
}

/** Source offsets [start, end) of a YAML node, relative to the front matter content. */
export function nodeSpan(node: Node | undefined): [number, number] | undefined {
  const range = node?.range;
  return range ? [range[0], range[1]] : undefined;
}

/**
 * An upper bound of the YAML nesting, read from the text alone: open flow brackets, "? " complex
 * key markers and "- " entries at a line start, and indentation (in steps of two spaces). Quoted
 * text and comments do not count.
 */
export function textNestingDepth(source: string): number {
  let max = 0;
  let flow = 0;
  let quote = '';
  let lineStart = true;
  let lead = 0;
  let markers = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\n') {
      lineStart = true;
      lead = 0;
      markers = 0;
      if (quote === "'") quote = '';
      continue;
    }
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (lineStart) {
      if (ch === ' ') {
        lead++;
        continue;
      }
      if ((ch === '?' || ch === '-') && source[i + 1] === ' ') {
        markers++;
        i++;
        max = Math.max(max, Math.floor(lead / 2) + markers + flow);
        continue;
      }
      lineStart = false;
      max = Math.max(max, Math.floor(lead / 2) + markers + flow);
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && /\s/.test(source[i - 1] ?? ' ')) {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end - 1;
    } else if (ch === '[' || ch === '{') max = Math.max(max, ++flow + Math.floor(lead / 2) + markers);
    else if (ch === ']' || ch === '}') flow = Math.max(0, flow - 1);
  }
  return max;
}

function nestedTooDeep(levels: number): string {
  return msg(
    'frontMatter.nestedTooDeep',
    'it is nested more than {levels} levels deep (setting agentdoc.maxYamlNesting).',
    { levels },
  );
}
