import { msg } from '../l10n';
import { loadedAgentFiles } from '../agentFiles/loaded';
import { modelKey } from '../agentFiles/parse';
import { makeFinding, type Rule } from './rule';
import { atLeastWarning, fmRange, fmText, sectionSeverity, severityFrom } from './support';

const PROMPT_KINDS = new Set(['prompt', 'prompt-yml', 'agent', 'instructions']);

export const modelDrift: Rule = {
  code: 'AD423',
  name: 'model-differs-from-config',
  description:
    "The model an agent file selects (a custom agent's or prompt file's model:, a GitHub Models .prompt.yml) is model.name (or, for the later entries of a list, model.fallback).",
  rationale:
    'The evaluation, the risk assessment and the retirement date all refer to the documented model. When the configuration runs another one, every one of them describes a different agent.',
  sources: ['seed:004', 'seed:003', 'OWASP LLM03'],
  howToFix:
    'Make model.name say what the file runs (and re-run the eval set), or change the file back to the documented model.',
  defaultSeverity: 'stage',
  check(context) {
    const files = loadedAgentFiles(context.model, context.agentFiles);
    if (!files) return [];
    const severity = atLeastWarning(severityFrom(context, 'shadow'));
    const name = fmText(context, 'model.name');
    const fallback = fmText(context, 'model.fallback');
    const known = new Set([name, fallback].flatMap((model) => (model ? [modelKey(model)] : [])));
    return files.flatMap((file) => {
      const models = file.facts?.problem ? [] : (file.facts?.models ?? []);
      return models.flatMap((model, at) => {
        const key = modelKey(model);
        if (!name) {
          return at > 0
            ? []
            : [
                makeFinding(
                  this,
                  severity,
                  msg(
                    'agentFileChecks.runsModelButDocument',
                    '"{declaredPath}" runs model "{model}" but the document names no model: add model.name (and model.pinning).',
                    { declaredPath: file.declared.path, model },
                  ),
                  file.declared.range,
                  { subject: { kind: 'front-matter', id: 'model.name' } },
                ),
              ];
        }
        if (at === 0 ? key === modelKey(name) : known.has(key)) return [];
        const expected = at === 0 ? name : (fallback ?? name);
        return [
          makeFinding(
            this,
            severity,
            msg(
              'agentFileChecks.runsModelButDocument2',
              '"{declaredPath}" runs model "{model}" but the document says {value} is "{expected}": document what runs (and re-run the eval set), or change the file back.',
              { declaredPath: file.declared.path, model, value: at === 0 ? 'model.name' : 'model.fallback', expected },
            ),
            fmRange(context.model, at === 0 || !fallback ? 'model.name' : 'model.fallback'),
            { subject: { kind: 'front-matter', id: at === 0 ? 'model.name' : 'model.fallback' } },
          ),
        ];
      });
    });
  },
};

export const promptChanged: Rule = {
  code: 'AD424',
  name: 'prompt-changed-after-signoff',
  description: 'A file in agent_files with a recorded sha256 still has that hash (line endings normalised).',
  rationale:
    'The hash was recorded when the eval set last ran and the prompt was signed off. A different hash means the prompt (or configuration) changed afterwards: what runs is not what was evaluated.',
  sources: ['seed:004', 'seed:003', 'EU AI Act Art. 9(8)', 'OWASP LLM03'],
  howToFix:
    "Re-run the eval set on the changed file, then record the new hash (command 'agentdoc: Record agent file hashes' or `agentdoc check --record-hashes`).",
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'evaluation');
    const files = loadedAgentFiles(context.model, context.agentFiles);
    if (!severity || !files) return [];
    return files.flatMap((file) => {
      const recorded = file.declared.sha256;
      const now = file.facts?.hash;
      if (!recorded || !now || recorded === now) return [];
      return [
        makeFinding(
          this,
          severity,
          msg(
            'agentFileChecks.changedAfterSignOff',
            '"{declaredPath}" changed after sign-off (recorded sha256 {value}…, now {value2}…): re-run the eval set, then record the new hash.',
            { declaredPath: file.declared.path, value: recorded.slice(0, 12), value2: now.slice(0, 12) },
          ),
          file.declared.sha256Range ?? file.declared.range,
          { subject: { kind: 'front-matter', id: `agent_files.${file.declared.path}` } },
        ),
      ];
    });
  },
};

export const promptHashMissing: Rule = {
  code: 'AD425',
  name: 'prompt-hash-not-recorded',
  description:
    'From promptHashFromStage (canary) on, every prompt-like file in agent_files (prompt, .prompt.yml, custom agent, AGENTS.md) carries the sha256 recorded at the last evaluation.',
  rationale:
    'Without a recorded hash nothing ties the signed-off evaluation to the prompt that runs: a later edit goes unnoticed until behaviour changes in production.',
  sources: ['seed:004', 'seed:003', 'OWASP LLM03'],
  howToFix:
    "After the eval set ran, record the hashes with the command 'agentdoc: Record agent file hashes' or `agentdoc check --record-hashes`.",
  defaultSeverity: 'stage',
  check(context) {
    const severity = severityFrom(context, context.model.schemas.policy.promptHashFromStage ?? 'canary');
    const files = loadedAgentFiles(context.model, context.agentFiles);
    if (!severity || !files) return [];
    return files.flatMap((file) => {
      if (file.declared.sha256 || !file.facts || !PROMPT_KINDS.has(file.facts.kind)) return [];
      return [
        makeFinding(
          this,
          severity,
          msg(
            'agentFileChecks.promptFileNoRecorded',
            'Prompt file "{declaredPath}" has no recorded sha256: after the eval set ran, record it (command \'agentdoc: Record agent file hashes\' or agentdoc check --record-hashes), so a later change is noticed.',
            { declaredPath: file.declared.path },
          ),
          file.declared.range,
          { subject: { kind: 'front-matter', id: `agent_files.${file.declared.path}` } },
        ),
      ];
    });
  },
};
