import * as fs from 'node:fs';
import * as path from 'node:path';
import { toEnginePath } from '../node/nodeHost';
import { UsageError, type CliIo } from './io';

/** Where a command's output goes: collected per file by `write`, handed on by `flush`. */
export interface OutputSink {
  write(text: string): void;
  /** Passes what was written on, waiting while stdout's buffer is full (a slow pipe). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens --output FILE, or stdout. The file is refused when it is one of the files being checked
 * (`inputs`, engine paths): writing there would replace the document. It is also refused when it,
 * or a folder on the way to it inside the working folder, is a symbolic link: a repository could
 * put a link where CI writes its report and have the report written over any file the job may
 * write.
 */
export function openOutput(
  io: CliIo,
  output: string | undefined,
  inputs: readonly string[],
  toEnginePath: (native: string) => string,
): OutputSink {
  let pending: string[] = [];
  if (output === undefined)
    return {
      write: (text) => void pending.push(text),
      flush: async () => {
        if (pending.length) io.stdout(pending.join(''));
        pending = [];
        await io.drain?.();
      },
      close: async () => {
        if (pending.length) io.stdout(pending.join(''));
        pending = [];
        await io.drain?.();
      },
    };
  const target = path.resolve(io.cwd, output);
  refuseInput(target, output, inputs, toEnginePath);
  refuseLinks(io.cwd, target, output);
  let fd: number;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fd = fs.openSync(
      target,
      fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | (fs.constants.O_NOFOLLOW ?? 0),
      0o666,
    );
  } catch (error) {
    throw new UsageError(
      `Cannot write --output ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}. Check the folder exists and is writable.`,
    );
  }
  const flush = (): void => {
    if (pending.length) fs.writeSync(fd, pending.join(''));
    pending = [];
  };
  return {
    write: (text) => void pending.push(text),
    flush: async () => flush(),
    close: async () => {
      flush();
      fs.closeSync(fd);
    },
  };
}

function refuseInput(
  target: string,
  output: string,
  inputs: readonly string[],
  toEnginePath: (native: string) => string,
): void {
  const named = new Set([toEnginePath(target)]);
  let stats: fs.Stats | undefined;
  try {
    stats = fs.statSync(target);
    named.add(toEnginePath(fs.realpathSync(target)));
  } catch {
    // Nothing there yet: only its name can match an input.
  }
  const sameFile = (input: string): boolean => {
    if (named.has(input)) return true;
    // A hard link is the same file under another name.
    if (!stats || stats.nlink < 2) return false;
    try {
      const other = fs.statSync(input);
      return other.ino === stats.ino && other.dev === stats.dev;
    } catch {
      return false;
    }
  };
  const input = inputs.find(sameFile);
  if (input !== undefined)
    throw new UsageError(
      `--output ${output} is one of the files being checked; writing there would replace it. Choose another file for the output.`,
    );
}

function refuseLinks(cwd: string, target: string, output: string): void {
  const relative = path.relative(cwd, target);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  const checked = inside
    ? relative.split(path.sep).map((_part, index, parts) => path.join(cwd, ...parts.slice(0, index + 1)))
    : [target];
  for (const candidate of checked) {
    let stats: fs.Stats;
    try {
      stats = fs.lstatSync(candidate);
    } catch {
      return; // Nothing there yet: created below as a real folder or file.
    }
    if (stats.isSymbolicLink())
      throw new UsageError(
        `--output ${output} leads through a symbolic link (${path.relative(cwd, candidate) || candidate}); agentdoc writes only to real files and folders. Choose another file for the output.`,
      );
  }
}

/**
 * A whole output at once (exports, the portfolio): to stdout, or to a file with the same refusals
 * as check's --output (not over one of `inputs`, never through a link the repository planted).
 */
export async function emit(
  io: CliIo,
  text: string,
  output: string | undefined,
  inputs: readonly string[] = [],
): Promise<void> {
  const sink = openOutput(io, output, inputs, toEnginePath);
  sink.write(text);
  await sink.close();
}
