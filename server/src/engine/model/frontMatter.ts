import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';

export interface YamlProblem {
  message: string;
  range: Range;
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
  /** Plain JavaScript value, or undefined when the YAML is broken. */
  data: unknown;
  problems: YamlProblem[];
}

const FENCE = /^---[ \t]*$/;
/** Above this many alias expansions the YAML is treated as an alias bomb, not data. */
const MAX_ALIAS_COUNT = 100;

/**
 * Finds and parses the YAML front matter. The opening fence must be the first line (after an
 * optional BOM); the closing fence is the next line that is exactly --- (or ...).
 */
export function parseFrontMatter(index: LineIndex): FrontMatter | undefined {
  const first = index.lineText(0).replace(/^\uFEFF/, '');
  if (!FENCE.test(first)) return undefined;
  let closingLine = -1;
  for (let line = 1; line < index.lineCount; line++) {
    const text = index.lineText(line);
    if (FENCE.test(text) || /^\.\.\.[ \t]*$/.test(text)) {
      closingLine = line;
      break;
    }
  }
  const contentStart = index.lineStart(1);
  if (closingLine < 0) {
    return {
      range: index.lineRange(0),
      contentStart,
      contentEnd: index.text.length,
      closingLine: index.lineCount,
      document: undefined,
      data: undefined,
      problems: [{ message: 'The front matter is not closed: add a line with --- after the last key.', range: index.lineRange(0) }],
    };
  }
  const contentEnd = index.lineStart(closingLine);
  const source = index.text.slice(contentStart, contentEnd);
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const problems: YamlProblem[] = document.errors.map((error) => {
    const [start, end] = errorSpan(source, error.code, error.message, error.pos);
    return { message: yamlMessage(error.message), range: index.rangeOf(contentStart + start, contentStart + end) };
  });
  // Even with a syntax error the parser recovers most keys; reading them keeps the stage and the
  // owner from vanishing (and every gate from re-opening) because of one bad line.
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (problems.length === 0) problems.push({ message: `The front matter cannot be read: ${error instanceof Error ? error.message : String(error)}`, range: index.lineRange(0) });
  }
  return {
    range: index.rangeOf(0, index.lineEnd(closingLine)),
    contentStart,
    contentEnd,
    closingLine,
    document: problems.length === 0 ? document : undefined,
    data,
    problems,
  };
}

/**
 * The YAML library reports an unclosed quote where the text runs out; the opening quote, and the
 * rest of its line, is where the user has to look.
 */
function errorSpan(source: string, code: string, message: string, pos: [number, number]): [number, number] {
  const quote = code === 'MISSING_CHAR' ? /closing (["'])/.exec(message)?.[1] : undefined;
  if (quote) {
    for (let at = Math.min(pos[0], source.length) - 1; at >= 0; at--) {
      const previous = source[at - 1] ?? '';
      if (source[at] === quote && (at === 0 || /[\s:\[{,-]/.test(previous))) {
        const lineEnd = source.indexOf('\n', at);
        return [at, lineEnd < 0 ? source.length : lineEnd];
      }
    }
  }
  return [pos[0], Math.max(pos[1], pos[0] + 1)];
}

/** The YAML library's first message line without its code-frame, which our range already shows. */
function yamlMessage(raw: string): string {
  const firstLine = raw.split('\n')[0] ?? raw;
  return `YAML syntax error: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`;
}

/** The node at a dotted path, for ranging a schema error to the offending key or value. */
export function nodeAtPath(document: Document.Parsed, path: readonly (string | number)[]): { key?: Node; value?: Node } | undefined {
  let current: unknown = document.contents;
  let pair: Pair | undefined;
  for (const segment of path) {
    if (isMap(current)) {
      pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment)) as Pair | undefined;
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
