import { msg } from '../l10n';
import { documentedVersion, isExactPin } from '../agentFiles/mcpPins';
import type { ConfiguredServer } from '../agentFiles/parse';
import { loadedAgentFiles } from '../agentFiles/loaded';
import { tablesOf } from '../model/documentModel';
import type { FixSuggestion } from '../types';
import { configured } from './agentFileFacts';
import { makeFinding, type Rule, type RuleContext } from './rule';
import { appendRow, appendToSection, firstSection, sectionSeverity } from './support';
import { documentedServers, documentedTools, isNetworkTransport } from './toolFacts';

const SOURCES = ['OWASP LLM03', 'OWASP LLM06', 'OWASP ASI04:2026', 'seed:000', 'seed:004'];

export const agentFileUnreadable: Rule = {
  code: 'AD420',
  name: 'agent-file-unreadable',
  description:
    'Every file in agent_files can be read and parsed: it exists inside the repository, is reached without a symbolic link, and is valid for its kind (JSON, YAML front matter).',
  rationale:
    'The drift checks compare the document with the files that define the agent. A path that is wrong, leaves the repository or cannot be parsed silently turns those checks off.',
  sources: SOURCES,
  howToFix:
    'Correct the path (relative to this document), commit the file, or fix its syntax; state kind: when the file name does not say what it is.',
  defaultSeverity: 'warning',
  check(context) {
    return (loadedAgentFiles(context.model, context.agentFiles) ?? []).flatMap((file) => {
      const problem =
        file.read && !file.read.ok
          ? file.read.problem
          : (file.facts?.problem ?? (file.read ? undefined : 'it was not read'));
      if (!problem) return [];
      return [
        makeFinding(
          this,
          'warning',
          msg('agentFileDrift.agentFileNotChecked', 'Agent file "{declaredPath}" is not checked: {problem}.', {
            declaredPath: file.declared.path,
            problem,
          }),
          file.declared.range,
          {
            subject: { kind: 'front-matter', id: `agent_files.${file.declared.path}` },
          },
        ),
      ];
    });
  },
};

function serverRowValues(server: ConfiguredServer): Map<string, string> {
  const auth = server.credentialNames.length
    ? `${server.transport === 'stdio' ? 'env' : 'headers'}: ${server.credentialNames.join(', ')}`
    : server.transport === 'stdio'
      ? 'none (local process)'
      : 'TODO (not in the configuration)';
  const version = isNetworkTransport(server.transport)
    ? '-'
    : server.pin
      ? server.pin.version
        ? `${server.pin.reference}@${server.pin.version}`
        : `${server.pin.reference} (unpinned)`
      : 'local (repository code)';
  return new Map([
    ['server', server.name],
    ['version', version],
    ['transport', server.transport],
    ['auth', auth],
    ['scopes', '-'],
  ]);
}

function addServerFix(context: RuleContext, server: ConfiguredServer): FixSuggestion | undefined {
  const values = serverRowValues(server);
  const table = tablesOf(context.model, 'tools', 'servers')[0];
  if (table) {
    return {
      title: msg('agentFileDrift.addMcpServerMcp', 'Add MCP server "{serverName}" to the MCP servers table', {
        serverName: server.name,
      }),
      insertions: [appendRow(context.model, table, values)],
      safe: true,
    };
  }
  const section = firstSection(context.model, 'tools');
  if (!section) return undefined;
  const cells = ['server', 'version', 'transport', 'auth'].map((id) => values.get(id) ?? '-');
  return {
    title: msg('agentFileDrift.addMcpServersTable', 'Add an MCP servers table with "{serverName}"', {
      serverName: server.name,
    }),
    insertions: [
      appendToSection(context.model, section, [
        '| Server | Version | Transport | Auth |',
        '|---|---|---|---|',
        `| ${cells.join(' | ')} |`,
      ]),
    ],
    safe: true,
    // A second server would add a second table: fix-all adds the table once, the next run the rest.
    conflictKey: 'tools.servers-table',
  };
}

