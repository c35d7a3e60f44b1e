import * as v8 from 'node:v8';
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
import { codeIsWarm } from '../loader/warm';
import { readFileBlocking } from '../node/nodeHost';
import { editorDocumentOptions } from '../node/editorDocumentOptions';
import { cliDocumentOptions } from './session';

export interface WorkerBatch {
  id: number;
  jobs: Array<{ file: ListedFile; config?: { path: string; text: string } }>;
  today?: string;
  stage?: string;
  /** The run's message language (the main thread's --lang or environment). */
  locale?: string;
  /**
   * The editor's workspace folders, when the language server indexes: evidence files and agent
   * files are then looked for inside the folder holding each document, as the server does for the
   * documents it checks itself (editorDocumentOptions), not inside the document's repository.
   */
  roots?: string[];
}

/** A checked document without its config (the main thread has it); null for a file that is not an agent doc. */
export type WorkerResult = Omit<DocumentCheck, 'config'> | null;

/**
 * How a worker sends a checked document: the compact result already serialised (v8), its bytes
 * moved to the main thread, not copied; the main thread keeps them as they are in its spool
 * (resultSpool.ts) until the output, instead of decoding a structured clone and encoding it again.
 */
export type SentResult = {
  path: string;
  result: Uint8Array;
  identity: DocumentCheck['identity'];
  agentFiles?: string[];
} | null;

export interface WorkerReply {
  id: number;
  results: SentResult[];
}

const NONE: ResolvedConfig = { path: undefined, text: undefined, loaded: undefined };

/**
 * Worker thread for large trees: the read-and-analyse step of the pipeline for a batch of files,
 * answered in the same order. Bundled as dist/cli-worker.js next to dist/cli.js.
 */
async function checkBatch(batch: WorkerBatch): Promise<WorkerReply> {
  setLocale(batch.locale);
  const results: SentResult[] = [];
  for (const { file, config } of batch.jobs) {
    const resolved: ResolvedConfig = config ? { ...config, loaded: loadConfig(config.text, config.path) } : NONE;
    const check = await readAndCheck(
      file,
      resolved,
      (path) => Promise.resolve().then(() => readFileBlocking(path)),
      batch.roots ? editorDocumentOptions(batch.roots) : cliDocumentOptions(batch),
    );
    results.push(
      check
        ? {
            path: check.path,
            result: serialize(compactResult(check.result)),
            identity: check.identity,
            ...(check.agentFiles ? { agentFiles: check.agentFiles } : {}),
          }
        : null,
    );
  }
  return { id: batch.id, results };
}

/** The bytes in a buffer of their own, so that buffer can be moved to the main thread. */
function serialize(value: unknown): Uint8Array {
  const bytes = v8.serialize(value);
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return own ? bytes : new Uint8Array(bytes);
}

// One batch at a time, in the order they come: the main thread keeps a second one queued.
let queue = Promise.resolve();
parentPort?.on('message', (batch: WorkerBatch) => {
  queue = queue.then(async () => {
    const reply = await checkBatch(batch);
    const buffers = reply.results.flatMap((result) => (result ? [result.result.buffer as ArrayBuffer] : []));
    parentPort?.postMessage(reply, buffers);
    // The pool ends its workers rather than letting them exit, so the loader's code cache is
    // written here, once a batch has run its code (loader/warm.ts; a no-op when run otherwise).
    codeIsWarm();
  });
});
