import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { buildReport, renderReportHtml, renderReportMarkdown } from '../engine/report';
import { analyzeWithConfig, loadConfig } from '../engine/config';
import { prepare } from './check';
import { emit, UsageError, type CliIo } from './io';

export const REPORT_USAGE = `Usage: agentdoc report [paths or globs...] [--format markdown|html] [--output FILE]

Writes the readiness report for a decision gate: per agent its owner, tier, stage, the stage it
is ready for, every gate item with status, sign-off and evidence, the blockers, and readiness by
stage. Paths work as for check (default: the current folder).

Options:
  --format <markdown|html>  default markdown
  --output <file>           write to a file instead of stdout
  --stage <stage>           judge readiness as if the documents were at this stage
  --config <file>           use this config file instead of discovering .agentdoc.yaml
  --today <YYYY-MM-DD>      the date the report is as of (default: today)`;

export function report(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'markdown' },
      output: { type: 'string' },
      stage: { type: 'string' },
      config: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(REPORT_USAGE + '\n');
    return 0;
  }
  if (values.format !== 'markdown' && values.format !== 'html')
    throw new UsageError(`Unknown --format "${values.format}": use markdown or html.`);
  const { jobs } = prepare(positionals, values, io);
  if (jobs.length === 0) throw new UsageError('No *.agent.md files found: give the files or folders to report on.');
  const date = values.today ?? new Date().toISOString().slice(0, 10);
  const entries = jobs.map((job) => {
    const loaded = job.config ? loadConfig(job.config.text, job.config.path) : undefined;
    return {
      path: job.display,
      result: analyzeWithConfig(fs.readFileSync(job.file, 'utf8'), loaded, {
        today: date,
        ...(job.stage ? { stageOverride: job.stage } : {}),
      }),
    };
  });
  const built = buildReport(entries, { date });
  emit(io, values.format === 'html' ? renderReportHtml(built) : renderReportMarkdown(built), values.output);
  return 0;
}
