import { msg } from '../l10n';
import { isPresent } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, fmText, sectionSeverity } from './support';

export const aiDisclosure: Rule = {
  code: 'AD355',
  name: 'ai-disclosure-missing',
  description:
    'A customer-facing agent, or one in EU AI Act class limited, states in compliance.ai_disclosure how people learn they are dealing with an AI system (from the stage the User guide is required).',
  rationale:
    'People must be told they are interacting with an AI system unless it is obvious (Art. 50). Writing down how it is done (a footer, a greeting, a label on notes) makes the duty checkable.',
  sources: ['EU AI Act Art. 50', 'seed:000'],
  howToFix:
    'Add compliance.ai_disclosure, e.g. "Every reply ends with: drafted with the help of AI and checked by our team."',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'userGuide');
    const customerFacing = fm(context, 'risk.customer_facing') === true;
    const limited = fmText(context, 'risk.eu_ai_act.class')?.trim().toLowerCase() === 'limited';
    if (!severity || (!customerFacing && !limited) || isPresent(fm(context, 'compliance.ai_disclosure'))) return [];
    const why = customerFacing
      ? msg('aiDisclosure.talksCustomers', 'talks to customers')
      : msg('aiDisclosure.euAiActClass', 'is in EU AI Act class limited');
    const anchor =
      fm(context, 'compliance') !== undefined
        ? 'compliance'
        : customerFacing
          ? 'risk.customer_facing'
          : 'risk.eu_ai_act.class';
    return [
      makeFinding(
        this,
        severity,
        msg(
          'aiDisclosure.agentButDoesNot',
          'The agent {why} but does not say how people learn they are dealing with an AI system: add compliance.ai_disclosure (EU AI Act Art. 50).',
          { why },
        ),
        fmRange(context.model, anchor, anchor === 'compliance' ? 'key' : 'value'),
        {
          subject: { kind: 'front-matter', id: 'compliance.ai_disclosure' },
        },
      ),
    ];
  },
};
