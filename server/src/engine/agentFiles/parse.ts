import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { basename } from '../host';
import type { AgentFileKind } from './declared';
import { contentHash } from './hash';
import { packagePin, type PackagePin } from './mcpPins';

/** An MCP server as a configuration file defines it. Secrets (env values, headers) are never kept. */
export interface ConfiguredServer {
  name: string;
  transport: 'stdio' | 'http' | 'sse';
  /** The package the command runs, when it runs one (npx, uvx, docker run…). */
  pin: PackagePin | undefined;
  /** Names of the environment variables and headers it is given: where its credentials come from. */
  credentialNames: string[];
}

/** A tool a file grants: `name`, or `server/name`; `server/*` and a bare server name grant the whole server. */
export interface ConfiguredTool {
  name: string;
  server: string | undefined;
  /** The whole server's tools (VS Code `server/*`). */
  wholeServer: boolean;
}

/** What agentdoc reads from one agent file. */
export interface AgentFileFacts {
  kind: AgentFileKind;
  servers: ConfiguredServer[];
  tools: ConfiguredTool[];
  /** Whether the file lists tools at all (a custom agent without `tools:` gets every tool). */
  listsTools: boolean;
  /** Models the file selects, the first preferred. */
  models: string[];
  hash: string;
  /** Why the file could not be read as its kind (a JSON syntax error…). */
  problem: string | undefined;
}

const YAML_OPTIONS = { maxAliasCount: 100, prettyErrors: false, uniqueKeys: false } as const;

/** The kind a file name suggests, before its content is read. */
export function kindFromName(path: string): AgentFileKind {
  const name = basename(path).toLowerCase();
  if (name.endsWith('.agent.md') || name.endsWith('.chatmode.md')) return 'agent';
  if (name.endsWith('.prompt.yml') || name.endsWith('.prompt.yaml')) return 'prompt-yml';
  if (name === 'agents.md' || name === 'claude.md' || name === 'gemini.md' || name.endsWith('.instructions.md'))
    return 'instructions';
  if (name.endsWith('.json') || name.endsWith('.jsonc'))
    return /mcp|claude_desktop_config/.test(name) ? 'mcp' : 'tools';
  return 'prompt';
}

/** Parses one agent file (never runs or resolves anything in it). */
export function parseAgentFile(path: string, text: string, declared: AgentFileKind | undefined): AgentFileFacts {
  let kind = declared ?? kindFromName(path);
  const facts: AgentFileFacts = {
    kind,
    servers: [],
    tools: [],
    listsTools: false,
    models: [],
    hash: contentHash(text),
    problem: undefined,
  };
  if (kind === 'mcp' || kind === 'tools') {
    const yaml = /\.ya?ml$/i.test(path);
    const { value, problem } = yaml ? readYaml(text) : readJson(text);
    if (problem) return { ...facts, problem };
    // A JSON file with an MCP server block is an MCP configuration whatever its name.
    if (!declared && kind === 'tools' && serverBlock(value)) kind = 'mcp';
    facts.kind = kind;
    if (kind === 'mcp') {
      const block = serverBlock(value);
      if (!block) return { ...facts, problem: 'it has no "servers" or "mcpServers" block' };
      facts.servers = Object.entries(block).flatMap(([name, server]) => configuredServer(name, server));
    } else {
      const tools = toolDefinitions(value);
      if (!tools) return { ...facts, problem: 'it holds no tool definitions in OpenAI or Anthropic form' };
      facts.tools = tools;
      facts.listsTools = true;
    }
    return facts;
  }
  if (kind === 'prompt-yml') {
    const { value, problem } = readYaml(text);
    if (problem) return { ...facts, problem };
    facts.models = models(record(value)?.['model']);
    return facts;
  }
  if (kind === 'agent' || (kind === 'prompt' && /\.md$/i.test(path))) {
    const header = frontMatterOf(text);
    if (header === undefined) return facts;
    const { value, problem } = readYaml(header);
    if (problem) return { ...facts, problem: `its front matter is not valid YAML (${problem})` };
    const data = record(value);
    facts.models = models(data?.['model']);
    // A list (VS Code), or a comma-separated string (Claude Code subagents: `tools: Read, Grep`).
    const tools = data?.['tools'];
    const entries = Array.isArray(tools) ? tools : typeof tools === 'string' ? tools.split(',') : undefined;
    if (entries) {
      facts.listsTools = true;
      facts.tools = entries.flatMap((entry) =>
        typeof entry === 'string' && entry.trim() ? [toolRef(entry.trim())] : [],
      );
    }
  }
  return facts;
}

