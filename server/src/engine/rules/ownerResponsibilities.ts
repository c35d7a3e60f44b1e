import { msg } from '../l10n';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, joinList, severityFrom } from './support';

/** The responsibilities without which the owner is a name on paper (seed 000's owner role). */
const REQUIRED = ['triage', 'change-authority', 'metrics'];

export const ownerResponsibilities: Rule = {
  code: 'AD302',
  name: 'owner-responsibilities',
  description:
    'owner.responsibilities states at least triage, change-authority and metrics (from the policy stage responsibilitiesFromStage).',
  rationale:
    'Ownership is a set of duties, not a title: triaging user issues, deciding on prompt and scope changes, and answering for the outcome metrics. Writing them down is what makes the hand-off from the builder real.',
  sources: ['seed:000', 'seed:002'],
  howToFix:
    'Add owner.responsibilities: [triage, change-authority, metrics] (and platform-liaison, governance-liaison where they apply).',
  defaultSeverity: 'stage',
  check(context) {
    const severity = severityFrom(context, context.model.schemas.policy.responsibilitiesFromStage);
    // Also without an owner block: the finding then waits on that block and its key is added with it.
    if (!severity || !context.model.frontMatter?.document) return [];
    const value = fm(context, 'owner.responsibilities');
    const listed = Array.isArray(value) ? value.map((item) => String(item).toLowerCase()) : [];
    const missing = REQUIRED.filter((item) => !listed.includes(item));
    if (missing.length === 0) return [];
    const range = fmRange(
      context.model,
      value === undefined ? 'owner' : 'owner.responsibilities',
      value === undefined ? 'key' : 'value',
    );
    const message =
      value === undefined
        ? msg(
            'ownerResponsibilities.ownerSResponsibilitiesNot',
            "The owner's responsibilities are not stated: add owner.responsibilities with at least {REQUIRED}.",
            { REQUIRED: joinList(REQUIRED) },
          )
        : msg(
            'ownerResponsibilities.ownerResponsibilitiesLacksOwner',
            'owner.responsibilities lacks {missing}: the owner must answer for triage of user issues, changes to prompt and scope, and the outcome metrics.',
            { missing: joinList(missing) },
          );
    return [
      makeFinding(this, severity, message, range, { subject: { kind: 'front-matter', id: 'owner.responsibilities' } }),
    ];
  },
};
