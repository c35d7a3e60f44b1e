import { parseArgs } from 'node:util';
import { severityRank, type CheckedFile, type Severity } from '../engine';
import { formatGithub } from './formats/github';
import { formatGitlab } from './formats/gitlab';
import { formatJson } from './formats/json';
import { formatJunit } from './formats/junit';
import { formatMarkdown } from './formats/markdown';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { FORMATS, type FormatName, type Formatter, type ReportedFile } from './formats/types';
import { emit, UsageError, type CliIo } from './io';
import { PARALLEL_THRESHOLD, runCheck } from './run';
import { recordHashes } from './recordHashes';
import { openSession } from './session';

export const CHECK_USAGE = `Usage: agentdoc check [paths or globs...] [options]

Checks AI-agent production documentation (*.agentdoc.md). Folders are searched recursively,
respecting .gitignore; the default is the current folder.

Options:
  --format <text|json|sarif|markdown|github|junit|gitlab>  output format (default text)
  --output <file>         write the output to a file instead of stdout
  --stage <stage>         check readiness as if every document were at this stage
  --fail-on <error|warning|info>  lowest severity that makes the exit code 1 (default error)
  --quiet                 show errors only (the exit code still follows --fail-on)
  --hints                 also show hints: what later stages will need (text, markdown and
                          github output leave them out by default; json and sarif keep them)
  --config <file>         use this config file instead of discovering .agentdoc.yaml
  --no-color              no colours (also when NO_COLOR is set or output is not a terminal)
  --today <YYYY-MM-DD>    judge dates as of this day (reproducible output)
  --repository <name>     name the repository in JSON output (agentdoc portfolio merges by it)
  --jobs <n>              worker threads (default: one per core from ${PARALLEL_THRESHOLD} files on)
  --record-hashes         first write each agent file's current sha256 into the documents'
                          agent_files (run after the eval set passed), then check

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
  junit: formatJunit,
  gitlab: formatGitlab,
};

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
      hints: { type: 'boolean', default: false },
      config: { type: 'string' },
      'no-color': { type: 'boolean', default: false },
      today: { type: 'string' },
      repository: { type: 'string' },
      jobs: { type: 'string' },
      'record-hashes': { type: 'boolean', default: false },
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
  const session = await openSession(positionals.length ? positionals : ['.'], values, io);
  if (values['record-hashes']) await recordHashes(session.files, io, session.display);
  const progress = io.stderrIsTty && session.files.length >= PARALLEL_THRESHOLD;
  const checked = await runCheck(session, {
    ...(jobCount !== undefined ? { jobs: jobCount } : {}),
    ...(values.today ? { today: values.today } : {}),
    ...(values.stage ? { stage: values.stage } : {}),
    ...(progress
      ? { onProgress: (done: number, total: number) => io.stderr(`\rChecking ${done}/${total} files…`) }
      : {}),
  });
  if (progress) io.stderr('\r\x1b[K');
  if (checked.length === 0)
    io.stderr(
      `agentdoc: no agent documents (*.agentdoc.md) found in ${positionals.length ? positionals.join(', ') : 'this folder'}.\n`,
    );
  const files = checked.map((file) => reported(file, session.display(file.path)));
  const failing = files.some((file) => file.findings.some((finding) => severityRank[finding.severity] <= threshold));
  const { shown, hidden } = values.quiet
    ? below(files, 'error', '--quiet')
    : values.hints || !HINTS_HIDDEN.has(format)
      ? { shown: files, hidden: undefined }
      : below(files, 'warning', 'hints');
  const useColor =
    values.output === undefined && io.isTty && !values['no-color'] && !io.env['NO_COLOR'] && format === 'text';
  const date = values.today ?? new Date().toISOString().slice(0, 10);
  const context = {
    cwd: io.cwd,
    useColor,
    hidden,
    date,
    ...(values.repository !== undefined ? { repository: values.repository } : {}),
  };
  emit(io, FORMATTERS[format](shown, context), values.output);
  return failing ? 1 : 0;
}

function reported(file: CheckedFile, display: string): ReportedFile {
  return {
    path: display,
    findings: file.result.findings,
    verdict: file.result.verdict,
    tier: file.result.facts.tier,
    facts: file.result.facts,
  };
}

/** Formats for people, where hints (later stages) would bury what matters now. */
const HINTS_HIDDEN = new Set<FormatName>(['text', 'markdown', 'github']);

/** Findings below a severity left out (--quiet: errors only; by default: no hints), and how many. */
function below(
  files: readonly ReportedFile[],
  lowest: Severity,
  reason: '--quiet' | 'hints',
): { shown: ReportedFile[]; hidden: { count: number; reason: '--quiet' | 'hints' } } {
  let count = 0;
  const shown = files.map((file) => {
    const findings = file.findings.filter((finding) => severityRank[finding.severity] <= severityRank[lowest]);
    count += file.findings.length - findings.length;
    return { ...file, findings };
  });
  return { shown, hidden: { count, reason } };
}
