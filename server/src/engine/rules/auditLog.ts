import { msg } from '../l10n';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, gateStage, joinList, severityFrom } from './support';

const MINIMUM = ['input', 'reasoning', 'action', 'outcome', 'timestamp'];

export const auditLog: Rule = {
  code: 'AD356',
  name: 'audit-log-incomplete',
  description: 'compliance.audit_log lists at least input, reasoning, action, outcome and timestamp.',
  rationale:
    'An audit trail must let someone reconstruct a decision: what the agent saw, why it acted, what it did, what came of it and when. Without one of these the trail cannot answer an auditor or an incident review.',
  sources: ['seed:003', 'seed:001', 'EU AI Act Art. 12'],
  howToFix:
    'List the content of each audit record: compliance.audit_log: [input, reasoning, action, outcome, timestamp] (add model-version, prompt-version and user where you record them).',
  defaultSeverity: 'stage',
  check(context) {
    const severity = severityFrom(context, gateStage(context, 'compliance-signed-off') ?? 'canary');
    const value = fm(context, 'compliance.audit_log');
    // An absent or empty list is gate item compliance-signed-off's finding.
    if (!severity || !Array.isArray(value) || value.length === 0) return [];
    const listed = value.map((item) => String(item).toLowerCase());
    const missing = MINIMUM.filter((item) => !listed.includes(item));
    if (missing.length === 0) return [];
    return [
      makeFinding(
        this,
        severity,
        missing.length > 1
          ? msg(
              'auditLog.auditLogDoesNotMany',
              'The audit log does not record {missing}: add them to compliance.audit_log so each decision can be reconstructed.',
              { missing: joinList(missing) },
            )
          : msg(
              'auditLog.auditLogDoesNot',
              'The audit log does not record {missing}: add it to compliance.audit_log so each decision can be reconstructed.',
              { missing: joinList(missing) },
            ),
        fmRange(context.model, 'compliance.audit_log'),
        {
          subject: { kind: 'front-matter', id: 'compliance.audit_log' },
        },
      ),
    ];
  },
};
