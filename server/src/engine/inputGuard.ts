import { msg } from './l10n';
import { documentTooLarge, notText, notUtf8 } from './catalogue/engineCodes';
import { makeFinding } from './rules/rule';
import type { Finding, Position } from './types';

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A finding instead of analysis for text no one wrote as a document: too large, or binary. */
export function inputGuard(text: string, maxBytes: number): Finding | undefined {
  const bytes = utf8Length(text, maxBytes);
  if (bytes > maxBytes) {
    return makeFinding(
      documentTooLarge,
      'warning',
      msg(
        'inputGuard.documentKbAboveKb',
        'This document is {value} kB, above the {value2} kB limit (setting agentdoc.maxDocumentBytes), so it was not checked.',
        {
          value: Math.round(bytes / 1000).toLocaleString('en-US'),
          value2: Math.round(maxBytes / 1000).toLocaleString('en-US'),
        },
      ),
      ZERO,
    );
  }
  const sample = text.slice(0, 8000);
  const nul = sample.indexOf('\u0000');
  if (nul >= 0) {
    return makeFinding(
      notText,
      'warning',
      msg(
        'inputGuard.fileHoldsBinaryData',
        'This file holds binary data (NUL bytes), not text, so it was not checked.',
      ),
      ZERO,
    );
  }
  // Binary without NULs (e.g. compressed data decoded as UTF-8) shows up as control characters and
  // U+FFFD replacement characters; no text document has them as a tenth of its first 8,000.
  const garbage = sample.match(/[\u0001-\u0008\u000E-\u001F\u007F\uFFFD]/g)?.length ?? 0;
  if (sample.length >= 64 && garbage * 10 > sample.length) {
    return makeFinding(
      notText,
      'warning',
      msg(
        'inputGuard.fileHoldsBinaryData2',
        'This file holds binary data (control or undecodable characters), not text, so it was not checked.',
      ),
      ZERO,
    );
  }
  return undefined;
}

/**
 * UTF-8 size of the text, as the setting is in bytes. A string cannot be smaller in UTF-8 than its
 * UTF-16 length suggests for ASCII, nor more than 3 bytes per unit, so most texts need no count.
 */
function utf8Length(text: string, limit: number): number {
  // UTF-8 never takes fewer bytes than UTF-16 code units, nor more than three per unit.
  if (text.length * 3 <= limit || text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * A warning on the first undecodable character, when the text has any: the document is still
 * checked (most of it reads fine), but its names and values may be garbled.
 */
export function undecodedText(text: string, positionAt: (offset: number) => Position): Finding | undefined {
  const first = text.indexOf('\uFFFD');
  if (first < 0) return undefined;
  let count = 0;
  for (let at = first; at >= 0; at = text.indexOf('\uFFFD', at + 1)) count++;
  const start = positionAt(first);
  return makeFinding(
    notUtf8,
    'warning',
    msg(
      'inputGuard.notUtf8',
      '{count} characters could not be decoded (shown as \uFFFD): the file is not saved as UTF-8, so names and values may be garbled. Reopen it with its encoding and save it as UTF-8.',
      { count: count.toLocaleString('en-US') },
    ),
    { start, end: { line: start.line, character: start.character + 1 } },
  );
}
