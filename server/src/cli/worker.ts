import { parentPort } from 'node:worker_threads';
import {
  compactResult,
  loadConfig,
  readAndCheck,
  setLocale,
  type DocumentCheck,
  type ListedFile,
  type ResolvedConfig,
} from '../engine';
import { readFileBlocking } from '../node/nodeHost';
import { cliDocumentOptions } from './session';

export interface WorkerBatch {
  id: number;
  jobs: Array<{ file: ListedFile; config?: { path: string; text: string } }>;
  today?: string;
  stage?: string;
  /** The run's message language (the main thread's --lang or environment). */
  locale?: string;
}

/** A checked document without its config (the main thread has it); null for a file that is not an agent doc. */
export type WorkerResult = Omit<DocumentCheck, 'config'> | null;

export interface WorkerReply {
  id: number;
  results: WorkerResult[];
}

const NONE: ResolvedConfig = { path: undefined, text: undefined, loaded: undefined };

/**
 * Worker thread for large trees: the read-and-analyse step of the pipeline for a batch of files,
 * answered in the same order. Bundled as dist/cli-worker.js next to dist/cli.js.
 */
async function checkBatch(batch: WorkerBatch): Promise<WorkerReply> {
  setLocale(batch.locale);
  const results: WorkerResult[] = [];
  for (const { file, config } of batch.jobs) {
    const resolved: ResolvedConfig = config ? { ...config, loaded: loadConfig(config.text, config.path) } : NONE;
    const check = await readAndCheck(
      file,
      resolved,
      (path) => Promise.resolve().then(() => readFileBlocking(path)),
      cliDocumentOptions(batch),
    );
    results.push(check ? { path: check.path, result: compactResult(check.result), identity: check.identity } : null);
  }
  return { id: batch.id, results };
}

parentPort?.on('message', (batch: WorkerBatch) => {
  void checkBatch(batch).then((reply) => parentPort?.postMessage(reply));
});
