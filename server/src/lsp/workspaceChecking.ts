import type { Connection } from 'vscode-languageserver';
import { compactResult, type AgentdocService, type DocumentCheck, type ListedFile } from '../engine';
import type { ServerPlatform } from './platform';

export interface IndexingHooks {
  /** Per folder, the editor's files.exclude globs (those set to true). */
  excludes(folder: string): Promise<string[]>;
  supportsProgress(): boolean;
  onFile(uri: string, check: DocumentCheck | undefined): void;
}

/**
 * Checks the agent documents on disk in the workspace folders: the same file set as the CLI
 * (engine/files/fileSet.ts), with cancellable progress, yielding between files so requests for
 * open documents are answered while a large workspace indexes.
 */
export async function indexFolders(
  connection: Connection,
  service: AgentdocService,
  folders: readonly string[],
  platform: ServerPlatform,
  hooks: IndexingHooks,
): Promise<number> {
  let cancelled = false;
  const progress = hooks.supportsProgress() ? await connection.window.createWorkDoneProgress() : undefined;
  progress?.begin('agentdoc: checking agent documents', 0, 'listing files…', true);
  progress?.token.onCancellationRequested(() => {
    cancelled = true;
  });
  const files: ListedFile[] = [];
  for (const folder of folders) {
    const listed = await service.listFiles([folder], {
      excludes: await hooks.excludes(folder),
      isCancelled: () => cancelled,
    });
    files.push(...listed.files);
    if (listed.truncated)
      void connection.window.showWarningMessage(
        `agentdoc checks the first ${listed.files.length.toLocaleString('en-US')} agent documents of ${folder}; the others are checked when you open them. Narrow the set with files.include in .agentdoc.yaml, or turn agentdoc.checkWorkspace off.`,
      );
  }
  let done = 0;
  const report = (): void =>
    progress?.report(Math.round((done / Math.max(files.length, 1)) * 100), `${done} of ${files.length}`);
  const inWorkers = await platform.checkInWorkers?.({
    files,
    roots: folders,
    configFor: (path) => service.configs.forFile(path),
    onCheck: (file, check) => {
      hooks.onFile(platform.uris.toUri(file.path), check);
      done++;
      report();
    },
    isCancelled: () => cancelled,
  });
  if (!inWorkers) {
    done = 0;
    for (const file of files) {
      if (cancelled) break;
      hooks.onFile(platform.uris.toUri(file.path), await checkOnDisk(service, file));
      done++;
      report();
      await platform.yieldToEvents();
    }
  }
  progress?.done();
  return done;
}

/**
 * One file from disk, compact and detached; undefined when it is gone or is no agent document.
 * The index holds one of these per unopened document for as long as the workspace is open.
 */
export async function checkOnDisk(service: AgentdocService, file: ListedFile): Promise<DocumentCheck | undefined> {
  const check = await service.readAndCheck({ ...file, explicit: false });
  return check && detached(check);
}

/**
 * The check as the index keeps it: the compact result (no model, no readiness items, no fixes) and
 * the identity as copies of plain data. Strings the analysis cut from the text are slices of it in
 * V8 and keep the whole text alive, and values reached from the facts keep parts of the YAML and
 * Markdown trees: kept as they are, 1,000 indexed documents held ~55 MB where the copies hold ~6.
 * The config stays shared (one per folder, with its schemas).
 */
export function detached(check: DocumentCheck): DocumentCheck {
  const { result, identity } = structuredClone({ result: compactResult(check.result), identity: check.identity });
  return { ...check, result, identity };
}

/** How long the server works through a list before it lets queued requests (hover, completion) in. */
export const SLICE_MS = 8;

/**
 * Runs `each` over the items in order, yielding to queued messages whenever a slice of SLICE_MS
 * has been used: publishing a thousand indexed documents' diagnostics at the end of indexing took
 * ~0.9 s in one piece, during which a hover waited.
 */
export async function inSlices<T>(
  items: Iterable<T>,
  each: (item: T) => void,
  yieldToEvents: () => Promise<void>,
  now: () => number = () => performance.now(),
): Promise<void> {
  let sliceStart = now();
  for (const item of items) {
    each(item);
    if (now() - sliceStart >= SLICE_MS) {
      await yieldToEvents();
      sliceStart = now();
    }
  }
}
