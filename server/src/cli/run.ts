import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { compactResult, currentLocale, type AnalysisResult, type CheckedFile } from '../engine';
import { ResultSpool } from './resultSpool';
import type { Session } from './session';
import type { SentResult } from './worker';
import { BATCH, checkInWorkers } from './workerPool';

/** Below this many files, starting workers (~50 ms each, plus loading the engine) costs more than it saves. */
export const PARALLEL_THRESHOLD = 50;

export interface RunOptions {
  /** Worker count; 1 checks on the main thread. Default: available cores, when there are enough files. */
  jobs?: number;
  today?: string;
  stage?: string;
  onProgress?: (done: number, total: number) => void;
  /** Every file is analysed; the results follow (through onFile). */
  onAnalysed?: () => void;
}

type AgentIdentity = NonNullable<NonNullable<SentResult>['identity']>;

/** One analysed document on its way to the spool: the result as an object, or as a worker serialised it. */
type Analysed = { identity: AgentIdentity | undefined; result: AnalysisResult | Uint8Array } | null;

/**
 * The pipeline over the session's files (engine/pipeline.ts): read and analyse each, on worker
 * threads when it pays off, then the cross-document checks and the config's overrides. Each file's
 * final result goes to `onFile` in path order, compact (no model); only the small identities stay
 * in memory, the results wait in a spool (resultSpool.ts), so memory does not grow with the tree.
 * Resolves to the number of agent documents checked.
 */
export async function runCheck(
  session: Session,
  options: RunOptions,
  onFile: (file: CheckedFile) => void | Promise<void>,
): Promise<number> {
  const files = session.files;
  const spool = new ResultSpool<AnalysisResult>();
  const identities = new Map<number, AgentIdentity | undefined>();
  try {
    await analyse(session, options, (index, check) => {
      if (!check) return;
      if (check.result instanceof Uint8Array) spool.putSerialized(index, check.result);
      else spool.put(index, check.result);
      identities.set(index, check.identity);
    });
    options.onAnalysed?.();
    // Workers deliver in whatever order they finish: the cross-document check sees the documents in
    // path order, so "also used by …" names the same five files as a single-threaded run.
    const inPathOrder = [...identities.entries()].sort(([a], [b]) => a - b);
    const workspace = session.service.crossCheck(inPathOrder.flatMap(([, identity]) => identity ?? []));
    for (let index = 0; index < files.length; index++) {
      if (!identities.has(index)) continue;
      const file = files[index]!;
      const result = spool.take(index)!;
      const config = await session.service.configs.forFile(file.path);
      const check = { path: file.path, result, identity: identities.get(index), config };
      await onFile({ path: file.path, result: session.service.finish(check, workspace) });
    }
    return identities.size;
  } finally {
    spool.close();
  }
}

/** Reads and analyses every file, on this thread or in workers; `deliver` gets each in any order. */
async function analyse(
  session: Session,
  options: RunOptions,
  deliver: (index: number, check: Analysed) => void,
): Promise<void> {
  const files = session.files;
  const workerScript = path.join(__dirname, 'cli-worker.js');
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const wanted = options.jobs ?? (files.length >= PARALLEL_THRESHOLD ? cores : 1);
  const count = Math.min(wanted, Math.ceil(files.length / BATCH));
  // Running from the TypeScript output (tests) there is no bundled worker: check on this thread.
  if (count > 1 && fs.existsSync(workerScript)) return inWorkers(session, workerScript, count, options, deliver);
  for (let index = 0; index < files.length; index++) {
    const check = await session.service.readAndCheck(files[index]!);
    deliver(index, check ? { result: compactResult(check.result), identity: check.identity } : null);
    options.onProgress?.(index + 1, files.length);
  }
}

async function inWorkers(
  session: Session,
  script: string,
  count: number,
  options: RunOptions,
  deliver: (index: number, check: Analysed) => void,
): Promise<void> {
  const files = session.files;
  let done = 0;
  await checkInWorkers(
    script,
    count,
    files,
    (path) => session.service.configs.forFile(path),
    {
      ...(options.today ? { today: options.today } : {}),
      ...(options.stage ? { stage: options.stage } : {}),
      locale: currentLocale(),
    },
    (reply) => {
      reply.results.forEach((result, offset) =>
        deliver(reply.id + offset, result && { result: result.result, identity: result.identity }),
      );
      done += reply.results.length;
      options.onProgress?.(done, files.length);
    },
  );
}
