import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkText, type CheckJob, type CheckedFile } from './checkFile';

/** Below this many files, starting workers (~50 ms each, plus loading the engine) costs more than it saves. */
export const PARALLEL_THRESHOLD = 50;
const BATCH = 10;

type Reply = { id: number; results: Array<{ ok: true; file: CheckedFile } | { ok: false; error: string }> };

export interface RunOptions {
  /** Worker count; 1 checks on the main thread. Default: available cores, when there are enough files. */
  jobs?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Checks every job, in parallel on worker threads when it pays off; results in job order. */
export async function checkAll(jobs: readonly CheckJob[], options: RunOptions = {}): Promise<CheckedFile[]> {
  const workerScript = path.join(__dirname, 'cli-worker.js');
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const wanted = options.jobs ?? (jobs.length >= PARALLEL_THRESHOLD ? cores : 1);
  const count = Math.min(wanted, Math.ceil(jobs.length / BATCH));
  // Running from the TypeScript output (tests) there is no bundled worker: check sequentially.
  if (count <= 1 || !fs.existsSync(workerScript)) {
    return jobs.map((job, index) => {
      const result = checkText(fs.readFileSync(job.file, 'utf8'), job);
      options.onProgress?.(index + 1, jobs.length);
      return result;
    });
  }
  const results = new Array<CheckedFile | undefined>(jobs.length);
  const batches: Array<{ id: number; jobs: CheckJob[] }> = [];
  for (let start = 0; start < jobs.length; start += BATCH)
    batches.push({ id: start, jobs: jobs.slice(start, start + BATCH) });
  let done = 0;
  const workers = Array.from({ length: count }, () => new Worker(workerScript));
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
            worker.on('message', (reply: Reply) => {
              for (const [offset, result] of reply.results.entries()) {
                if (!result.ok) return reject(new Error(result.error));
                results[reply.id + offset] = result.file;
              }
              done += reply.results.length;
              options.onProgress?.(done, jobs.length);
              next();
            });
            worker.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.map((result, index) => {
    if (!result) throw new Error(`internal error: no result for ${jobs[index]?.display ?? index}`);
    return result;
  });
}
