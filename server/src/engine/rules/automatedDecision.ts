import { msg } from '../l10n';
import { isPresent } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, joinList, sectionSeverity } from './support';

export const automatedDecision: Rule = {
  code: 'AD357',
  name: 'automated-decision-safeguards',
  description:
    'An agent that alone takes decisions with legal or similarly significant effect (risk.automated_legal_effect: true) states its lawful basis (compliance.lawful_basis) and the route for human intervention and contest (compliance.human_oversight).',
  rationale:
    'Solely automated decisions with legal or similarly significant effects are allowed only on a contract, law or explicit-consent basis, and the person has the right to human intervention, to express their view and to contest the decision.',
  sources: ['GDPR Art. 22(2)', 'GDPR Art. 22(3)'],
  howToFix:
    'Add compliance.lawful_basis (contract, law or explicit consent) and describe in compliance.human_oversight how a person asks for human review and contests a decision.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'compliance');
    if (!severity || fm(context, 'risk.automated_legal_effect') !== true) return [];
    const missing = [
      isPresent(fm(context, 'compliance.lawful_basis'))
        ? ''
        : 'compliance.lawful_basis (contract, law or explicit consent)',
      isPresent(fm(context, 'compliance.human_oversight'))
        ? ''
        : 'compliance.human_oversight (how a person obtains human review and contests the decision)',
    ].filter(Boolean);
    if (missing.length === 0) return [];
    return [
      makeFinding(
        this,
        severity,
        msg(
          'automatedDecision.agentTakesDecisionsLegal',
          'The agent takes decisions with legal or similar effect on its own (GDPR Art. 22): add {missing}.',
          { missing: joinList(missing) },
        ),
        fmRange(context.model, 'risk.automated_legal_effect'),
        {
          subject: { kind: 'front-matter', id: 'risk.automated_legal_effect' },
        },
      ),
    ];
  },
};
