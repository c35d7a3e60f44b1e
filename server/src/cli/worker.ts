import * as fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { checkText, type CheckJob } from './checkFile';

/**
 * Worker thread for large trees: receives batches of jobs, answers with the checked files in the
 * same order. Bundled as dist/cli-worker.js next to dist/cli.js.
 */
parentPort?.on('message', (batch: { id: number; jobs: CheckJob[] }) => {
  const results = batch.jobs.map((job) => {
    try {
      return { ok: true as const, file: checkText(fs.readFileSync(job.file, 'utf8'), job) };
    } catch (error) {
      return { ok: false as const, error: `${job.display}: ${error instanceof Error ? error.message : String(error)}` };
    }
  });
  parentPort?.postMessage({ id: batch.id, results });
});
