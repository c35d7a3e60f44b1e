import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ListedFile, ResolvedConfig } from '../engine';
import type { WorkerBatch, WorkerReply } from './worker';

/** Files per message to a worker. */
export const BATCH = 10;
/** Batches queued per worker: the next one is already there when a worker finishes one. */
const IN_FLIGHT = 2;

/** What every batch of a run carries besides its files (see WorkerBatch). */
export type BatchOptions = Omit<WorkerBatch, 'id' | 'jobs'>;

/**
 * Reads and checks `files` on `count` worker threads running `script` (dist/cli-worker.js), in
 * batches of BATCH; each reply goes to `onReply` as it comes (in any order: a reply names its first
 * file's index). Used by the CLI and by the language server's workspace indexing. Stops sending
 * batches once `isCancelled` says so; the workers end when it resolves.
 */
export async function checkInWorkers(
  script: string,
  count: number,
  files: readonly ListedFile[],
  configFor: (path: string) => Promise<ResolvedConfig>,
  options: BatchOptions,
  onReply: (reply: WorkerReply) => void,
  isCancelled: () => boolean = () => false,
  resourceLimits?: ResourceLimits,
): Promise<void> {
  const starts: number[] = [];
  for (let start = 0; start < files.length; start += BATCH) starts.push(start);
  const batch = async (start: number): Promise<WorkerBatch> => {
    const jobs = await Promise.all(
      files.slice(start, start + BATCH).map(async (file) => {
        const config = await configFor(file.path);
        return {
          file,
          ...(config.path !== undefined && config.text !== undefined
            ? { config: { path: config.path, text: config.text } }
            : {}),
        };
      }),
    );
    return { id: start, jobs, ...options };
  };
  const workers = Array.from({ length: count }, () => new Worker(script, resourceLimits ? { resourceLimits } : {}));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let queued = 0;
            const next = (): void => {
              const start = isCancelled() ? undefined : starts.shift();
              if (start === undefined) {
                if (queued === 0) resolve();
                return;
              }
              queued++;
              batch(start).then((message) => worker.postMessage(message), reject);
            };
            worker.on('message', (reply: WorkerReply) => {
              queued--;
              onReply(reply);
              next();
            });
            worker.on('error', reject);
            for (let slot = 0; slot < IN_FLIGHT; slot++) next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
