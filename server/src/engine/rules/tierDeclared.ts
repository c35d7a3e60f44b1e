import { msg } from '../l10n';
import { makeFinding, type Rule } from './rule';
import { fmRange, fmText } from './support';

export const tierDeclared: Rule = {
  code: 'AD358',
  name: 'tier-declared-too-low',
  description: 'A declared tier is not lower than the tier derived from the risk facts (tiers.json).',
  rationale:
    'Tiered approval only works if the tier follows the risk: an agent declared tier-1 while its risk facts say tier-3 skips the security test and DPO sign-off its risk calls for.',
  sources: ['seed:002'],
  howToFix:
    'Declare the derived tier (or remove tier and let agentdoc derive it); if the risk facts are wrong, correct them instead.',
  defaultSeverity: 'error',
  check(context) {
    const declared = fmText(context, 'tier');
    const derived = context.facts.tier;
    if (declared === undefined || !derived) return [];
    const spec = context.model.schemas.tiers.tiers.find((tier) => tier.id === declared.trim());
    if (!spec || spec.rank >= derived.rank) return [];
    return [
      makeFinding(
        this,
        'error',
        msg(
          'tierDeclared.declaredTierLowerThan',
          'The declared tier {specId} is lower than the {derivedId} ({derivedTitle}) the risk facts give: {description} Declare {derivedId}, or correct the risk facts.',
          {
            specId: spec.id,
            derivedId: derived.id,
            derivedTitle: derived.title.toLowerCase(),
            description: derived.description,
          },
        ),
        fmRange(context.model, 'tier'),
        {
          subject: { kind: 'front-matter', id: 'tier' },
        },
      ),
    ];
  },
};
