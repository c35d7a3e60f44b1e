import { parseArgs } from 'node:util';
import { severityRank, type CheckedFile, type Severity } from '../engine';
import { formatGithub } from './formats/github';
import { formatGitlab } from './formats/gitlab';
import { formatJson } from './formats/json';
import { formatJunit } from './formats/junit';
import { formatMarkdown } from './formats/markdown';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import {
  FORMATS,
  type Format,
  type FormatContext,
  type FormatName,
  type ReportedFile,
  type RunTotals,
} from './formats/types';
import { UsageError, type CliIo } from './io';
import { openOutput } from './output';
import { PARALLEL_THRESHOLD, runCheck } from './run';
import { recordHashes } from './recordHashes';
import { openSession } from './session';
import { toEnginePath } from '../node/nodeHost';

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
const FORMATTERS: Record<FormatName, Format> = {
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
  const output = openOutput(
    io,
    values.output,
    session.files.map((file) => file.path),
    toEnginePath,
  );
  const progress = io.stderrIsTty && session.files.length >= PARALLEL_THRESHOLD;
  const useColor =
    values.output === undefined && io.isTty && !values['no-color'] && !io.env['NO_COLOR'] && format === 'text';
  // --quiet: errors only; by default the formats for people leave out hints (later stages).
  const lowest: Severity | undefined = values.quiet
    ? 'error'
    : values.hints || !HINTS_HIDDEN.has(format)
      ? undefined
      : 'warning';
  const context: FormatContext = {
    cwd: io.cwd,
    useColor,
    hiding: values.quiet ? '--quiet' : lowest ? 'hints' : undefined,
    date: values.today ?? new Date().toISOString().slice(0, 10),
    ...(values.repository !== undefined ? { repository: values.repository } : {}),
  };
  const writer = FORMATTERS[format]((text) => output.write(text), context);
  const totals: RunTotals = {
    files: 0,
    filesWithFindings: 0,
    counts: { error: 0, warning: 0, information: 0, hint: 0 },
    hidden: 0,
  };
  let failing = false;
  try {
    await runCheck(
      session,
      {
        ...(jobCount !== undefined ? { jobs: jobCount } : {}),
        ...(values.today ? { today: values.today } : {}),
        ...(values.stage ? { stage: values.stage } : {}),
        ...(progress
          ? {
              onProgress: (done: number, total: number) => io.stderr(`\rChecking ${done}/${total} files…`),
              onAnalysed: () => io.stderr('\r\x1b[K'),
            }
          : {}),
      },
      async (checked) => {
        const file = reported(checked.result, session.display(checked.path));
        failing ||= file.findings.some((finding) => severityRank[finding.severity] <= threshold);
        const shown = lowest ? below(file, lowest) : file;
        totals.hidden += file.findings.length - shown.findings.length;
        totals.files++;
        if (shown.findings.length) totals.filesWithFindings++;
        for (const finding of shown.findings) totals.counts[finding.severity]++;
        writer.file(shown);
        await output.flush();
      },
    );
    if (totals.files === 0)
      io.stderr(
        `agentdoc: no agent documents (*.agentdoc.md) found in ${positionals.length ? positionals.join(', ') : 'this folder'}.\n`,
      );
    writer.end(totals);
  } finally {
    await output.close();
  }
  return failing ? 1 : 0;
}

function reported(result: CheckedFile['result'], display: string): ReportedFile {
  return {
    path: display,
    findings: result.findings,
    verdict: result.verdict,
    tier: result.facts.tier,
    facts: result.facts,
  };
}

/** Formats for people, where hints (later stages) would bury what matters now. */
const HINTS_HIDDEN = new Set<FormatName>(['text', 'markdown', 'github']);

/** The file's findings at or above a severity; the rest is counted for the summaries. */
function below(file: ReportedFile, lowest: Severity): ReportedFile {
  return {
    ...file,
    findings: file.findings.filter((finding) => severityRank[finding.severity] <= severityRank[lowest]),
  };
}
