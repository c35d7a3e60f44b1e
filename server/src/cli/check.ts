import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { bundledSchemas } from '../engine';
import { severityRank, type Severity } from '../engine/types';
import type { CheckJob, CheckedFile } from './checkFile';
import { ConfigError, ConfigResolver } from './configFiles';
import { collectFiles } from './files';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { formatMarkdown } from './formats/markdown';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { FORMATS, type FormatName, type Formatter } from './formats/types';
import { GitIgnore } from './gitignore';
import { DATE, displayPath, emit, UsageError, type CliIo } from './io';
import { checkAll, PARALLEL_THRESHOLD } from './pool';

export const CHECK_USAGE = `Usage: agentdoc check [paths or globs...] [options]

Checks AI-agent production documentation (*.agent.md). Folders are searched recursively,
respecting .gitignore; the default is the current folder.

Options:
  --format <text|json|sarif|markdown|github>  output format (default text)
  --output <file>         write the output to a file instead of stdout
  --stage <stage>         check readiness as if every document were at this stage
  --fail-on <error|warning|info>  lowest severity that makes the exit code 1 (default error)
  --quiet                 show errors only (the exit code still follows --fail-on)
  --config <file>         use this config file instead of discovering .agentdoc.yaml
  --no-color              no colours (also when NO_COLOR is set or output is not a terminal)
  --today <YYYY-MM-DD>    judge dates as of this day (reproducible output)
  --jobs <n>              worker threads (default: one per core from ${PARALLEL_THRESHOLD} files on)

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above --fail-on, 2 usage or config error.`;

const FAIL_ON: Record<string, number> = {
  error: severityRank.error,
  warning: severityRank.warning,
  info: severityRank.information,
};
const FORMATTERS: Record<FormatName, Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  markdown: formatMarkdown,
  github: formatGithub,
};

export interface Prepared {
  files: string[];
  jobs: CheckJob[];
}

/** Shared by check and report: options → files, configs validated, one job per file. */
export function prepare(
  positionals: readonly string[],
  values: { config?: string; today?: string; stage?: string },
  io: CliIo,
): Prepared {
  if (values.today !== undefined && !DATE.test(values.today))
    throw new UsageError(`--today takes a date as YYYY-MM-DD, not "${values.today}".`);
  const stages = bundledSchemas.gates.stages.map((stage) => stage.id);
  if (values.stage !== undefined && !stages.includes(values.stage))
    throw new UsageError(`Unknown --stage "${values.stage}": use one of ${stages.join(', ')}.`);
  const gitignore = new GitIgnore(io.cwd);
  const explicit = values.config === undefined ? undefined : path.resolve(io.cwd, values.config);
  let configs: ConfigResolver;
  try {
    configs = new ConfigResolver(explicit, gitignore.root, io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  const { files, unmatched } = collectFiles(positionals.length ? positionals : ['.'], io.cwd, configs, gitignore);
  if (unmatched.length)
    throw new UsageError(
      `Nothing found for ${unmatched.map((input) => `"${input}"`).join(', ')}: give existing files, folders or globs that match files.`,
    );
  const jobs = files.map((file): CheckJob => {
    const config = configs.forFile(file);
    return {
      file,
      display: displayPath(io.cwd, file),
      ...(config.path !== undefined && config.text !== undefined
        ? { config: { path: config.path, text: config.text } }
        : {}),
      ...(values.today ? { today: values.today } : {}),
      ...(values.stage ? { stage: values.stage } : {}),
    };
  });
  if (configs.problems.length) throw new ConfigError(configs.problems.join('\n'));
  return { files, jobs };
}

export async function check(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      output: { type: 'string' },
      stage: { type: 'string' },
      'fail-on': { type: 'string', default: 'error' },
      quiet: { type: 'boolean', default: false },
      config: { type: 'string' },
      'no-color': { type: 'boolean', default: false },
      today: { type: 'string' },
      jobs: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(CHECK_USAGE + '\n');
    return 0;
  }
  const format = values.format as FormatName;
  if (!FORMATS.includes(format))
    throw new UsageError(`Unknown --format "${values.format}": use ${FORMATS.join(', ')}.`);
  const failOn = values['fail-on'] ?? 'error';
  const threshold = FAIL_ON[failOn];
  if (threshold === undefined) throw new UsageError(`Unknown --fail-on "${failOn}": use error, warning or info.`);
  const jobCount = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobCount !== undefined && (!Number.isInteger(jobCount) || jobCount < 1))
    throw new UsageError('--jobs takes a whole number of at least 1.');
  const { jobs } = prepare(positionals, values, io);
  if (jobs.length === 0)
    io.stderr(
      `agentdoc: no *.agent.md files found in ${positionals.length ? positionals.join(', ') : 'this folder'}.\n`,
    );
  const progress = io.stderrIsTty && jobs.length >= PARALLEL_THRESHOLD;
  const checked = await checkAll(jobs, {
    ...(jobCount !== undefined ? { jobs: jobCount } : {}),
    ...(progress
      ? { onProgress: (done: number, total: number) => io.stderr(`\rChecking ${done}/${total} files…`) }
      : {}),
  });
  if (progress) io.stderr('\r\x1b[K');
  const failing = checked.some((file) => file.findings.some((finding) => severityRank[finding.severity] <= threshold));
  const { shown, hidden } = values.quiet ? quiet(checked) : { shown: checked, hidden: 0 };
  const useColor =
    values.output === undefined && io.isTty && !values['no-color'] && !io.env['NO_COLOR'] && format === 'text';
  emit(io, FORMATTERS[format](shown, { cwd: io.cwd, useColor, hidden }), values.output);
  return failing ? 1 : 0;
}

/** --quiet: errors only, in every format; the rest is counted for the text summary. */
function quiet(files: readonly CheckedFile[]): { shown: CheckedFile[]; hidden: number } {
  let hidden = 0;
  const shown = files.map((file) => {
    const findings = file.findings.filter((finding) => (finding.severity as Severity) === 'error');
    hidden += file.findings.length - findings.length;
    return { ...file, findings };
  });
  return { shown, hidden };
}
