import * as path from 'node:path';

/** What a command may touch besides the file system: injected so tests can run commands in-process. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Resolves once stdout can take more (a slow pipe); absent when writes never back up. */
  drain?: () => Promise<void>;
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

export function displayPath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
}

export const DATE = /^\d{4}-\d{2}-\d{2}$/;
