import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { compactResult, currentLocale, type CheckedFile, type DocumentCheck, type ListedFile } from '../engine';
import type { Session } from './session';
import type { WorkerBatch, WorkerReply } from './worker';

/** Below this many files, starting workers (~50 ms each, plus loading the engine) costs more than it saves. */
export const PARALLEL_THRESHOLD = 50;
const BATCH = 10;

export interface RunOptions {
  /** Worker count; 1 checks on the main thread. Default: available cores, when there are enough files. */
  jobs?: number;
  today?: string;
  stage?: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The pipeline over the session's files (engine/pipeline.ts): read and analyse each, on worker
 * threads when it pays off, then the cross-document checks and the config's overrides on the main
 * thread. Results come in file order, compact (no models): what the output formats need.
 */
export async function runCheck(session: Session, options: RunOptions = {}): Promise<CheckedFile[]> {
  const workerScript = path.join(__dirname, 'cli-worker.js');
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const wanted = options.jobs ?? (session.files.length >= PARALLEL_THRESHOLD ? cores : 1);
  const count = Math.min(wanted, Math.ceil(session.files.length / BATCH));
  // Running from the TypeScript output (tests) there is no bundled worker: check on this thread.
  if (count <= 1 || !fs.existsSync(workerScript)) {
    const checked = await session.service.checkFiles(session.files, options.onProgress);
    return checked.map((file) => ({ path: file.path, result: compactResult(file.result) }));
  }
  const checks = await inWorkers(session, workerScript, count, options);
  const workspace = session.service.crossCheck(checks.flatMap((check) => (check.identity ? [check.identity] : [])));
  return checks.map((check) => ({ path: check.path, result: session.service.finish(check, workspace) }));
}

async function inWorkers(
  session: Session,
  script: string,
  count: number,
  options: RunOptions,
): Promise<DocumentCheck[]> {
  const files = session.files;
  const results = new Array<DocumentCheck | null | undefined>(files.length);
  const batches: WorkerBatch[] = [];
  for (let start = 0; start < files.length; start += BATCH) {
    const slice: ListedFile[] = files.slice(start, start + BATCH);
    const jobs = await Promise.all(
      slice.map(async (file) => {
        const config = await session.service.configs.forFile(file.path);
        return {
          file,
          ...(config.path !== undefined && config.text !== undefined
            ? { config: { path: config.path, text: config.text } }
            : {}),
        };
      }),
    );
    batches.push({
      id: start,
      jobs,
      ...(options.today ? { today: options.today } : {}),
      ...(options.stage ? { stage: options.stage } : {}),
      locale: currentLocale(),
    });
  }
  let done = 0;
  const workers = Array.from({ length: count }, () => new Worker(script));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = (): void => {
              const batch = batches.shift();
              if (batch) worker.postMessage(batch);
              else resolve();
            };
            worker.on('message', (reply: WorkerReply) => {
              void Promise.all(
                reply.results.map(async (result, offset) => {
                  if (!result) {
                    results[reply.id + offset] = null;
                    return;
                  }
                  const config = await session.service.configs.forFile(result.path);
                  results[reply.id + offset] = { ...result, config };
                }),
              ).then(() => {
                done += reply.results.length;
                options.onProgress?.(done, files.length);
                next();
              }, reject);
            });
            worker.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.flatMap((result, index) => {
    if (result === undefined) throw new Error(`internal error: no result for ${files[index]?.path ?? index}`);
    return result === null ? [] : [result];
  });
}
