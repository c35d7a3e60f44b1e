import { longDate, obligationTiming, withDateSources } from '../evaluation/calendar';
import { msg } from '../l10n';
import { makeFinding, type Rule } from './rule';
import { fmRange, fmText } from './support';

export const aiActProhibited: Rule = {
  code: 'AD352',
  name: 'ai-act-prohibited',
  description:
    'An agent classed as a prohibited practice under the EU AI Act is reported as an error at every stage; no waiver applies.',
  rationale:
    'Art. 5 practices (manipulation, exploiting vulnerabilities, social scoring, emotion inference at work or school, and the others listed) may not be placed on the market or used at all since 2 February 2025. No readiness review can sign that off.',
  sources: ['EU AI Act Art. 5', 'EU AI Act Art. 113'],
  howToFix:
    'Redesign the use case so that it is not an Art. 5 practice and reclassify it with a rationale reviewed by Legal, or stop the project.',
  defaultSeverity: 'error',
  obligations: ['ai-act-prohibited-practices'],
  check(context) {
    const value = fmText(context, 'risk.eu_ai_act.class');
    if (value?.trim().toLowerCase() !== 'prohibited') return [];
    // A practice that is not yet prohibited is still one nobody should start building.
    const timing = obligationTiming(context.model.schemas, 'ai-act-prohibited-practices', context.today);
    const since = timing
      ? timing.applies
        ? msg('aiActProhibited.prohibitedSince', ' (prohibited since {date})', {
            date: longDate(timing.obligation.appliesFrom),
          })
        : msg('aiActProhibited.prohibitedFrom', ' (prohibited from {date})', {
            date: longDate(timing.obligation.appliesFrom),
          })
      : '';
    return [
      makeFinding(
        this,
        'error',
        msg(
          'aiActProhibited.agentClassedAsProhibited',
          'This agent is classed as a prohibited AI practice (EU AI Act Art. 5{since}): it may not be deployed at any stage and no waiver can change that. Redesign the use case and reclassify it with Legal, or stop the project.',
          { since },
        ),
        fmRange(context.model, 'risk.eu_ai_act.class'),
        {
          subject: { kind: 'front-matter', id: 'risk.eu_ai_act.class' },
          sources: withDateSources(this.sources, timing),
        },
      ),
    ];
  },
};
