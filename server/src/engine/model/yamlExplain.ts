import { msg } from '../l10n';
import { LineIndex } from '../text/lineIndex';

/**
 * Plain explanations for the YAML mistakes people make in front matter. The yaml library reports
 * what its parser saw ("Unexpected scalar at node end"); a writer needs the cause, the place and,
 * where only one repair makes sense, a quick fix. Everything here works on the front-matter text
 * and returns offsets into it; line numbers in messages are the document's.
 */

export interface YamlRepair {
  title: string;
  /** Replace [start, end) of the front-matter text with `text`. */
  start: number;
  end: number;
  text: string;
}

export interface YamlExplanation {
  message: string;
  start: number;
  end: number;
  repair?: YamlRepair;
}

interface YamlError {
  code: string;
  message: string;
  pos: [number, number];
}

interface Line {
  number: number;
  shown: number;
  start: number;
  text: string;
}

const KEY_LINE = /^(\s*)(- +)?([A-Za-z_][\w.-]*):(?=\s|$)/;
const INDENT = /^[ \t]*/;

/** The explanation for one parser error, or undefined to keep the parser's own words. */
export function explainYamlError(source: string, error: YamlError, firstLine: number): YamlExplanation | undefined {
  const lines = splitLines(source, firstLine);
  const line = lineAt(lines, Math.min(error.pos[0], Math.max(0, source.length - 1)));
  if (!line) return undefined;
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return tabIndent(line);
    case 'DUPLICATE_KEY':
      return duplicateKey(lines, line);
    case 'BAD_INDENT':
      return unclosedFlow(lines, line, error.message) ?? misalignedKey(lines, line);
    case 'MISSING_CHAR':
      if (/^Missing closing/.test(error.message)) return unclosedQuote(lines, source, error);
      return missingSpace(line);
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
      return (
        missingSpace(line) ??
        quoteInsideQuotes(line) ??
        colonInValue(line) ??
        (error.code === 'UNEXPECTED_TOKEN' ? undefined : overIndentedNext(lines, line))
      );
    default:
      return undefined;
  }
}

function tabIndent(line: Line): YamlExplanation {
  const indent = INDENT.exec(line.text)?.[0] ?? '';
  const spaces = indent.replace(/\t/g, '  ');
  return {
    message: msg(
      'yamlExplain.lineIndentedTabYaml',
      'Line {shown} is indented with a tab: YAML allows only spaces for indentation.',
      { shown: line.shown },
    ),
    start: line.start,
    end: line.start + indent.length,
    repair: {
      title: msg('yamlExplain.indentSpacesInsteadTabs', 'Indent with spaces instead of tabs'),
      start: line.start,
      end: line.start + indent.length,
      text: spaces,
    },
  };
}

function duplicateKey(lines: Line[], line: Line): YamlExplanation | undefined {
  const match = KEY_LINE.exec(line.text);
  if (!match) return undefined;
  const [, indent = '', dash = '', key = ''] = match;
  const column = indent.length + dash.length;
  const first = lines.find(
    (other) => other.number < line.number && keyOf(other)?.key === key && keyOf(other)?.column === column,
  );
  const where = first ? msg('yamlExplain.firstLine', ' (first on line {shown})', { shown: first.shown }) : '';
  return {
    message: msg(
      'yamlExplain.appearsTwiceSameBlock',
      '"{key}" appears twice in the same block of the front matter{where}: keep one of the two values and delete the other line.',
      { key, where },
    ),
    start: line.start + column,
    end: line.start + column + key.length,
  };
}

/** `key:value` is one piece of text to YAML; the space after the colon makes it a key and a value. */
function missingSpace(line: Line): YamlExplanation | undefined {
  const match = /^(\s*(?:- +)?)([A-Za-z_][\w-]*):(?![\s/:]|$)(.+)$/.exec(line.text);
  if (!match) return undefined;
  const [, lead = '', key = '', value = ''] = match;
  const colon = line.start + lead.length + key.length;
  return {
    message: msg(
      'yamlExplain.needsSpaceAfterColon',
      '"{key}:{value}" needs a space after the colon: without it YAML reads the whole line as text, not as the key "{key}".',
      { key, value: value.trim() },
    ),
    start: line.start + lead.length,
    end: line.start + line.text.trimEnd().length,
    repair: {
      title: msg('yamlExplain.addSpaceAfter', 'Add a space after "{key}:"', { key }),
      start: colon + 1,
      end: colon + 1,
      text: ' ',
    },
  };
}