function readJson(text: string): { value: unknown; problem: string | undefined } {
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    // JSON with comments and trailing commas, as VS Code's own settings files are.
    value = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (error) {
    // A hostile file nested thousands of levels deep exhausts the parser's stack: a finding, not a crash.
    return {
      value: undefined,
      problem: `it cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const first = errors[0];
  return first
    ? {
        value: undefined,
        problem: `it is not valid JSON (${printParseErrorCode(first.error)} at offset ${first.offset})`,
      }
    : { value, problem: undefined };
}

function readYaml(text: string): { value: unknown; problem: string | undefined } {
  try {
    const document = parseDocument(text, YAML_OPTIONS);
    const error = document.errors[0];
    if (error) return { value: undefined, problem: `it is not valid YAML (${error.message.split('\n')[0]})` };
    return { value: document.toJS({ maxAliasCount: 100 }) as unknown, problem: undefined };
  } catch (error) {
    return {
      value: undefined,
      problem: `it is not valid YAML (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `servers` (VS Code), `mcpServers` (Claude, Cursor and most others), or VS Code settings' `mcp.servers`. */
function serverBlock(value: unknown): Record<string, unknown> | undefined {
  const root = record(value);
  return record(root?.['servers']) ?? record(root?.['mcpServers']) ?? record(record(root?.['mcp'])?.['servers']);
}

function configuredServer(name: string, value: unknown): ConfiguredServer[] {
  const server = record(value);
  if (!server) return [];
  const type = typeof server['type'] === 'string' ? server['type'].toLowerCase() : undefined;
  const url = typeof server['url'] === 'string' ? server['url'] : undefined;
  const transport =
    type === 'sse'
      ? 'sse'
      : type === 'http' || type === 'streamable-http' || (url && type !== 'stdio')
        ? 'http'
        : 'stdio';
  const command = typeof server['command'] === 'string' ? server['command'] : undefined;
  const args = Array.isArray(server['args'])
    ? server['args'].filter((arg): arg is string => typeof arg === 'string')
    : [];
  const credentialNames = [
    ...Object.keys(record(server['env']) ?? {}),
    ...Object.keys(record(server['headers']) ?? {}),
    ...(typeof server['envFile'] === 'string' ? ['envFile'] : []),
  ];
  return [
    { name, transport, pin: transport === 'stdio' && command ? packagePin(command, args) : undefined, credentialNames },
  ];
}

/** OpenAI (`{type: "function", function: {name}}` or `{type: "function", name}`) and Anthropic (`{name, input_schema}`) tools. */
function toolDefinitions(value: unknown): ConfiguredTool[] | undefined {
  const list = Array.isArray(value) ? value : (record(value)?.['tools'] as unknown);
  if (!Array.isArray(list)) return undefined;
  const tools = list.flatMap((entry): ConfiguredTool[] => {
    const tool = record(entry);
    const nested = record(tool?.['function']);
    const name = nested?.['name'] ?? tool?.['name'];
    return typeof name === 'string' && name.trim()
      ? [{ name: name.trim(), server: undefined, wholeServer: false }]
      : [];
  });
  return tools.length || list.length === 0 ? tools : undefined;
}

function toolRef(entry: string): ConfiguredTool {
  const slash = entry.indexOf('/');
  if (slash < 0) return { name: entry, server: undefined, wholeServer: false };
  const server = entry.slice(0, slash);
  const name = entry.slice(slash + 1);
  return { name, server, wholeServer: name === '*' || name === '' };
}

function models(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((entry) => (typeof entry === 'string' && entry.trim() ? [entry.trim()] : []));
}

/** The YAML between the opening and closing --- of a Markdown file, or undefined. */
function frontMatterOf(text: string): string | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!/^---\s*$/.test(lines[0] ?? '')) return undefined;
  const end = lines.findIndex((line, at) => at > 0 && /^(---|\.\.\.)\s*$/.test(line));
  return end > 0 ? lines.slice(1, end).join('\n') : undefined;
}

/** Model names compare without case, vendor prefix ("openai/"), picker suffix (" (copilot)") or spaces. */
export function modelKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/^.*\//, '')
    .trim()
    .replace(/\s+/g, '-');
}
