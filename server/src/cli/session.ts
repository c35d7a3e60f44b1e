import * as path from 'node:path';
import {
  bundledSchemas,
  createAgentdocService,
  type AgentdocService,
  type DocumentOptions,
  type ListedFile,
} from '../engine';
import { evidenceChecker, repositoryRoot } from '../node/evidenceFiles';
import { nodeHost, toEnginePath, toNativePath } from '../node/nodeHost';
import { DATE, UsageError, type CliIo } from './io';

/** A config problem as the CLI prints it: `file:line:col: message` (1-based). */
export class ConfigError extends Error {}

export interface Session {
  service: AgentdocService;
  files: ListedFile[];
  /** A path as shown: relative to the working folder, '/'-separated. */
  display(enginePath: string): string;
}

export interface SessionOptions {
  config?: string | undefined;
  today?: string | undefined;
  stage?: string | undefined;
}

/** How the CLI checks a document, on the main thread and in its workers alike. */
export function cliDocumentOptions(values: {
  today?: string | undefined;
  stage?: string | undefined;
}): DocumentOptions {
  return {
    ...(values.today ? { today: values.today } : {}),
    ...(values.stage ? { stage: values.stage } : {}),
    // Evidence links resolve inside the document's repository (or its folder outside one).
    fileExists: (document) => evidenceChecker(toNativePath(document), []),
    // So do the agent files it names (prompt files, MCP configuration): read, never run.
    agentFileAccess: (document) => ({ host: nodeHost, root: agentFileRoot(document) }),
  };
}

/** The repository holding a document, or its folder outside one: agent files are read inside it only. */
export function agentFileRoot(document: string): string {
  const folder = path.dirname(toNativePath(document));
  return toEnginePath(repositoryRoot(folder) ?? folder);
}

/**
 * What check and report share: options validated, the engine service for the working folder's
 * repository, the files the inputs name, every config they use loaded and validated.
 */
export async function openSession(inputs: readonly string[], values: SessionOptions, io: CliIo): Promise<Session> {
  if (values.today !== undefined && !DATE.test(values.today))
    throw new UsageError(`--today takes a date as YYYY-MM-DD, not "${values.today}".`);
  const stages = bundledSchemas.gates.stages.map((stage) => stage.id);
  if (values.stage !== undefined && !stages.includes(values.stage))
    throw new UsageError(`Unknown --stage "${values.stage}": use one of ${stages.join(', ')}.`);
  const cwd = toEnginePath(io.cwd);
  const repository = repositoryRoot(io.cwd);
  const root = repository === undefined ? cwd : toEnginePath(repository);
  const explicit = values.config === undefined ? undefined : toEnginePath(path.resolve(io.cwd, values.config));
  const service = createAgentdocService({
    host: nodeHost,
    // Discovery stops at the repository root; files outside it may climb to the file system root.
    roots: [root, toEnginePath(path.parse(io.cwd).root)],
    repositoryRoots: [root],
    ...(explicit !== undefined ? { configPath: explicit } : {}),
    ...cliDocumentOptions(values),
  });
  const display = (enginePath: string): string => {
    const relative = path.relative(io.cwd, toNativePath(enginePath)).split(path.sep).join('/');
    return relative || path.basename(enginePath);
  };
  if (explicit !== undefined) {
    await service.configs.forFile(explicit);
    throwConfigProblems(service, display);
  }
  const resolved = inputs.map((input) => toEnginePath(path.resolve(io.cwd, input)));
  const listed = await service.listFiles(resolved);
  if (listed.unmatched.length) {
    const named = listed.unmatched.map((input) => `"${inputs[resolved.indexOf(input)] ?? input}"`);
    throw new UsageError(
      `Nothing found for ${named.join(', ')}: give existing files, folders or globs that match files.`,
    );
  }
  for (const file of listed.files) await service.configs.forFile(file.path);
  throwConfigProblems(service, display);
  return { service, files: listed.files, display };
}

function throwConfigProblems(service: AgentdocService, display: (path: string) => string): void {
  const lines = [...service.configs.allProblems()].flatMap(([configPath, problems]) =>
    problems.map(
      (problem) =>
        `${display(configPath)}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`,
    ),
  );
  if (lines.length) throw new ConfigError(lines.join('\n'));
}
