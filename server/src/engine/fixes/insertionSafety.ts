import type { DocumentModel } from '../model/documentModel';
import type { Finding, Position } from '../types';

/**
 * Whether text inserted at a line start lands where it means something: not inside a code fence
 * or an HTML block (a heading there is just text), and not in a front matter that never closes.
 * Broken documents (an unclosed fence swallowing half the file) would otherwise get fixes that
 * change nothing.
 */
export function isSafeInsertion(model: DocumentModel, position: Position): boolean {
  const frontMatter = model.frontMatter;
  if (frontMatter && position.line <= frontMatter.closingLine) return frontMatter.closingLine < model.index.lineCount;
  const line = position.character > 0 ? position.line + 1 : position.line;
  return !model.blocks.some(
    (block) => (block.kind === 'code' || block.kind === 'html') && opensOver(model, block, line),
  );
}

/** A block covers an insertion at `line` when the line falls inside it, or after it if it never closes. */
function opensOver(
  model: DocumentModel,
  block: { startLine: number; endLine: number; kind: string },
  line: number,
): boolean {
  if (line <= block.startLine) return false;
  if (line < block.endLine) return true;
  return unclosed(model, block);
}

/** A fence without its closing line, or an HTML comment without -->, runs to the end of the text. */
function unclosed(model: DocumentModel, block: { startLine: number; endLine: number; kind: string }): boolean {
  const first = model.index.lineText(block.startLine);
  const last = model.index.lineText(block.endLine - 1);
  if (block.kind === 'code') {
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(first)?.[1];
    if (!fence) return false;
    return block.endLine - 1 === block.startLine || !closesFence(last, fence);
  }
  const open = first.indexOf('<!--');
  return (
    open >= 0 &&
    !model.index.text
      .slice(model.index.lineStart(block.startLine), model.index.lineEnd(block.endLine - 1))
      .includes('-->', open)
  );
}

/**
 * A closing fence: the same character at least as many times, then only spaces. Checked by hand:
 * a RegExp built from a fence of two million backticks would exhaust the regex compiler's memory.
 */
function closesFence(line: string, fence: string): boolean {
  const trimmed = line.trim();
  if (line.length - line.trimStart().length > 3 || trimmed.length < fence.length) return false;
  for (let i = 0; i < trimmed.length; i++) if (trimmed[i] !== fence[0]) return false;
  return true;
}

/** Drops the fixes whose insertions would land inside such a block. */
export function keepSafeFixes(model: DocumentModel, findings: Finding[]): Finding[] {
  return findings.map((finding) => {
    if (!finding.fixes?.length) return finding;
    const fixes = finding.fixes.filter((fix) =>
      fix.insertions.every((insertion) => isSafeInsertion(model, insertion.position)),
    );
    if (fixes.length === finding.fixes.length) return finding;
    const { fixes: _dropped, ...rest } = finding;
    return fixes.length ? { ...rest, fixes } : rest;
  });
}
