import { buildModel, type DocumentModel } from '../model/documentModel';
import { bundledSchemas } from '../schemaData/bundled';
import { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';
import { declaredAgentFiles } from './declared';
import { contentHash } from './hash';
import { readAgentFiles, type AgentFileAccess, type AgentFileSet } from './read';

/** A replacement or insertion in the document (this command writes values; quick fixes only insert). */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface HashRecording {
  edits: TextEdit[];
  /** Paths whose hash is written (new or changed). */
  recorded: string[];
  /** Paths left alone, with why (unreadable, written in flow style). */
  skipped: string[];
}

/**
 * The edits that write each readable agent file's current SHA-256 into agent_files: a changed hash
 * is replaced, a missing one is added under the entry's `path:` line. Run after the eval set ran:
 * the hash records what was evaluated (AD424, AD425).
 */
export function recordHashEdits(model: DocumentModel, set: AgentFileSet | undefined): HashRecording {
  const result: HashRecording = { edits: [], recorded: [], skipped: [] };
  const eol = model.index.eol;
  for (const declared of declaredAgentFiles(model)) {
    const read = set?.reads.get(declared.path);
    if (!read?.ok) {
      result.skipped.push(`${declared.path} (${read && !read.ok ? read.problem : 'not read'})`);
      continue;
    }
    const hash = contentHash(read.text);
    // A hash of digits only (or digits with one e) would read back as a YAML number: quote it then.
    const value = /^[0-9]*(e[0-9]+)?$/.test(hash) ? `"${hash}"` : hash;
    if (declared.sha256 === hash) continue;
    if (declared.sha256Range) {
      result.edits.push({ range: declared.sha256Range, newText: value });
      result.recorded.push(declared.path);
      continue;
    }
    const line = declared.range.start.line;
    const text = model.index.lineText(line);
    const key = /^(\s*(?:-\s+)?)path\s*:/.exec(text);
    if (!key || declared.range.end.line !== line) {
      result.skipped.push(`${declared.path} (write the entry as a block mapping with path: on its own line)`);
      continue;
    }
    const at = { line, character: text.length };
    result.edits.push({
      range: { start: at, end: at },
      newText: `${eol}${' '.repeat(key[1]?.length ?? 0)}sha256: ${hash}`,
    });
    result.recorded.push(declared.path);
  }
  return result;
}

/** Applies edits to text (positions refer to the original), for the command line. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const located = edits
    .map((edit) => ({
      start: index.offsetAt(edit.range.start),
      end: index.offsetAt(edit.range.end),
      text: edit.newText,
    }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const edit of located) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** Reads a document's agent files through the host and returns the edits that record their hashes. */
export async function recordAgentFileHashes(
  documentPath: string,
  text: string,
  access: AgentFileAccess,
): Promise<HashRecording> {
  const model = buildModel(text, bundledSchemas);
  return recordHashEdits(model, await readAgentFiles(documentPath, text, access));
}
