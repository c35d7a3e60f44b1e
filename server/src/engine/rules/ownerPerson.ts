import { msg } from '../l10n';
import { makeFinding, type Rule } from './rule';
import { fmRange, fmText } from './support';
import { notAPerson } from './people';

export const ownerPerson: Rule = {
  code: 'AD300',
  name: 'owner-not-a-person',
  description: 'owner.name is one named person, not a placeholder ("TBD", "n/a", "unassigned") or a team alias.',
  rationale:
    'The owner answers for the agent after the builder moves on. A team alias or "TBD" is everyone\'s responsibility and nobody\'s accountability, and it is the first thing an incident or an auditor asks for.',
  sources: ['seed:000', 'seed:002'],
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
    const problem = notAPerson(name);
    if (!problem) return [];
    return [
      makeFinding(
        this,
        'error',
        msg(
          'ownerPerson.ownerNameOnePerson',
          'The owner "{name}" {problem}: name the one person accountable for this agent in owner.name (the team can go in owner.role).',
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
