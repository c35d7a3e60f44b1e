import { makeFinding, type Rule } from './rule';

export const yamlSyntax: Rule = {
  code: 'AD001',
  name: 'yaml-syntax',
  description: 'The front matter is valid YAML.',
  rationale:
    'The facts a reviewer relies on (owner, stage, risk) live in the front matter; if it cannot be read, nothing else about the agent can be checked.',
  sources: [],
  howToFix:
    'Correct the YAML at the reported line: quote values that contain ": " or start with a quote, and indent nested keys consistently.',
  defaultSeverity: 'error',
  check({ model }) {
    return (model.frontMatter?.problems ?? []).map((problem) =>
      makeFinding(this, 'error', problem.message, problem.range, { subject: { kind: 'front-matter', id: '' } }),
    );
  },
};
