import { msg } from '../l10n';
import { isPresent } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, fmText, joinList, sectionSeverity } from './support';

const EXCEPTIONS: Record<string, () => string> = {
  contract: () => msg('automatedDecision.exceptionContract', '(a) necessary for a contract'),
  law: () => msg('automatedDecision.exceptionLaw', '(b) authorised by law'),
  'explicit-consent': () => msg('automatedDecision.exceptionConsent', '(c) explicit consent'),
};

export const automatedDecision: Rule = {
  code: 'AD357',
  name: 'automated-decision-safeguards',
  description:
    'An agent that alone takes decisions with legal or similarly significant effect (risk.automated_legal_effect: true) names the Art. 22(2) exception that allows it (compliance.automated_decision_exception), the route to human intervention and contest where Art. 22(3) requires one (compliance.contest_route, for the contract and explicit-consent exceptions), and where people learn the logic involved (compliance.logic_information).',
  rationale:
    'Solely automated decisions with legal or similarly significant effects are allowed only when necessary for a contract, authorised by law, or based on explicit consent (Art. 22(2)(a)-(c)); that exception is not the Art. 6 lawful basis of the processing. For the contract and consent exceptions the controller gives the person the right to human intervention, to express their view and to contest the decision (Art. 22(3)); the law that authorises a decision lays down its own safeguards. People are told about the logic involved and its consequences (Art. 13(2)(f), 14(2)(g)).',
  sources: ['GDPR Art. 22(2)', 'GDPR Art. 22(3)', 'GDPR Art. 13(2)(f)', 'GDPR Art. 14(2)(g)'],
  howToFix:
    'Add compliance.automated_decision_exception (contract, law or explicit-consent), compliance.contest_route (how a person asks for human review and contests a decision) and compliance.logic_information (where people read how the decisions are made).',
  defaultSeverity: 'stage',
  obligations: ['gdpr'],
  check(context) {
    const severity = sectionSeverity(context, 'compliance');
    if (!severity || fm(context, 'risk.automated_legal_effect') !== true) return [];
    const exception = fmText(context, 'compliance.automated_decision_exception')?.trim();
    const missing: string[] = [];
    const sources: string[] = [];
    if (!exception || !(exception in EXCEPTIONS)) {
      missing.push(
        msg(
          'automatedDecision.missingException',
          'compliance.automated_decision_exception (the Art. 22(2) exception: contract, law or explicit-consent)',
        ),
      );
      sources.push('GDPR Art. 22(2)');
    }
    if (exception !== 'law' && !isPresent(fm(context, 'compliance.contest_route'))) {
      const required = exception && exception in EXCEPTIONS ? EXCEPTIONS[exception]?.() : undefined;
      missing.push(
        required
          ? msg(
              'automatedDecision.missingContestRouteRequired',
              'compliance.contest_route (how a person obtains human intervention, gives their view and contests a decision, which the {exception} exception requires)',
              { exception: required },
            )
          : msg(
              'automatedDecision.missingContestRoute',
              'compliance.contest_route (how a person obtains human intervention, gives their view and contests a decision)',
            ),
      );
      sources.push('GDPR Art. 22(3)');
    }
    if (!isPresent(fm(context, 'compliance.logic_information'))) {
      missing.push(
        msg(
          'automatedDecision.missingLogicInformation',
          'compliance.logic_information (where people learn the logic involved and its consequences)',
        ),
      );
      sources.push('GDPR Art. 13(2)(f)', 'GDPR Art. 14(2)(g)');
    }
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
          sources,
        },
      ),
    ];
  },
};
