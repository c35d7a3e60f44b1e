import { msg } from '../l10n';
import { makeFinding, type Rule } from './rule';
import { placeholderIn } from '../model/placeholders';
import { isNonValue, sectionSeverity } from './support';
import { documentedServers, documentedTools, states } from './toolFacts';
import { approvalColumnMissing } from './toolApprovalColumn';

const WRITES = new Set(['write', 'read-write', 'irreversible']);

export const writeToolApproval: Rule = {
  code: 'AD400',
  name: 'write-tool-without-approval',
  description:
    'A tool with write, read-write or irreversible access has an approval (human or policy) or a recorded risk acceptance. A Tools table with such tools and no Approval column is reported once, at its header.',
  rationale:
    "A tool that changes the world on the model's word alone is excessive agency: one injected instruction or one wrong guess becomes an action. Human approval or a policy gate outside the model is the guard; where a team decides to go without one, the owner's recorded acceptance makes it a decision rather than an accident.",
  sources: ['OWASP LLM06', 'OWASP ASI02:2026', 'OWASP ASI09:2026', 'seed:004'],
  howToFix:
    'Write human or policy in the Approval column (and make it so in the tool), lower the access, or name in a Risk acceptance column who accepted the risk and when.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'tools');
    if (!severity) return [];
    const tools = documentedTools(context.model);
    const withoutColumn = approvalColumnMissing(context.model, this, severity, tools, (tool) =>
      WRITES.has(tool.access),
    );
    return tools
      .flatMap((tool) => {
        if (tool.template || !WRITES.has(tool.access)) return [];
        if (tool.approval === 'human' || tool.approval === 'policy') return [];
        if (states(tool.row.text('risk_acceptance'))) return [];
        const approvalCell = tool.row.cell('approval');
        // Without the column, the table's one finding (above) speaks for its tools.
        if (!approvalCell) return [];
        const written = approvalCell.text;
        // A TODO is AD102's; another word than none, human or policy is AD112's.
        if (placeholderIn(context.model, written)) return [];
        if (written !== '' && tool.approval !== 'none' && !isNonValue(written)) return [];
        const range = approvalCell.range;
        return [
          makeFinding(
            this,
            severity,
            msg(
              'toolPermissions.toolAccessRequireHuman',
              'Tool "{toolId}" has {access} access and {approval}: require human or policy approval before it acts, or record who accepted the risk in a Risk acceptance column.',
              {
                toolId: tool.id,
                access: tool.access,
                approval:
                  approvalCell.text !== ''
                    ? msg('toolPermissions.approvalStated', 'approval "{approval}"', { approval: approvalCell.text })
                    : msg('toolPermissions.noApprovalStated', 'no approval stated'),
              },
            ),
            range,
            { subject: { kind: 'table', id: `tools.${tool.id}` } },
          ),
        ];
      })
      .concat(withoutColumn);
  },
};

/** A scope that grants everything, or administration: "*", "repo:*", "admin", "Directory.ReadWrite.All". */
export function broadScopes(text: string): string[] {
  return text
    .replace(/`/g, '')
    .split(/[\s,;]+/)
    .filter(
      (token) =>
        token.includes('*') ||
        /(^|[:._/-])(admin|administrator|owner|root|superuser|sudo)($|[:._/-])/i.test(token) ||
        /^(full[_-]?access|all|cloud-platform)$/i.test(token) ||
        /\.ReadWrite\.All$/i.test(token),
    );
}

export const broadToolScope: Rule = {
  code: 'AD401',
  name: 'tool-scope-too-broad',
  description:
    'No tool or MCP server holds a wildcard or administrative scope ("*", "repo:*", "admin", "Directory.ReadWrite.All") in its Scopes column.',
  rationale:
    'Scopes are what the agent can do when the model is wrong or hijacked, not what it is asked to do. A wildcard or admin grant turns any tool misuse into full access to the system behind it; least privilege is the control that works whatever the prompt says.',
  sources: ['OWASP LLM06', 'OWASP ASI03:2026', 'seed:004'],
  howToFix:
    'Replace the scope with the narrowest ones the tool needs (one mailbox, read-only, named resources), and write them in the Scopes column.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'tools');
    if (!severity) return [];
    const cells = [
      ...documentedTools(context.model).map((tool) => ({
        what: `Tool "${tool.id}"`,
        template: tool.template,
        cell: tool.row.cell('scopes'),
      })),
      ...documentedServers(context.model).map((server) => ({
        what: `MCP server "${server.id}"`,
        template: false,
        cell: server.row.cell('scopes'),
      })),
    ];
    return cells.flatMap(({ what, template, cell }) => {
      if (template || !cell) return [];
      const broad = broadScopes(cell.text);
      if (broad.length === 0) return [];
      return [
        makeFinding(
          this,
          severity,
          msg(
            'toolPermissions.holdsScopeWhichGrant',
            '{what} holds the scope{value} {value2}, which grant{value3} far more than one task needs: narrow it to the resources and actions the tool uses.',
            {
              what,
              value: broad.length > 1 ? 's' : '',
              value2: broad.map((scope) => `"${scope}"`).join(', '),
              value3: broad.length > 1 ? '' : 's',
            },
          ),
          cell.range,
        ),
      ];
    });
  },
};

export const toolLimits: Rule = {
  code: 'AD404',
  name: 'tool-limits-missing',
  description:
    'A tool whose Exposure says spends-money or sends-messages has a limit in its Rate limit (Limits) column: calls, messages or money per time.',
  rationale:
    'A loop, a retry storm or an injected instruction repeats an action as often as the tool allows. For tools that pay or message people, the limit is what bounds the damage before anyone notices (unbounded consumption, seed 004 guardrails: max actions per session, dollar limits).',
  sources: ['OWASP LLM10', 'OWASP LLM06', 'seed:004'],
  howToFix:
    'State the limit enforced outside the model, e.g. "20 e-mails/hour, 1 per recipient per day" or "EUR 500 per day", in the Rate limit column.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'tools');
    if (!severity) return [];
    return documentedTools(context.model).flatMap((tool) => {
      if (tool.template) return [];
      const what = tool.exposure.has('spends-money')
        ? msg('toolPermissions.spendsMoney', 'spends money')
        : tool.exposure.has('sends-messages')
          ? msg('toolPermissions.sendsMessages', 'sends messages')
          : undefined;
      if (!what) return [];
      const limit = tool.row.cell('rate_limit');
      if (limit && states(limit.text)) return [];
      return [
        makeFinding(
          this,
          severity,
          msg(
            'toolPermissions.toolButNoLimit',
            'Tool "{toolId}" {what} but has no limit{noColumn}: state the cap enforced outside the model (per hour, per recipient, per day in money).',
            {
              toolId: tool.id,
              what,
              noColumn: limit ? '' : msg('toolPermissions.noRateLimitColumn', ' (the table has no Rate limit column)'),
            },
          ),
          limit?.range ?? tool.row.cell('tool')?.range ?? tool.row.anchor,
          { subject: { kind: 'table', id: `tools.${tool.id}` } },
        ),
      ];
    });
  },
};
