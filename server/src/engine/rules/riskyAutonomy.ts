import { msg } from '../l10n';
import { placeholderIn } from '../model/placeholders';
import { makeFinding, type Rule } from './rule';
import { isNonValue, plainId, rowsOf, sectionSeverity } from './support';

export const riskyAutonomy: Rule = {
  code: 'AD320',
  name: 'irreversible-autonomous-decision',
  description:
    'A decision that is irreversible (Reversible = no) or high-impact (Impact = high) is not autonomous unless the Risk acceptance column names who accepted the risk.',
  rationale:
    "Human approval of high-impact actions is the main guard against excessive agency. Where a team chooses autonomy anyway, the owner's explicit, recorded acceptance is what makes it a decision rather than an accident.",
  sources: ['seed:001', 'seed:004', 'OWASP LLM06'],
  howToFix:
    'Change the mode to agent-with-review or human-only, or record in the Risk acceptance column who accepted the risk and when.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'decisions');
    if (!severity) return [];
    return rowsOf(context.model, 'decisions', 'decisions').flatMap((row) => {
      const mode = row.cell('mode');
      if (!mode || plainId(mode.text) !== 'autonomous') return [];
      const irreversible = plainId(row.text('reversible')) === 'no';
      const high = plainId(row.text('impact')) === 'high';
      if (!irreversible && !high) return [];
      const acceptance = row.text('risk_acceptance');
      if (acceptance !== '' && !isNonValue(acceptance) && !placeholderIn(context.model, acceptance)) return [];
      const decision =
        row.text('decision').replace(/`/g, '') || msg('support.onLine', 'on line {line}', { line: row.row.line + 1 });
      const why =
        irreversible && high
          ? msg('riskyAutonomy.irreversibleAndHighImpact', 'irreversible and high-impact')
          : irreversible
            ? msg('riskyAutonomy.irreversible', 'irreversible')
            : msg('riskyAutonomy.highImpact', 'high-impact');
      return [
        makeFinding(
          this,
          severity,
          msg(
            'riskyAutonomy.decisionButAutonomousNo',
            'Decision "{decision}" is {why} but autonomous, with no recorded risk acceptance: make it agent-with-review or human-only, or name in a Risk acceptance column who accepted the risk.',
            { decision, why },
          ),
          mode.range,
          {
            subject: { kind: 'table', id: `decisions.${decision}` },
          },
        ),
      ];
    });
  },
};
