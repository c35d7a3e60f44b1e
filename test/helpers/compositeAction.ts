// Runs a composite GitHub Action (action.yml) the way the Actions runner does, for the parts this
// project's action uses: inputs with defaults, `${{ }}` substitution in env, with and run, `if:` with
// always()/success()/failure(), ==, !=, &&, ||, !, step outputs through $GITHUB_OUTPUT, bash steps run as
// `bash --noprofile --norc -eo pipefail`, and `uses:` steps recorded (not run: they need GitHub).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';

interface ActionStep {
  id?: string;
  name?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

export interface ActionDefinition {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface StepRun {
  name: string;
  status: 'success' | 'failure' | 'skipped';
  stdout: string;
  stderr: string;
  uses?: { action: string; with: Record<string, string> };
}

export interface ActionRun {
  steps: StepRun[];
  outputs: Record<string, string>;
  failed: boolean;
  summary: string;
}

export function readAction(file: string): ActionDefinition {
  return parse(fs.readFileSync(file, 'utf8')) as ActionDefinition;
}

type Context = { inputs: Record<string, string>; steps: Record<string, { outputs: Record<string, string> }> };

function lookup(name: string, context: Context, actionPath: string): string {
  const parts = name.split('.');
  if (parts[0] === 'inputs' && parts.length === 2) return context.inputs[parts[1]!] ?? '';
  if (parts[0] === 'steps' && parts[2] === 'outputs' && parts.length === 4)
    return context.steps[parts[1]!]?.outputs[parts[3]!] ?? '';
  if (name === 'github.action_path') return actionPath;
  throw new Error(`compositeAction: unsupported context ${name}`);
}

/** Evaluates the small expression language of `if:` and `${{ }}`; values are strings or booleans. */
function evaluate(expression: string, context: Context, actionPath: string, failed: boolean): string | boolean {
  const tokens = expression.match(/'(?:[^']|'')*'|==|!=|&&|\|\||!|\(|\)|[A-Za-z_][\w.-]*(?:\(\))?/g) ?? [];
  let position = 0;
  const peek = () => tokens[position];
  const truthy = (value: string | boolean) => value !== '' && value !== false;
  const primary = (): string | boolean => {
    const token = tokens[position++];
    if (token === undefined) throw new Error(`compositeAction: incomplete expression ${expression}`);
    if (token === '!') return !truthy(primary());
    if (token === '(') {
      const value = or();
      position++;
      return value;
    }
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (token === 'always()') return true;
    if (token === 'success()') return !failed;
    if (token === 'failure()') return failed;
    if (token === 'true' || token === 'false') return token === 'true';
    return lookup(token, context, actionPath);
  };
  const comparison = (): string | boolean => {
    const left = primary();
    if (peek() === '==' || peek() === '!=') {
      const operator = tokens[position++];
      const right = primary();
      return operator === '==' ? String(left) === String(right) : String(left) !== String(right);
    }
    return left;
  };
  const and = (): string | boolean => {
    let value = comparison();
    while (peek() === '&&') {
      position++;
      const right = comparison();
      value = truthy(value) && truthy(right);
    }
    return value;
  };
  const or = (): string | boolean => {
    let value = and();
    while (peek() === '||') {
      position++;
      const right = and();
      value = truthy(value) || truthy(right);
    }
    return value;
  };
  return or();
}

function substitute(text: string, context: Context, actionPath: string): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) =>
    String(evaluate(expression.trim(), context, actionPath, false)),
  );
}

/** `name=value` lines and `name<<DELIMITER` blocks, as the runner reads $GITHUB_OUTPUT. */
function readOutputs(file: string): Record<string, string> {
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
  const outputs: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]!.includes('=')) {
      const at = lines[i]!.indexOf('=');
      outputs[lines[i]!.slice(0, at)] = lines[i]!.slice(at + 1);
    }
  }
  return outputs;
}

export function runCompositeAction(options: {
  actionPath: string;
  workspace: string;
  with?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
}): ActionRun {
  const action = readAction(path.join(options.actionPath, 'action.yml'));
  if (action.runs.using !== 'composite') throw new Error('compositeAction: not a composite action');
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-action-'));
  const summaryFile = path.join(temp, 'step-summary.md');
  fs.writeFileSync(summaryFile, '');
  const inputs = Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [name, options.with?.[name] ?? input.default ?? '']),
  );
  const context: Context = { inputs, steps: {} };
  const steps: StepRun[] = [];
  let failed = false;
  try {
    for (const [index, step] of action.runs.steps.entries()) {
      const name = step.name ?? step.id ?? `step ${index + 1}`;
      const condition = step.if ?? 'success()';
      const implicitSuccess = /\b(always|success|failure)\(\)/.test(condition)
        ? condition
        : `success() && (${condition})`;
      if (!evaluate(implicitSuccess.replace(/^\$\{\{|\}\}$/g, ''), context, options.actionPath, failed)) {
        steps.push({ name, status: 'skipped', stdout: '', stderr: '' });
        continue;
      }
      if (step.uses) {
        const withValues = Object.fromEntries(
          Object.entries(step.with ?? {}).map(([key, value]) => [
            key,
            substitute(String(value), context, options.actionPath),
          ]),
        );
        steps.push({ name, status: 'success', stdout: '', stderr: '', uses: { action: step.uses, with: withValues } });
        continue;
      }
      if (step.shell !== 'bash' || step.run === undefined)
        throw new Error(`compositeAction: ${name} is not a bash step`);
      const outputFile = path.join(temp, `output-${index}`);
      const script = path.join(temp, `step-${index}.sh`);
      fs.writeFileSync(script, substitute(step.run, context, options.actionPath));
      const stepEnv = Object.fromEntries(
        Object.entries(step.env ?? {}).map(([key, value]) => [
          key,
          substitute(String(value), context, options.actionPath),
        ]),
      );
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
        cwd: options.workspace,
        encoding: 'utf8',
        timeout: 120000,
        env: {
          ...options.env,
          ...stepEnv,
          GITHUB_ACTION_PATH: options.actionPath,
          GITHUB_WORKSPACE: options.workspace,
          GITHUB_OUTPUT: outputFile,
          GITHUB_STEP_SUMMARY: summaryFile,
          RUNNER_TEMP: temp,
        },
      });
      const status = result.status === 0 ? 'success' : 'failure';
      if (status === 'failure') failed = true;
      if (step.id) context.steps[step.id] = { outputs: readOutputs(outputFile) };
      steps.push({ name, status, stdout: result.stdout, stderr: result.stderr });
    }
    const outputs = Object.fromEntries(
      Object.entries(action.outputs).map(([name, output]) => [
        name,
        substitute(output.value, context, options.actionPath),
      ]),
    );
    return { steps, outputs, failed, summary: fs.readFileSync(summaryFile, 'utf8') };
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}