/** `name: 'Service desk's bot'`: the apostrophe ends the quoted text early. */
function quoteInsideQuotes(line: Line): YamlExplanation | undefined {
  const match = /^(\s*(?:- +)?[A-Za-z_][\w.-]*:[ \t]+)(['"])(.*)\2[ \t]*$/.exec(line.text);
  if (!match) return undefined;
  const [, lead = '', quote = '', inner = ''] = match;
  const stray = quote === "'" ? /(^|[^'])'(?!')/.test(inner) : /(^|[^\\])"/.test(inner);
  if (!stray) return undefined;
  const key = /([A-Za-z_][\w.-]*):/.exec(lead)?.[1] ?? msg('yamlExplain.theKey', 'the key');
  const start = line.start + lead.length;
  const end = start + inner.length + 2;
  const text = requote(inner, quote);
  return {
    message:
      quote === "'"
        ? msg(
            'yamlExplain.singleQuotesApostrophe',
            'The value of "{key}" is in single quotes and contains an apostrophe, which ends the quoted text early: write it as {text}.',
            { key, text },
          )
        : msg(
            'yamlExplain.doubleQuotesQuote',
            'The value of "{key}" is in double quotes and contains a double quote, which ends the quoted text early: write it as {text}.',
            { key, text },
          ),
    start,
    end,
    repair: { title: msg('yamlExplain.quoteValueAs', 'Quote the value as {text}', { text }), start, end, text },
  };
}

/** The value requoted so that its own quote characters are kept as text. */
function requote(inner: string, quote: string): string {
  if (quote === "'") {
    return inner.includes('"') || inner.includes('\\')
      ? `'${inner.replace(/'+/g, (q) => (q.length % 2 ? `${q}'` : q))}'`
      : `"${inner}"`;
  }
  const plain = inner.replace(/\\"/g, '"');
  return plain.includes("'") ? `"${plain.replace(/(^|[^\\])"/g, '$1\\"')}"` : `'${plain}'`;
}

/** `name: Refund: the bot`: ": " inside a plain value starts a nested mapping. */
function colonInValue(line: Line): YamlExplanation | undefined {
  const match = /^(\s*(?:- +)?[A-Za-z_][\w.-]*:[ \t]+)([^'"[{#&*!|>\s][^#]*?:[ \t].*?)[ \t]*$/.exec(line.text);
  if (!match) return undefined;
  const [, lead = '', value = ''] = match;
  if (value.includes('"')) return undefined;
  const key = /([A-Za-z_][\w.-]*):/.exec(lead)?.[1] ?? msg('yamlExplain.theKey', 'the key');
  const start = line.start + lead.length;
  const end = start + value.length;
  return {
    message: msg(
      'yamlExplain.valueContainsWhichYaml',
      'The value of "{key}" contains ": ", which YAML reads as the start of another key: put the value in double quotes.',
      { key },
    ),
    start,
    end,
    repair: {
      title: msg('yamlExplain.quoteValue', 'Quote the value of "{key}"', { key }),
      start,
      end,
      text: `"${value}"`,
    },
  };
}

/** A key with a value, then a line indented further: YAML tries to read that line as part of the value. */
function overIndentedNext(lines: Line[], line: Line): YamlExplanation | undefined {
  const here = keyOf(line);
  if (!here || !here.hasValue) return undefined;
  const next = lines.slice(line.number + 1).find((candidate) => candidate.text.trim() && !isComment(candidate));
  const nextKey = next && keyOf(next);
  if (!next || !nextKey || nextKey.indent <= here.indent) return undefined;
  const indent = INDENT.exec(next.text)?.[0] ?? '';
  const wanted = line.text.slice(0, here.indent);
  return {
    message: msg(
      'yamlExplain.indentedMoreThanLine',
      '"{key}" is indented more than "{key2}" on the line above, which already has a value: indent both keys the same.',
      { key: nextKey.key, key2: here.key },
    ),
    start: next.start,
    end: next.start + next.text.trimEnd().length,
    repair: {
      title: msg('yamlExplain.indentLike', 'Indent "{key}" like "{key2}"', { key: nextKey.key, key2: here.key }),
      start: next.start,
      end: next.start + indent.length,
      text: wanted,
    },
  };
}

/** A key indented differently from the keys before it in the same mapping. */
function misalignedKey(lines: Line[], line: Line): YamlExplanation | undefined {
  const here = keyOf(line);
  if (!here) return undefined;
  const previous = lines
    .slice(0, line.number)
    .reverse()
    .find((candidate) => candidate.text.trim() && !isComment(candidate));
  const above = previous && keyOf(previous);
  if (!above || above.indent <= here.indent || /:\s*$/.test(previous.text)) return undefined;
  const indent = INDENT.exec(line.text)?.[0] ?? '';
  return {
    message:
      here.indent === 1
        ? msg(
            'yamlExplain.indentedOneSpace',
            '"{key}" is indented {spaces} space but "{above}" above it {indent}: keys of one block must start in the same column.',
            { key: here.key, spaces: here.indent, above: above.key, indent: above.indent },
          )
        : msg(
            'yamlExplain.indentedButAboveIt',
            '"{key}" is indented {spaces} spaces but "{above}" above it {indent}: keys of one block must start in the same column.',
            { key: here.key, spaces: here.indent, above: above.key, indent: above.indent },
          ),
    start: line.start,
    end: line.start + line.text.trimEnd().length,
    repair: {
      title: msg('yamlExplain.indentLike', 'Indent "{key}" like "{key2}"', { key: here.key, key2: above.key }),
      start: line.start,
      end: line.start + indent.length,
      text: previous.text.slice(0, above.indent),
    },
  };
}

/** `[a, b` or `{a: 1` with no closing bracket before the next key. */
function unclosedFlow(lines: Line[], line: Line, message: string): YamlExplanation | undefined {
  const close = /end with an? ([\]}])/.exec(message)?.[1];
  if (!close) return undefined;
  const open = close === ']' ? '[' : '{';
  const opener = lines
    .slice(0, line.number + 1)
    .reverse()
    .find((candidate) => count(candidate.text, open) > count(candidate.text, close));
  if (!opener) return undefined;
  const at = opener.start + opener.text.indexOf(open);
  const end = opener.start + opener.text.trimEnd().length;
  const single = count(opener.text, open) - count(opener.text, close) === 1;
  const args = { open, shown: opener.shown, close };
  return {
    message:
      open === '['
        ? msg(
            'yamlExplain.listNotClosed',
            'The list opened with "{open}" on line {shown} is not closed: add "{close}" at its end.',
            args,
          )
        : msg(
            'yamlExplain.mappingNotClosed',
            'The mapping opened with "{open}" on line {shown} is not closed: add "{close}" at its end.',
            args,
          ),
    start: at,
    end,
    ...(single
      ? {
          repair: {
            title:
              open === '['
                ? msg('yamlExplain.closeList', 'Close the list with "{close}"', { close })
                : msg('yamlExplain.closeMapping', 'Close the mapping with "{close}"', { close }),
            start: end,
            end,
            text: close,
          },
        }
      : {}),
  };
}

function unclosedQuote(lines: Line[], source: string, error: YamlError): YamlExplanation | undefined {
  const quote = /closing (["'])/.exec(error.message)?.[1];
  if (!quote) return undefined;
  // The opening quote: the last one before the error that starts a value.
  for (let at = Math.min(error.pos[0], source.length) - 1; at >= 0; at--) {
    const previous = source[at - 1] ?? '';
    if (source[at] !== quote || !(at === 0 || /[\s:[{,-]/.test(previous))) continue;
    const line = lineAt(lines, at);
    if (!line) return undefined;
    const end = line.start + line.text.trimEnd().length;
    const rest = source.slice(at + 1, end);
    const single = !rest.includes(quote);
    return {
      message: msg(
        'yamlExplain.valueQuotedLineNever',
        'The value quoted with {quote} on line {shown} is never closed: add the closing {quote} at the end of the value.',
        { quote, shown: line.shown },
      ),
      start: at,
      end,
      ...(single
        ? {
            repair: {
              title: msg('yamlExplain.closeQuote', 'Close the quote with {quote}', { quote }),
              start: end,
              end,
              text: quote,
            },
          }
        : {}),
    };
  }
  return undefined;
}

function keyOf(line: Line): { key: string; indent: number; column: number; hasValue: boolean } | undefined {
  const match = KEY_LINE.exec(line.text);
  if (!match) return undefined;
  const [whole, indent = '', dash = '', key = ''] = match;
  const rest = line.text.slice(whole.length).trim();
  return {
    key,
    indent: indent.length,
    column: indent.length + dash.length,
    hasValue: rest !== '' && !rest.startsWith('#'),
  };
}

const isComment = (line: Line): boolean => line.text.trimStart().startsWith('#');
const count = (text: string, ch: string): number => text.split(ch).length - 1;

/** The front matter's lines, split as everywhere else (LineIndex); `shown` is the line's 1-based number in the document. */
function splitLines(source: string, firstLine: number): Line[] {
  const index = new LineIndex(source);
  return Array.from({ length: index.lineCount }, (_, number) => ({
    number,
    shown: firstLine + number,
    start: index.lineStart(number),
    text: index.lineText(number),
  }));
}

function lineAt(lines: Line[], offset: number): Line | undefined {
  let found: Line | undefined;
  for (const line of lines) {
    if (line.start > offset) break;
    found = line;
  }
  return found;
}
