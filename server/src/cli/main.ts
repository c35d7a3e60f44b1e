import * as readline from 'node:readline/promises';
import { check, CHECK_USAGE } from './check';
import { ConfigError } from './session';
import { exportCommand, EXPORT_USAGE } from './exportCommand';
import { init, INIT_USAGE } from './init';
import { UsageError, type CliIo } from './io';
import { portfolio, PORTFOLIO_USAGE } from './portfolioCommand';
import { report, REPORT_USAGE } from './reportCommand';
import { TOOL_VERSION } from './projectHome';
import { localeFromEnvironment, setLocale } from '../engine';

const USAGE = `Usage: agentdoc <command> [options]

Commands:
  check [paths...]   check *.agentdoc.md files (text, json, sarif, markdown or github output)
  report [paths...]  write the readiness report (markdown or html) for a decision gate
  portfolio [paths or check JSON...]  the portfolio dashboard across repositories (html, markdown, csv, sqlite)
  init [file]        create a new agent document from the template
  export [paths...]  EU AI Act Annex IV documentation, an A2A Agent Card or a Backstage entity

Options for every command:
  --lang <de|en|fr>  the language of messages (default: LC_ALL, LC_MESSAGES or LANG; else English)

Run \`agentdoc <command> --help\` for a command's options. Documentation: docs/cli.md.`;

const COMMANDS: Record<
  string,
  { run: (args: readonly string[], io: CliIo) => number | Promise<number>; usage: string }
> = {
  check: { run: check, usage: CHECK_USAGE },
  report: { run: report, usage: REPORT_USAGE },
  portfolio: { run: portfolio, usage: PORTFOLIO_USAGE },
  init: { run: init, usage: INIT_USAGE },
  export: { run: exportCommand, usage: EXPORT_USAGE },
};

/** Runs one command line; resolves to the exit code (0 clean, 1 findings, 2 usage or config error). */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { lang, rest: args } = takeLang(argv);
  setLocale(lang ?? localeFromEnvironment(io.env));
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout)(USAGE + '\n');
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${TOOL_VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    io.stderr(`agentdoc: unknown command "${command}". Use check, report, portfolio, init or export.\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await entry.run(rest, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\nagentdoc: the configuration has problems (above); fix them and run again.\n`);
      return 2;
    }
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(
        `agentdoc ${command}: ${(error as Error).message}\nRun \`agentdoc ${command} --help\` for the options.\n`,
      );
      return 2;
    }
    throw error;
  }
}

/** --lang X or --lang=X anywhere on the line: one language for the whole run, as LANG would set it. */
function takeLang(argv: readonly string[]): { lang: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--lang' && index + 1 < argv.length) lang = argv[++index];
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  return { lang, rest };
}

function isParseArgsError(error: unknown): error is TypeError {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}

/**
 * Output to a closed pipe (`agentdoc check | head`) ends the run quietly, as the reader wants:
 * no EPIPE stack trace, whatever the format.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

if (require.main === module) {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  const terminal = Boolean(process.stdin.isTTY);
  // Created on the first question only, so commands that never ask leave stdin alone.
  let prompt: readline.Interface | undefined;
  const ask = (question: string): Promise<string> =>
    (prompt ??= readline.createInterface({ input: process.stdin, output: process.stderr })).question(question);
  run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    drain: () =>
      process.stdout.writableNeedDrain
        ? new Promise((resolve) => process.stdout.once('drain', resolve))
        : Promise.resolve(),
    isTty: Boolean(process.stdout.isTTY),
    stderrIsTty: Boolean(process.stderr.isTTY),
    stdinIsTty: terminal,
    env: process.env,
    ...(terminal ? { ask } : {}),
  })
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(
          `agentdoc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report this.\n`,
        );
        process.exitCode = 2;
      },
    )
    .finally(() => prompt?.close());
}
