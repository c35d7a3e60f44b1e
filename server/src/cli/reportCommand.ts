import { parseArgs } from 'node:util';
import { buildReport, renderReportHtml, renderReportMarkdown } from '../engine';
import { openSession } from './session';
import { UsageError, type CliIo } from './io';
import { openOutput } from './output';
import { toEnginePath } from '../node/nodeHost';

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

export async function report(args: readonly string[], io: CliIo): Promise<number> {
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
  const date = values.today ?? new Date().toISOString().slice(0, 10);
  const session = await openSession(positionals.length ? positionals : ['.'], { ...values, today: date }, io);
  const checked = await session.service.checkFiles(session.files);
  if (checked.length === 0)
    throw new UsageError('No agent documents (*.agentdoc.md) found: give the files or folders to report on.');
  const entries = checked.map((file) => ({ path: session.display(file.path), result: file.result }));
  const built = buildReport(entries, { date });
  const output = openOutput(
    io,
    values.output,
    session.files.map((file) => file.path),
    toEnginePath,
  );
  output.write(values.format === 'html' ? renderReportHtml(built) : renderReportMarkdown(built));
  await output.close();
  return 0;
}
