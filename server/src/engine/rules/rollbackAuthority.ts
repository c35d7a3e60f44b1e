import { msg } from '../l10n';
import { makeFinding, type Rule } from './rule';
import { fmRange, fmText, gateStage, severityFrom } from './support';
import { notAnAuthority } from './people';

export const rollbackAuthority: Rule = {
  code: 'AD315',
  name: 'rollback-authority-not-actionable',
  description:
    'rollback.authority is a person or an on-call role who can act at once, not a committee, a meeting or a placeholder.',
  rationale:
    "The teams that recover fastest roll back on the team's call, not after a multi-meeting committee decision. The authority must be someone who can be paged.",
  sources: ['seed:004'],
  howToFix: 'Name the person or on-call role who may roll back without a meeting, e.g. "AP automation on-call lead".',
  defaultSeverity: 'stage',
  check(context) {
    const severity = severityFrom(context, gateStage(context, 'rollback-authority') ?? 'shadow');
    const authority = fmText(context, 'rollback.authority');
    // A missing or "TBD" authority is gate item rollback-authority's finding.
    if (
      !severity ||
      authority === undefined ||
      context.readiness.items.some((item) => item.item.id === 'rollback-authority' && item.status === 'missing')
    )
      return [];
    const problem = notAnAuthority(authority);
    if (!problem) return [];
    return [
      makeFinding(
        this,
        severity,
        msg(
          'rollbackAuthority.rollbackAuthorityNamePerson',
          'The rollback authority "{authority}" {problem}: name a person or on-call role who may roll back without a meeting.',
          { authority, problem },
        ),
        fmRange(context.model, 'rollback.authority'),
        {
          subject: { kind: 'front-matter', id: 'rollback.authority' },
        },
      ),
    ];
  },
};
