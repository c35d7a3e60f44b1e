import { example, exampleEvidence } from './cli';

/**
 * A repository whose agent drifted from its documentation (issue 17): the complete example with a
 * custom agent file added, and its MCP configuration, prompt and agent file changed after sign-off.
 * `drifted()` shows every drift finding; `repaired()` is the same repository after the fixes.
 */
export const DOC = 'complete.agentdoc.md';
export const AGENT = '.github/agents/ap-triage.agent.md';
export const MCP = '.vscode/mcp.json';
export const PROMPT = 'prompts/ap-invoice-triage.prompt.md';

/** The document naming the custom agent file too. */
export function documentText(): string {
  return example(DOC).replace('  - path: .vscode/mcp.json\n', `  - path: .vscode/mcp.json\n  - path: ${AGENT}\n`);
}

const GITHUB_SERVER =
  '"github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"], "env": { "GITHUB_TOKEN": "${input:gh}" } },';

export function driftedMcp(): string {
  const original = exampleEvidence()[MCP] ?? '';
  return original
    .replace('"servers": {', `"servers": {\n    ${GITHUB_SERVER}`)
    .replace('@acme-finance/graph-mail-mcp@0.9.3', '@acme-finance/graph-mail-mcp@0.9.4')
    .replace(/ {4}"servicenow": \{[\s\S]*?\n {4}\},\n/, '');
}

export function repairedMcp(): string {
  const original = exampleEvidence()[MCP] ?? '';
  return original.replace('"servers": {', `"servers": {\n    ${GITHUB_SERVER}`);
}

export function agentFile(model: string, tools: string[]): string {
  return `---\ndescription: AP invoice triage\nmodel: ${model}\ntools: [${tools.map((tool) => `'${tool}'`).join(', ')}]\n---\nTriage blocked supplier invoices as the prompt file says.\n`;
}

export const DRIFTED_AGENT = agentFile('GPT-4o (copilot)', [
  'sap-fi/*',
  'servicenow/*',
  'graph-mail/*',
  'github/*',
  'fetch',
]);
export const REPAIRED_AGENT = agentFile('gpt-4.1-2025-04-14', [
  'sap-fi/*',
  'servicenow/*',
  'graph-mail/*',
  'github/*',
  'fetch',
]);

/** Every file of the drifted repository, for tempTree. */
export function drifted(): Record<string, string> {
  const files = exampleEvidence();
  return {
    ...files,
    [DOC]: documentText(),
    [MCP]: driftedMcp(),
    [PROMPT]: `${files[PROMPT] ?? ''}\nAlways answer within one minute.\n`,
    [AGENT]: DRIFTED_AGENT,
  };
}

/** The rows a person writes once the quick fixes added the undocumented server and tool. */
export const FETCH_ROW =
  '| fetch | VS Code built-in web fetch | read | none | none (public pages only) | 10 req/min | public web pages | skip the page and say so in the case note | builtin | - | none | untrusted-content |';

/** The drift codes the drifted repository shows, each at least once. */
export const DRIFT_CODES = ['AD421', 'AD422', 'AD423', 'AD424', 'AD425', 'AD426'];
