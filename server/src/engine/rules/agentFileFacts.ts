import { loadedAgentFiles, type LoadedAgentFile } from '../agentFiles/loaded';
import type { ConfiguredServer, ConfiguredTool } from '../agentFiles/parse';
import type { RuleContext } from './rule';
import { plainId } from './support';
import { documentedServers, documentedTools } from './toolFacts';

/** What the agent's files configure, merged over all of them, with the file that says it first. */
export interface Configured {
  files: LoadedAgentFile[];
  servers: Map<string, { server: ConfiguredServer; file: LoadedAgentFile }>;
  /** Tools granted one by one (OpenAI/Anthropic JSON, agent files' tools lists). */
  tools: Map<string, { tool: ConfiguredTool; file: LoadedAgentFile }>;
  /** Servers whose every tool is granted (`server/*`, or the server's bare name in a tools list). */
  wholeServers: Map<string, LoadedAgentFile>;
  /** Some file enumerates tools (tool JSON, an agent file's tools list). */
  listsTools: boolean;
  /** Some file enumerates an agent's complete grant (an agent or prompt file's tools list). */
  listsAgentTools: boolean;
  /** Some MCP configuration was read. */
  readsMcp: boolean;
}

const cache = new WeakMap<LoadedAgentFile[], Configured>();

export function configured(context: RuleContext): Configured | undefined {
  const files = loadedAgentFiles(context.model, context.agentFiles);
  if (!files) return undefined;
  let result = cache.get(files);
  if (result) return result;
  const serverNames = new Set([
    ...documentedServers(context.model).map((server) => server.id),
    ...documentedTools(context.model).flatMap((tool) => (tool.server ? [tool.server] : [])),
  ]);
  result = {
    files,
    servers: new Map(),
    tools: new Map(),
    wholeServers: new Map(),
    listsTools: false,
    listsAgentTools: false,
    readsMcp: false,
  };
  for (const file of files) {
    const facts = file.facts;
    if (!facts || facts.problem) continue;
    if (facts.kind === 'mcp') result.readsMcp = true;
    for (const server of facts.servers) {
      const key = plainId(server.name);
      serverNames.add(key);
      if (!result.servers.has(key)) result.servers.set(key, { server, file });
    }
  }
  for (const file of files) {
    const facts = file.facts;
    if (!facts || facts.problem || !facts.listsTools) continue;
    result.listsTools = true;
    if (facts.kind !== 'tools') result.listsAgentTools = true;
    for (const tool of facts.tools) {
      const name = plainId(tool.name);
      const server = tool.server === undefined ? undefined : plainId(tool.server);
      if (tool.wholeServer && server) {
        if (!result.wholeServers.has(server)) result.wholeServers.set(server, file);
      } else if (!server && serverNames.has(name)) {
        if (!result.wholeServers.has(name)) result.wholeServers.set(name, file);
      } else if (!result.tools.has(name)) {
        result.tools.set(name, { tool: { ...tool, name, server }, file });
      }
    }
  }
  cache.set(files, result);
  return result;
}
