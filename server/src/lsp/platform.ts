import type { DocumentCheck, FileHost, ListedFile, ResolvedConfig } from '../engine';
import type { PortfolioTools } from './portfolioDashboard';

/**
 * How URIs the editor sends map to the engine's '/'-separated paths and back. On Node these are
 * file: URIs and native paths; in the web worker, the workspace's own scheme (vscode-vfs:,
 * vscode-remote:, …) and its URI path.
 */
export interface UriMapping {
  /** The engine's path for a URI the server can read, or undefined (untitled, another scheme, a bad URI). */
  toPath(uri: string): string | undefined;
  toUri(path: string): string;
}

/**
 * What differs between the language server on Node.js (the desktop extension) and in a web worker
 * (vscode.dev, github.dev): everything else in lsp/ is the same code.
 */
export interface ServerPlatform {
  /** Where the server reads files. */
  host: FileHost;
  uris: UriMapping;
  /**
   * Evidence-file existence for a document inside `roots` (the workspace folders), or undefined
   * where it cannot be answered: the engine then does not report missing evidence files.
   */
  evidenceExists?: (documentPath: string, roots: readonly string[]) => ((relativePath: string) => boolean) | undefined;
  /**
   * The file a relative link from a document names, as an engine path, when it stays inside `roots`
   * (see node/evidenceFiles.ts linkedPath); undefined otherwise, or where it cannot be told (the web
   * worker: relative links are then not offered as document links).
   */
  linkedFile?: (documentPath: string, roots: readonly string[], relativePath: string) => string | undefined;
  /** The repository a loose file (outside the workspace folders) belongs to: where its agent files may be read. */
  repositoryRoot?: (dir: string) => string | undefined;
  /** The dashboard's git history and SQLite export; undefined in the web worker (no git, no sql.js). */
  portfolio?: PortfolioTools;
  /**
   * Reads and checks a workspace's files on worker threads (Node), each result to `onCheck` as it
   * comes, in any order; resolves to false when it did not (no workers here, or too few files to
   * pay for starting them): the server then checks the files itself.
   */
  checkInWorkers?: (run: WorkerIndexRun) => Promise<boolean>;
  /** Lets queued messages through between two files of a workspace walk. */
  yieldToEvents(): Promise<void>;
  /** The token counter for the prompt code lens, loaded on first use; undefined where it does not ship. */
  loadTokenCounter(): ((text: string) => number) | undefined;
  /**
   * Called after each finished check of an open document: the desktop server's loader writes its
   * V8 code cache (server/src/loader/) after the first one, once the diagnostics are out (not after
   * the warm-up, so a document opened meanwhile never waits for the write). Cheap to call again.
   */
  codeIsWarm?: () => void;
}

/** The key a document has in the engine: its path when the server can read it, else its URI as given. */
export function documentKeyFor(uris: UriMapping, uri: string): string {
  return uris.toPath(uri) ?? uri;
}

/** One indexing run handed to worker threads (ServerPlatform.checkInWorkers). */
export interface WorkerIndexRun {
  files: readonly ListedFile[];
  /** The workspace folders: evidence and agent files are looked for inside them, as the server does. */
  roots: readonly string[];
  configFor(path: string): Promise<ResolvedConfig>;
  /** A file checked: compact and detached; undefined when it is no agent document. */
  onCheck(file: ListedFile, check: DocumentCheck | undefined): void;
  isCancelled(): boolean;
}
