import { msg } from '../l10n';
import { placeholderIn } from '../model/placeholders';
import { isExactPin } from '../agentFiles/mcpPins';
import { makeFinding, type Rule } from './rule';
import { isNonValue, sectionSeverity } from './support';
import { documentedServers, isNetworkTransport } from './toolFacts';

/** Code run from the repository itself is pinned by the commit. */
const LOCAL = /^(local|repository|in[- ]repo)/i;

export const mcpServerUnpinned: Rule = {
  code: 'AD402',
  name: 'mcp-server-unpinned',
  description:
    'Every MCP server the agent starts itself (stdio) has an exact version pin in the MCP servers table: a version, an image digest, or "local" for code in the repository; not empty, "latest" or a range.',
  rationale:
    'An MCP server is code with the agent\'s credentials. Started as "npx some-server" or "image:latest", it is whatever was published last: a compromised or changed release reaches production without review. Pinning makes a server change a reviewed change (supply chain).',
  sources: ['OWASP LLM03', 'OWASP ASI04:2026', 'seed:004'],
  howToFix:
    'Pin the server in its configuration (package@1.4.2, image@sha256:…) and write the same version in the Version column.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'tools');
    if (!severity) return [];
    return documentedServers(context.model).flatMap((server) => {
      if (isNetworkTransport(server.transport)) return [];
      const cell = server.row.cell('version');
      if (!cell || placeholderIn(context.model, cell.text) || LOCAL.test(server.version) || isExactPin(server.version))
        return [];
      return [
        makeFinding(
          this,
          severity,
          msg(
            'mcpServers.mcpServerNoExact',
            'MCP server "{serverId}" has no exact version pin{value}: pin it in the MCP configuration (package@1.4.2 or an image digest) and write that version here.',
            {
              serverId: server.id,
              value: server.version && !isNonValue(server.version) ? ` ("${server.version}")` : '',
            },
          ),
          cell.range,
          { subject: { kind: 'table', id: `tools.servers.${server.id}` } },
        ),
      ];
    });
  },
};

export const mcpServerNoAuth: Rule = {
  code: 'AD403',
  name: 'mcp-server-without-auth',
  description:
    'An MCP server reached over the network (http, sse, websocket) authenticates: its Auth cell is not empty or "none".',
  rationale:
    'A network MCP server without authentication answers anyone who can reach it, and the agent cannot tell it from an impostor. The tools behind it act with whatever access the server holds.',
  sources: ['OWASP LLM03', 'OWASP ASI03:2026', 'OWASP ASI04:2026'],
  howToFix:
    'Put the server behind OAuth (the MCP authorization flow), a token or mTLS, and write which in the Auth column.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'tools');
    if (!severity) return [];
    return documentedServers(context.model).flatMap((server) => {
      if (!isNetworkTransport(server.transport) || placeholderIn(context.model, server.auth)) return [];
      if (server.auth !== '' && !isNonValue(server.auth) && !/^(no|none|anonymous|public|open)\b/i.test(server.auth))
        return [];
      const cell = server.row.cell('auth') ?? server.row.cell('transport');
      return [
        makeFinding(
          this,
          severity,
          msg(
            'mcpServers.mcpServerReachedOver',
            'MCP server "{serverId}" is reached over {transport} without authentication: require OAuth, a token or mTLS and write it in the Auth column.',
            { serverId: server.id, transport: server.transport },
          ),
          cell?.range ?? server.row.anchor,
          { subject: { kind: 'table', id: `tools.servers.${server.id}` } },
        ),
      ];
    });
  },
};
