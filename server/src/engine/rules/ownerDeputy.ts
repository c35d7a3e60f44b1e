import { msg } from '../l10n';
import { isPlaceholderValue } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { fmRange, fmText, gateReports, severityFrom } from './support';
import { notAPerson } from './people';

export const ownerDeputy: Rule = {
  code: 'AD301',
  name: 'owner-deputy',
  description:
    'From the policy stage (deputyFromStage, canary by default) the owner has a deputy: a named person other than the owner.',
  rationale:
    'Owners go on holiday and change jobs. A deputy who knows the dashboards, alerts and runbook keeps the agent owned when the owner is away; a deputy who is the owner again, or a team, is no deputy.',
  sources: ['seed:000', 'seed:002'],
  howToFix: 'Add owner.deputy with the name of a second person who can act for the owner.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = severityFrom(context, context.model.schemas.policy.deputyFromStage);
    if (!severity) return [];
    const deputy = fmText(context, 'owner.deputy');
    const owner = fmText(context, 'owner.name') ?? '';
    const subject = { kind: 'front-matter' as const, id: 'owner.deputy' };
    if (deputy === undefined || isPlaceholderValue(deputy)) {
      // Gate item owner-trained already asks for the deputy when it applies.
      if (gateReports(context, 'owner-trained')) return [];
      return [
        makeFinding(
          this,
          severity,
          msg(
            'ownerDeputy.ownerNoDeputyAdd',
            'The owner{value} has no deputy: add owner.deputy with a named person who stands in when the owner is away.',
            { value: owner ? ` ${owner}` : '' },
          ),
          fmRange(context.model, 'owner.deputy'),
          { subject },
        ),
      ];
    }
    if (owner && deputy.trim().toLowerCase() === owner.trim().toLowerCase()) {
      return [
        makeFinding(
          this,
          severity,
          msg(
            'ownerDeputy.deputyOwnerNameSecond',
            'The deputy "{deputy}" is the owner: name a second person in owner.deputy.',
            { deputy },
          ),
          fmRange(context.model, 'owner.deputy'),
          { subject },
        ),
      ];
    }
    const problem = notAPerson(deputy);
    if (!problem) return [];
    return [
      makeFinding(
        this,
        severity,
        msg('ownerDeputy.deputyNameOnePerson', 'The deputy "{deputy}" {problem}: name one person in owner.deputy.', {
          deputy,
          problem,
        }),
        fmRange(context.model, 'owner.deputy'),
        { subject },
      ),
    ];
  },
};
