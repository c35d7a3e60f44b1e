import type { DocumentModel } from '../model/documentModel';
import { declaredAgentFiles, type DeclaredAgentFile } from './declared';
import { parseAgentFile, type AgentFileFacts } from './parse';
import type { AgentFileRead, AgentFileSet } from './read';

/** One named file with what was read and parsed from it. */
export interface LoadedAgentFile {
  declared: DeclaredAgentFile;
  read: AgentFileRead | undefined;
  /** Undefined when the file could not be read. */
  facts: AgentFileFacts | undefined;
}

// Several rules ask for the same files during one analysis: parse each once per model.
const cache = new WeakMap<DocumentModel, LoadedAgentFile[]>();

/**
 * The document's agent files, read by the pipeline before the analysis; undefined when the caller
 * read none (tests, hovers on unsaved text): then the drift rules stay silent, as evidence links do
 * without a file check.
 */
export function loadedAgentFiles(model: DocumentModel, set: AgentFileSet | undefined): LoadedAgentFile[] | undefined {
  if (!set) return undefined;
  let loaded = cache.get(model);
  if (!loaded) {
    loaded = declaredAgentFiles(model).map((declared) => {
      const read = set.reads.get(declared.path);
      return {
        declared,
        read,
        facts: read?.ok ? parseAgentFile(read.path, read.text, declared.kind) : undefined,
      };
    });
    cache.set(model, loaded);
  }
  return loaded;
}
