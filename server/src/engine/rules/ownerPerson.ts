import { msg } from '../l10n';
import { makeFinding, type Rule } from './rule';
import { fmRange, fmText } from './support';
import { notAPerson } from './people';

export const ownerPerson: Rule = {
  code: 'AD300',
  name: 'owner-not-a-person',
  description:
    'owner.name is one named person, not a placeholder ("TBD", "n/a", "unassigned") or a team alias; a team is accepted when the policy teamOwnerAllowed is true.',
  rationale:
    'The owner answers for the agent after the builder moves on. "TBD" is everyone\'s responsibility and nobody\'s accountability, and it is the first thing an incident or an auditor asks for. The hand-off article asks for a named human owner; the portfolio and playbook articles accept a person or a team, so a programme that assigns agents to teams sets teamOwnerAllowed: true in its policy (default false).',
  sources: ['seed:000'],
  frameworks: ['NIST AI RMF GOVERN 2.1', 'ISO/IEC 42001 A.3.2'],
  howToFix:
    'Write the full name of the one person accountable for the agent in owner.name; put the team in owner.role and the alias in owner.contact.',
  defaultSeverity: 'error',
  check(context) {
    const name = fmText(context, 'owner.name');
    // A missing or "TBD" owner is gate item owner-named's finding (AD200).
    if (
      name === undefined ||
      name.trim() === '' ||
      context.readiness.items.some((item) => item.item.id === 'owner-named' && item.status === 'missing')
    )
      return [];
    const problem = notAPerson(name, context.model.schemas.policy.teamOwnerAllowed === true);
    if (!problem) return [];
    const teamAllowed = context.model.schemas.policy.teamOwnerAllowed === true;
    return [
      makeFinding(
        this,
        'error',
        teamAllowed
          ? msg(
              'ownerPerson.ownerNamePersonTeam',
              'The owner "{name}" {problem}: name the person or team accountable for this agent in owner.name.',
              { name, problem },
            )
          : msg(
              'ownerPerson.ownerNameOnePerson',
              'The owner "{name}" {problem}: name the one person accountable in owner.name. Put the team in owner.role, or set policy teamOwnerAllowed: true if your programme lets a team own an agent.',
              { name, problem },
            ),
        fmRange(context.model, 'owner.name'),
        {
          subject: { kind: 'front-matter', id: 'owner.name' },
        },
      ),
    ];
  },
};
