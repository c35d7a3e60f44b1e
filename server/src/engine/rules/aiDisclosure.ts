import { calendarLevel, notYet, obligationTiming, withDateSources } from '../evaluation/calendar';
import { msg } from '../l10n';
import { isPresent } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, sectionSeverity } from './support';
import { aiActClass } from './aiActFacts';

export const aiDisclosure: Rule = {
  code: 'AD355',
  name: 'ai-disclosure-missing',
  description:
    'An agent intended to interact directly with people (risk.eu_ai_act.interacts_with_people, whatever its class) states in compliance.ai_disclosure how they learn it is an AI system; a customer-facing agent says whether it interacts with people; policy aiDisclosureForCustomerFacing makes a label a house rule for every customer-facing agent. Graded by the date Art. 50 applies.',
  rationale:
    'People must be told they are interacting with an AI system unless it is obvious (Art. 50(1)). The duty is about systems intended to interact directly with people, and it adds to any risk class (Art. 50(6)): a drafting assistant whose texts an employee reviews and sends is not one. Writing down how people are told (a greeting, a label) makes the duty checkable.',
  sources: ['EU AI Act Art. 50(1)', 'EU AI Act Art. 50(6)', 'EU AI Act Art. 113', 'seed:000'],
  howToFix:
    'Set risk.eu_ai_act.interacts_with_people and, when it is true, add compliance.ai_disclosure, e.g. "The chat opens with: you are talking to our AI assistant."',
  defaultSeverity: 'stage',
  obligations: ['ai-act-transparency'],
  check(context) {
    const due = sectionSeverity(context, 'userGuide');
    if (!due || isPresent(fm(context, 'compliance.ai_disclosure'))) return [];
    const interacts = fm(context, 'risk.eu_ai_act.interacts_with_people');
    const customerFacing = fm(context, 'risk.customer_facing') === true;
    const subject = { kind: 'front-matter' as const, id: 'compliance.ai_disclosure' };
    const anchorKey = fm(context, 'compliance') !== undefined ? 'compliance' : undefined;
    const at = (fallback: string) =>
      anchorKey ? fmRange(context.model, anchorKey, 'key') : fmRange(context.model, fallback);
    // "limited" was written to mean "Art. 50 applies": read it so, unless the document says otherwise.
    const duty = interacts === true || (interacts === undefined && aiActClass(context) === 'limited');
    if (duty) {
      const timing = obligationTiming(context.model.schemas, 'ai-act-transparency', context.today);
      const why =
        interacts === true
          ? msg('aiDisclosure.intendedInteractDirectlyPeople', 'is intended to interact directly with people')
          : msg('aiDisclosure.euAiActClass', 'is in EU AI Act class limited');
      return [
        makeFinding(
          this,
          calendarLevel(timing, due),
          msg(
            'aiDisclosure.addComplianceAiDisclosure',
            'Add compliance.ai_disclosure: say how people learn they are dealing with an AI system. The agent {why} (EU AI Act Art. 50(1)).{timing}',
            { why, timing: notYet(timing) },
          ),
          at(interacts === true ? 'risk.eu_ai_act.interacts_with_people' : 'risk.eu_ai_act.class'),
          { subject, sources: withDateSources(['EU AI Act Art. 50(1)'], timing) },
        ),
      ];
    }
    if (!customerFacing) return [];
    if (context.model.schemas.policy.aiDisclosureForCustomerFacing === true) {
      return [
        makeFinding(
          this,
          due,
          msg(
            'aiDisclosure.addComplianceAiDisclosure2',
            'Add compliance.ai_disclosure: your policy (aiDisclosureForCustomerFacing) asks every customer-facing agent to label its output. This is a house rule, whatever the AI Act requires.',
          ),
          at('risk.customer_facing'),
          { subject, sources: ['seed:000'] },
        ),
      ];
    }
    if (interacts !== undefined) return [];
    return [
      makeFinding(
        this,
        due,
        msg(
          'aiDisclosure.setRiskEuAi',
          'Set risk.eu_ai_act.interacts_with_people: the agent is customer-facing, and EU AI Act Art. 50(1) depends on whether people deal with it directly. Use true for a chat or voice agent, false when a person reviews and sends what it drafts; when true, add compliance.ai_disclosure.',
        ),
        fmRange(context.model, 'risk.customer_facing'),
        {
          subject: { kind: 'front-matter', id: 'risk.eu_ai_act.interacts_with_people' },
          sources: ['EU AI Act Art. 50(1)'],
        },
      ),
    ];
  },
};