function addToolFix(
  context: RuleContext,
  name: string,
  kind: string,
  server: string | undefined,
): FixSuggestion | undefined {
  const table = tablesOf(context.model, 'tools', 'tools')[0];
  if (!table) return undefined;
  const values = new Map([
    ['tool', name],
    ['kind', kind],
    ['server', server ?? '-'],
  ]);
  return {
    title: msg('agentFileDrift.addToolToolsTable', 'Add tool "{name}" to the Tools table', { name }),
    insertions: [appendRow(context.model, table, values)],
    safe: true,
  };
}

export const configuredNotDocumented: Rule = {
  code: 'AD421',
  name: 'tool-not-documented',
  description:
    "Every MCP server and tool the agent's files configure (MCP configuration, tool JSON, an agent file's tools list) is documented: the server in the MCP servers table, the tool in the Tools table.",
  rationale:
    'A tool added to the configuration and never documented is capability nobody reviewed for access, side effects, auth and failure behaviour: the typical way agent documentation drifts from the agent.',
  sources: SOURCES,
  howToFix:
    'Add the server or tool to its table (the quick fix adds the row with what the configuration says) and fill in the rest.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'tools');
    const config = configured(context);
    if (!severity || !config) return [];
    const documentedServerIds = new Set([
      ...documentedServers(context.model).map((server) => server.id),
      ...documentedTools(context.model).flatMap((tool) => (tool.server ? [tool.server] : [])),
    ]);
    const documentedToolIds = new Set(documentedTools(context.model).map((tool) => tool.id));
    const findings = [];
    for (const [key, { server, file }] of config.servers) {
      if (documentedServerIds.has(key)) continue;
      const fix = addServerFix(context, server);
      findings.push(
        makeFinding(
          this,
          severity,
          msg(
            'agentFileDrift.configuresMcpServerWhich',
            '"{declaredPath}" configures MCP server "{serverName}" ({transport}{value}), which this document does not describe: add it to the MCP servers table with its version, transport and auth.',
            {
              declaredPath: file.declared.path,
              serverName: server.name,
              transport: server.transport,
              value: server.pin ? `, ${server.pin.reference}` : '',
            },
          ),
          file.declared.range,
          { subject: { kind: 'front-matter', id: 'agent_files' }, ...(fix ? { fixes: [fix] } : {}) },
        ),
      );
    }
    for (const [key, file] of config.wholeServers) {
      if (documentedServerIds.has(key) || config.servers.has(key)) continue;
      findings.push(
        makeFinding(
          this,
          severity,
          msg(
            'agentFileDrift.grantsEveryToolMcp',
            '"{declaredPath}" grants every tool of MCP server "{key}", which this document does not describe: add it to the MCP servers table, and its tools to the Tools table.',
            { declaredPath: file.declared.path, key },
          ),
          file.declared.range,
          { subject: { kind: 'front-matter', id: 'agent_files' } },
        ),
      );
    }
    for (const [key, { tool, file }] of config.tools) {
      if (documentedToolIds.has(key)) continue;
      const kind = tool.server ? 'mcp' : file.facts?.kind === 'tools' ? 'function' : 'builtin';
      const fix = addToolFix(context, tool.name, kind, tool.server);
      findings.push(
        makeFinding(
          this,
          severity,
          msg(
            'agentFileDrift.grantsToolWhichTools',
            '"{declaredPath}" grants tool "{value}{toolName}", which the Tools table does not document: add it with its system, access, side effects, auth and failure behaviour.',
            { declaredPath: file.declared.path, value: tool.server ? `${tool.server}/` : '', toolName: tool.name },
          ),
          file.declared.range,
          { subject: { kind: 'front-matter', id: 'agent_files' }, ...(fix ? { fixes: [fix] } : {}) },
        ),
      );
    }
    return findings;
  },
};

