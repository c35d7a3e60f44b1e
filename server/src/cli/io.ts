import * as fs from 'node:fs';
import * as path from 'node:path';

/** What a command may touch besides the file system: injected so tests can run commands in-process. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stdout is a terminal: colours allowed. */
  isTty: boolean;
  /** stderr is a terminal: progress allowed. */
  stderrIsTty: boolean;
  /** stdin is a terminal: `init` may ask questions. */
  stdinIsTty: boolean;
  env: NodeJS.ProcessEnv;
  /** Asks one question on the terminal (init); injected so tests can script the answers. */
  ask?: (question: string) => Promise<string>;
}

/** Bad usage or a broken config: exit code 2 with a short message that says what to do. */
export class UsageError extends Error {}

/** Writes a command's output to --output FILE, or stdout. */
export function emit(io: CliIo, text: string, output: string | undefined): void {
  if (output === undefined) {
    io.stdout(text);
    return;
  }
  const target = path.resolve(io.cwd, output);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  } catch (error) {
    throw new UsageError(
      `Cannot write --output ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}. Check the folder exists and is writable.`,
    );
  }
}

export function displayPath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
}

export const DATE = /^\d{4}-\d{2}-\d{2}$/;
