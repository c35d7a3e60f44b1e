import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  analyze,
  bundledSchemas,
  AGENT_ID_PATTERN,
  createSkeleton,
  ownerProblem,
  slugify,
  type SkeletonAnswers,
} from '../engine';
import { displayPath, UsageError, type CliIo } from './io';

export const INIT_USAGE = `Usage: agentdoc init [file] [options]

Creates a new agent document from the section templates. In a terminal it asks for what the
flags do not give; otherwise --name and --owner are needed. It never overwrites a file.

Options:
  --name <name>           the agent's name
  --id <id>               the agent's id (default: from the name)
  --owner <person>        the named person accountable for the agent
  --owner-role <role>     the owner's role
  --tier <tier-1|tier-2|tier-3>  declared tier (default: derived from the risk facts)
  --customer-facing       customers see the agent's output
  --personal-data         the agent processes personal data
  --financial-impact <none|low|medium|high>  default low
  --stage <stage>         lifecycle stage (default pilot)
  --purpose <sentence>    the task the agent performs and for whom`;

const TIERS = ['tier-1', 'tier-2', 'tier-3'];
const IMPACTS = ['none', 'low', 'medium', 'high'] as const;

export async function init(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      id: { type: 'string' },
      owner: { type: 'string' },
      'owner-role': { type: 'string' },
      tier: { type: 'string' },
      'customer-facing': { type: 'boolean' },
      'personal-data': { type: 'boolean' },
      'financial-impact': { type: 'string' },
      stage: { type: 'string' },
      purpose: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(INIT_USAGE + '\n');
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('init creates one file: give at most one file name.');
  const ask = io.stdinIsTty ? io.ask : undefined;
  const question = async (label: string, given: string | undefined, fallback?: string): Promise<string | undefined> => {
    if (given !== undefined || !ask) return given ?? fallback;
    const answer = (await ask(`${label}${fallback ? ` (${fallback})` : ''}: `)).trim();
    return answer || fallback;
  };
  const yesNo = async (label: string, given: boolean | undefined): Promise<boolean> => {
    if (given !== undefined || !ask) return given ?? false;
    return /^y(es)?$/i.test((await ask(`${label} (y/N): `)).trim());
  };
  const name = await question('Agent name', values.name);
  let owner = await question('Owner (a named person)', values.owner);
  // An owner that is not one named person (TBD, a team, an address) would start the document with
  // an error: asked in a terminal, ask again; given as a flag, refuse before writing anything.
  for (let attempt = 0; ask && values.owner === undefined && owner && attempt < 2; attempt++) {
    const problem = ownerProblem(owner);
    if (!problem) break;
    io.stderr(`${problem}\n`);
    owner = await question('Owner (a named person)', undefined);
  }
  if (!name || !owner)
    throw new UsageError('init needs --name and --owner (a named person) when it cannot ask in a terminal.');
  const ownerRefused = ownerProblem(owner);
  if (ownerRefused) throw new UsageError(ownerRefused);
  const id = await question('Agent id', values.id, slugify(name));
  if (!id || !AGENT_ID_PATTERN.test(id))
    throw new UsageError(
      `The id "${id ?? ''}" is not valid: use lower-case letters, digits and "-", up to 64 characters.`,
    );
  const stages = bundledSchemas.gates.stages.map((stage) => stage.id);
  const stage = await question(`Stage (${stages.join(', ')})`, values.stage, 'pilot');
  if (!stage || !stages.includes(stage))
    throw new UsageError(`Unknown stage "${stage ?? ''}": use one of ${stages.join(', ')}.`);
  const tier = await question('Declared tier (tier-1, tier-2, tier-3; empty to derive it)', values.tier);
  if (tier && !TIERS.includes(tier))
    throw new UsageError(
      `Unknown --tier "${tier}": use ${TIERS.join(', ')}, or leave it out to let agentdoc derive it.`,
    );
  const impact = await question('Financial impact (none, low, medium, high)', values['financial-impact'], 'low');
  if (!IMPACTS.includes(impact as (typeof IMPACTS)[number]))
    throw new UsageError(`Unknown --financial-impact "${impact ?? ''}": use ${IMPACTS.join(', ')}.`);
  const answers: SkeletonAnswers = {
    id,
    name,
    owner,
    stage,
    customerFacing: await yesNo('Do customers see its output?', values['customer-facing']),
    personalData: await yesNo('Does it process personal data?', values['personal-data']),
    financialImpact: impact as SkeletonAnswers['financialImpact'] & string,
    ...(tier ? { tier } : {}),
    ...(values['owner-role'] ? { ownerRole: values['owner-role'] } : {}),
    ...(values.purpose ? { purpose: values.purpose } : {}),
    today: values.today ?? new Date().toISOString().slice(0, 10),
  };
  const target = path.resolve(io.cwd, positionals[0] ?? `${id}.agentdoc.md`);
  if (!target.endsWith('.agentdoc.md'))
    throw new UsageError(
      `"${positionals[0] ?? ''}" does not end in .agentdoc.md, so agentdoc would not check it: name the file <something>.agentdoc.md.`,
    );
  const text = createSkeleton(answers);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // "wx" fails if the file exists: never overwrite someone's document, even in a race.
    fs.writeFileSync(target, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new UsageError(
        `${displayPath(io.cwd, target)} already exists; agentdoc init never overwrites a file. Choose another name or delete it first.`,
      );
    throw new UsageError(`Cannot create ${displayPath(io.cwd, target)}: ${code ?? String(error)}.`);
  }
  const findings = analyze(text, { today: answers.today ?? '' }).findings;
  const count = (severity: string, one: string, many: string): string => {
    const n = findings.filter((finding) => finding.severity === severity).length;
    return `${n} ${n === 1 ? one : many}`;
  };
  io.stdout(
    `Created ${displayPath(io.cwd, target)} (stage ${stage}): ${count('error', 'error', 'errors')}, ${count('warning', 'warning', 'warnings')}.\nRun \`agentdoc check ${displayPath(io.cwd, target)}\` to see what to fill in next.\n`,
  );
  return 0;
}