export const documentedNotConfigured: Rule = {
  code: 'AD422',
  name: 'tool-not-configured',
  description:
    "Every documented MCP server is in the agent's MCP configuration, and every documented tool is granted by its tool JSON or agent file (checked only against the kinds of files agent_files names).",
  rationale:
    'A documented tool the agent no longer has is stale documentation: reviewers sign off on capability that is not there, and miss what replaced it.',
  sources: SOURCES,
  howToFix: 'Remove the row, or add the server or tool to the configuration if the agent should have it.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'tools');
    const config = configured(context);
    if (!severity || !config) return [];
    const names = (kinds: (kind: string) => boolean) =>
      config.files
        .filter(
          (file) =>
            file.facts &&
            !file.facts.problem &&
            kinds(file.facts.kind) &&
            (file.facts.kind === 'mcp' || file.facts.listsTools),
        )
        .map((file) => `"${file.declared.path}"`)
        .join(', ');
    const findings = [];
    if (config.readsMcp) {
      for (const server of documentedServers(context.model)) {
        if (config.servers.has(server.id)) continue;
        findings.push(
          makeFinding(
            this,
            severity,
            msg(
              'agentFileDrift.mcpServerDocumentedBut',
              'MCP server "{serverId}" is documented but not configured in {value}: remove the row, or add the server to the configuration.',
              { serverId: server.id, value: names((kind) => kind === 'mcp') },
            ),
            server.row.cell('server')?.range ?? server.row.anchor,
            { subject: { kind: 'table', id: `tools.servers.${server.id}` } },
          ),
        );
      }
    }
    if (config.listsTools) {
      for (const tool of documentedTools(context.model)) {
        if (tool.template || config.tools.has(tool.id) || (tool.server && config.wholeServers.has(tool.server)))
          continue;
        // A tool JSON lists function tools; only an agent's tools list is its complete grant.
        const judged = config.listsAgentTools || (!tool.server && (tool.kind === '' || tool.kind === 'function'));
        if (!judged) continue;
        findings.push(
          makeFinding(
            this,
            severity,
            msg(
              'agentFileDrift.toolDocumentedButNot',
              'Tool "{toolId}" is documented but not granted by {value}: remove the row, or add the tool to the configuration.',
              { toolId: tool.id, value: names((kind) => kind !== 'mcp') },
            ),
            tool.row.cell('tool')?.range ?? tool.row.anchor,
            { subject: { kind: 'table', id: `tools.${tool.id}` } },
          ),
        );
      }
    }
    return findings;
  },
};

export const mcpVersionDrift: Rule = {
  code: 'AD426',
  name: 'mcp-version-drift',
  description:
    'Where the MCP servers table pins a version, the MCP configuration runs that version: not another one, and not the package unpinned.',
  rationale:
    "The version reviewers signed off is the one in the table. A configuration that runs another version, or whatever is newest, puts unreviewed server code next to the agent's credentials.",
  sources: ['OWASP LLM03', 'OWASP ASI04:2026', 'seed:004'],
  howToFix: 'Pin the configuration to the documented version, or review the new version and update the table.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'tools');
    const config = configured(context);
    if (!severity || !config) return [];
    return documentedServers(context.model).flatMap((server) => {
      const running = config.servers.get(server.id);
      const cell = server.row.cell('version');
      const pin = running?.server.pin;
      if (!running || !pin || !cell || !isExactPin(server.version)) return [];
      const documented = documentedVersion(server.version);
      const actual = pin.version?.replace(/^v(?=\d)/, '').toLowerCase();
      if (actual === documented.toLowerCase()) return [];
      const message = actual
        ? msg(
            'agentFileDrift.mcpServerDocumentedAt',
            'MCP server "{serverId}" is documented at {documented} but "{declaredPath}" runs {reference}@{version}: review the new version and update the table, or pin the configuration back.',
            {
              serverId: server.id,
              documented,
              declaredPath: running.file.declared.path,
              reference: pin.reference,
              version: pin.version,
            },
          )
        : msg(
            'agentFileDrift.mcpServerDocumentedAt2',
            'MCP server "{serverId}" is documented at {documented} but "{declaredPath}" runs {reference} unpinned (whatever is newest): pin it to {documented} in the configuration.',
            { serverId: server.id, documented, declaredPath: running.file.declared.path, reference: pin.reference },
          );
      return [
        makeFinding(this, severity, message, cell.range, {
          subject: { kind: 'table', id: `tools.servers.${server.id}` },
        }),
      ];
    });
  },
};
