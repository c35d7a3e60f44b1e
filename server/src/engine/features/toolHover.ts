import { valueAt } from '../evaluation/facts';
import type { DocumentModel } from '../model/documentModel';
import { describeChain, trifectaOf } from '../rules/lethalTrifecta';
import { documentedServers, documentedTools } from '../rules/toolFacts';
import type { Position, Range } from '../types';

/**
 * Hover on a Tools row or an MCP servers row: the tool's permission facts in one line and, when
 * the agent has untrusted content, private data and a way out, the chain with the tools named.
 */
export function toolHoverAt(model: DocumentModel, position: Position): { markdown: string; range: Range } | undefined {
  const tool = documentedTools(model).find((candidate) => candidate.row.row.line === position.line);
  if (tool) {
    const facts = [
      tool.kind ? `kind ${tool.kind}${tool.server ? ` via MCP server \`${tool.server}\`` : ''}` : undefined,
      tool.access ? `access ${tool.access}` : undefined,
      tool.approval ? `approval ${tool.approval}` : undefined,
      tool.exposure.size ? `exposure ${[...tool.exposure].join(', ')}` : undefined,
    ].filter(Boolean);
    const parts = [`**Tool \`${tool.id}\`**${facts.length ? ` — ${facts.join(' · ')}` : ''}`];
    const chain = trifectaOf(model);
    if (chain && [...chain.untrusted, ...chain.privateData, ...chain.outbound].includes(tool)) {
      const out = chain.open[0] ?? chain.outbound[0]!;
      const mitigations = valueAt(model.frontMatter?.data, ['prompt_injection', 'mitigations']);
      const listed = Array.isArray(mitigations) ? mitigations.filter((entry) => typeof entry === 'string') : [];
      const mitigated =
        chain.open.length === 0
          ? `every outbound tool (${chain.outbound.map((candidate) => `\`${candidate.id}\``).join(', ')}) needs human approval`
          : listed.length
            ? `prompt_injection.mitigations: ${listed.join(', ')}`
            : undefined;
      parts.push(
        `**Prompt-injection chain (lethal trifecta):** ${describeChain(chain, out)}. An instruction hidden in the untrusted content could make the agent send the private data out.`,
        mitigated
          ? `Mitigated by ${mitigated}.`
          : 'No mitigation is documented (AD405): require human approval on the outbound tool, or document an egress allow-list or separated contexts.',
      );
    }
    return { markdown: parts.join('\n\n'), range: tool.row.cell('tool')?.range ?? tool.row.anchor };
  }
  const server = documentedServers(model).find((candidate) => candidate.row.row.line === position.line);
  if (!server) return undefined;
  const tools = documentedTools(model).filter((candidate) => candidate.server === server.id);
  return {
    markdown: [
      `**MCP server \`${server.id}\`** — ${server.transport || 'transport not stated'} · version ${server.version || 'not pinned'}`,
      tools.length
        ? `Tools documented through it: ${tools.map((candidate) => `\`${candidate.id}\``).join(', ')}.`
        : 'No tool in the Tools table names this server.',
      'agentdoc compares this row with the MCP configuration named in agent_files: the server must be configured there, at this version.',
    ].join('\n\n'),
    range: server.row.cell('server')?.range ?? server.row.anchor,
  };
}
