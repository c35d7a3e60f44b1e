import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../engine';
import { severityRank } from '../engine/types';
import { collectAgentDocs } from './files';
import { formatJson } from './formats/json';
import { formatText } from './formats/text';
import { toFileReport, type FileReport } from './report';

const USAGE = `Usage: agentdoc check [paths...] [--format text|json] [--fail-on error|warning|info] [--no-color]

Checks AI-agent production documentation (*.agent.md). Paths may be files or folders (default: .).
Exit codes: 0 no findings at or above --fail-on (default error), 1 findings, 2 usage error.`;

const FAIL_ON = { error: 0, warning: 1, info: 2 } as const;

class UsageError extends Error {}

export function run(argv: readonly string[], io: { cwd: string; stdout: (text: string) => void; stderr: (text: string) => void; isTty: boolean; env: NodeJS.ProcessEnv }): number {
  try {
    const [command, ...rest] = argv;
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE + '\n');
      return 0;
    }
    if (command !== 'check') throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
    return check(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`agentdoc: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

function check(args: readonly string[], io: Parameters<typeof run>[1]): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'error' },
      'no-color': { type: 'boolean', default: false },
      today: { type: 'string' },
    },
  });
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`Unknown format "${format}": use text or json.`);
  const failOn = values['fail-on'] ?? 'error';
  if (!(failOn in FAIL_ON)) throw new UsageError(`Unknown --fail-on level "${failOn}": use error, warning or info.`);
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new UsageError('--today takes a date as YYYY-MM-DD.');
  const { files, missing } = collectAgentDocs(positionals.length ? positionals : ['.'], io.cwd);
  if (missing.length) throw new UsageError(`No such file or folder: ${missing.join(', ')}.`);
  const reports: FileReport[] = files.map((file) => {
    const display = path.relative(io.cwd, file).split(path.sep).join('/') || path.basename(file);
    const text = fs.readFileSync(file, 'utf8');
    return toFileReport(display, analyze(text, values.today ? { today: values.today } : {}));
  });
  const useColor = io.isTty && !values['no-color'] && !io.env['NO_COLOR'];
  io.stdout(format === 'json' ? formatJson(reports) : formatText(reports, useColor));
  const threshold = FAIL_ON[failOn as keyof typeof FAIL_ON];
  const failing = reports.some((report) => report.findings.some((finding) => severityRank[finding.severity] <= threshold));
  return failing ? 1 : 0;
}

if (require.main === module) {
  const code = run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY),
    env: process.env,
  });
  process.exitCode = code;
}
