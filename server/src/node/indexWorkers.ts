import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { currentLocale, type AnalysisResult, type ResolvedConfig } from '../engine';
import { BATCH, checkInWorkers } from '../cli/workerPool';
import type { WorkerIndexRun } from '../lsp/platform';

/** Below this many files, starting workers (loading the engine in each) costs more than it saves. */
export const WORKER_INDEX_THRESHOLD = 50;

/**
 * The language server's workspace indexing on worker threads (dist/cli-worker.js: the CLI's worker,
 * cli/worker.ts, through its code-cache loader, shipped next to dist/server.js): the files are analysed on every core while the server's own thread stays free
 * for the editor's requests, and the workers' heaps, where all the analyses' garbage was, are
 * returned when indexing ends. Each document is checked as the server checks it
 * (editorDocumentOptions: evidence and agent files inside the workspace folders).
 */
export async function indexInWorkers(
  run: WorkerIndexRun,
  script = path.join(__dirname, 'cli-worker.js'),
): Promise<boolean> {
  if (run.files.length < WORKER_INDEX_THRESHOLD || !fs.existsSync(script)) return false;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // One core is left to the server's own thread and the editor: indexing runs in the background.
  const count = Math.max(1, Math.min(cores - 1, Math.ceil(run.files.length / BATCH)));
  const files = run.files.map((file) => ({ ...file, explicit: false }));
  const configs = new Map<string, ResolvedConfig>();
  const configFor = async (file: string): Promise<ResolvedConfig> => {
    const config = await run.configFor(file);
    configs.set(file, config);
    return config;
  };
  return checkInWorkers(
    script,
    count,
    files,
    configFor,
    { locale: currentLocale(), roots: [...run.roots] },
    (reply) =>
      reply.results.forEach((sent, offset) => {
        const file = files[reply.id + offset]!;
        // Kept until the end: nested workspace folders can list one file twice.
        const config = configs.get(file.path);
        if (!sent || !config) return run.onCheck(file, undefined);
        run.onCheck(file, {
          path: sent.path,
          result: v8.deserialize(sent.result) as AnalysisResult,
          identity: sent.identity,
          config,
          ...(sent.agentFiles ? { agentFiles: sent.agentFiles } : {}),
        });
      }),
    () => run.isCancelled(),
  ).then(
    () => true,
    // A worker that failed (out of memory on a hostile file, a missing bundle): the server checks
    // every file again itself, which reports what a worker could not.
    () => false,
  );
}
