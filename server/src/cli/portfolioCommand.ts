import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildPortfolio,
  DEFAULT_OWNER_LIMIT,
  renderPortfolioHtml,
  renderPortfolioMarkdown,
  type HistoryPoint,
  type CheckedFile,
  type PortfolioInput,
} from '../engine';
import { GitError, readinessHistory, repositoryTop } from '../node/gitHistory';
import { portfolioCsv } from '../node/portfolioCsv';
import { DATE, UsageError, type CliIo } from './io';
import { emit } from './output';
import { CheckJsonError, readCheckJson } from './portfolio/readCheckJson';
import { portfolioJson } from './portfolio/portfolioJson';
import { loadDatabaseExport } from '../node/loadDatabase';
import { runCheck } from './run';
import { openSession } from './session';

export const PORTFOLIO_USAGE = `Usage: agentdoc portfolio [folders, files or check JSON...] [options]

The portfolio across agents and repositories, for the programme lead: stage funnel, tier × stage,
blockers per agent and per gate item, load per owner, overdue reviews, cost against budget,
retirement candidates, the type mix against the advice, readiness over time from git history and
duplicate ids. Folders and files are checked here (default: the current folder); a .json input is
the output of \`agentdoc check --format json\` from another repository (a CI artefact), merged in.

Options:
  --format <html|markdown|json|csv|sqlite>  default html (a self-contained dashboard)
  --output <file>         write to a file instead of stdout (required for sqlite)
  --title <text>          the heading (default "Agent portfolio")
  --repository <name>     the name of the repository checked here (default: its folder's name)
  --history <n>           sample n commits of this repository's git history (default 12; 0: none)
  --since <YYYY-MM-DD>    sample only commits from this day on
  --owner-limit <n>       flag owners with more agents than this (default ${DEFAULT_OWNER_LIMIT})
  --config <file>         use this config file instead of discovering .agentdoc.yaml
  --today <YYYY-MM-DD>    the date the portfolio is as of (default: today)`;

const FORMATS = ['html', 'markdown', 'json', 'csv', 'sqlite'] as const;
type PortfolioFormat = (typeof FORMATS)[number];
const DEFAULT_HISTORY = 12;
const MAX_JSON_BYTES = 256 * 1024 * 1024;

export async function portfolio(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'html' },
      output: { type: 'string' },
      title: { type: 'string' },
      repository: { type: 'string' },
      history: { type: 'string' },
      since: { type: 'string' },
      'owner-limit': { type: 'string' },
      config: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(PORTFOLIO_USAGE + '\n');
    return 0;
  }
  const format = values.format as PortfolioFormat;
  if (!FORMATS.includes(format))
    throw new UsageError(`Unknown --format "${values.format}": use ${FORMATS.join(', ')}.`);
  if (format === 'sqlite' && values.output === undefined)
    throw new UsageError('--format sqlite writes a database file: give it with --output, e.g. --output portfolio.db.');
  const samples = count(values.history, '--history') ?? DEFAULT_HISTORY;
  const ownerLimit = count(values['owner-limit'], '--owner-limit') ?? DEFAULT_OWNER_LIMIT;
  if (values.since !== undefined && !DATE.test(values.since))
    throw new UsageError(`--since takes a date as YYYY-MM-DD, not "${values.since}".`);
  const date = values.today ?? new Date().toISOString().slice(0, 10);
  const given = positionals.length ? positionals : ['.'];
  const isJson = (input: string): boolean =>
    /\.json$/i.test(input) && fs.statSync(path.resolve(io.cwd, input), { throwIfNoEntry: false })?.isFile() === true;
  const inputs: PortfolioInput[] = [];
  for (const file of given.filter(isJson)) inputs.push(...readJsonInput(io, file));
  const local = given.filter((input) => !isJson(input));
  let history: HistoryPoint[] = [];
  if (local.length) {
    const session = await openSession(local, { config: values.config, today: date }, io);
    const root = repositoryTop(io.cwd);
    const repository = values.repository ?? path.basename(root ?? io.cwd);
    const checked: CheckedFile[] = [];
    await runCheck(session, { today: date }, (file) => void checked.push(file));
    for (const file of checked)
      inputs.push({
        repository,
        path: session.display(file.path),
        facts: file.result.facts,
        verdict: file.result.verdict,
      });
    if (samples > 0 && root) history = await sampledHistory(io, root, local, samples, values.since);
  }
  if (inputs.length === 0)
    throw new UsageError(
      'No agent documents found: give folders to check or JSON from `agentdoc check --format json`.',
    );
  const built = buildPortfolio(inputs, {
    date,
    ownerLimit,
    history,
    ...(values.title !== undefined ? { title: values.title } : {}),
  });
  for (const duplicate of built.duplicates)
    io.stderr(
      `agentdoc portfolio: agent id "${duplicate.id}" is used ${duplicate.places.length} times: ${duplicate.places.map((where) => (where.repository ? `${where.repository}: ${where.path}` : where.path)).join(', ')}\n`,
    );
  if (format === 'sqlite') {
    const database = await (await loadDatabaseExport())(built);
    writeBinary(io, values.output!, database);
    return 0;
  }
  const text =
    format === 'html'
      ? renderPortfolioHtml(built)
      : format === 'markdown'
        ? renderPortfolioMarkdown(built)
        : format === 'csv'
          ? portfolioCsv(built)
          : portfolioJson(built);
  await emit(io, text, values.output);
  return 0;
}

function count(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 10_000)
    throw new UsageError(`${option} takes a whole number from 0 to 10000, not "${value}".`);
  return number;
}

function readJsonInput(io: CliIo, file: string): PortfolioInput[] {
  const target = path.resolve(io.cwd, file);
  try {
    const stat = fs.lstatSync(target);
    if (!stat.isFile()) throw new CheckJsonError('it is not a regular file');
    if (stat.size > MAX_JSON_BYTES) throw new CheckJsonError(`it is larger than ${MAX_JSON_BYTES / 1024 / 1024} MB`);
    const name = path.basename(file).replace(/(\.agentdoc)?\.json$/i, '');
    return readCheckJson(fs.readFileSync(target, 'utf8'), name).inputs;
  } catch (error) {
    if (error instanceof CheckJsonError) throw new UsageError(`${file}: ${error.message}.`);
    throw new UsageError(`${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
}

async function sampledHistory(
  io: CliIo,
  root: string,
  local: readonly string[],
  samples: number,
  since: string | undefined,
): Promise<HistoryPoint[]> {
  const scopes = local.map((input) => path.relative(root, path.resolve(io.cwd, input)).split(path.sep).join('/'));
  if (scopes.some((scope) => scope.startsWith('..'))) return [];
  try {
    return await readinessHistory({ root, scopes, samples, ...(since ? { since } : {}) });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    io.stderr(`agentdoc portfolio: no readiness history (${error.message}).\n`);
    return [];
  }
}

function writeBinary(io: CliIo, output: string, data: Uint8Array): void {
  const target = path.resolve(io.cwd, output);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
  } catch (error) {
    throw new UsageError(
      `Cannot write --output ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}. Check the folder exists and is writable.`,
    );
  }
}
