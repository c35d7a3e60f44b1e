import type { YamlProblem } from '../model/frontMatter';
import type { FixSuggestion } from '../types';
import { makeFinding, type Rule } from './rule';

export const yamlSyntax: Rule = {
  code: 'AD001',
  name: 'yaml-syntax',
  description: 'The front matter is valid YAML.',
  rationale:
    'The facts a reviewer relies on (owner, stage, risk) live in the front matter; if it cannot be read, nothing else about the agent can be checked.',
  sources: [],
  howToFix:
    'The message names the cause for the common mistakes (a tab, a missing space after a colon, a quote inside quotes, an unclosed quote or bracket, a duplicate key, uneven indentation), and a quick fix repairs it where only one repair makes sense.',
  defaultSeverity: 'error',
  check({ model }) {
    return (model.frontMatter?.problems ?? []).map((problem) =>
      makeFinding(this, 'error', problem.message, problem.range, {
        subject: { kind: 'front-matter', id: '' },
        ...(problem.repair ? { fixes: [repairFix(problem.repair)] } : {}),
      }),
    );
  },
};

/** Not safe for fix-all: a YAML repair changes what the rest of the front matter means. */
function repairFix(repair: NonNullable<YamlProblem['repair']>): FixSuggestion {
  return {
    title: repair.title,
    insertions: [{ position: repair.range.start, text: repair.text, replaces: repair.range.end }],
    safe: false,
  };
}
