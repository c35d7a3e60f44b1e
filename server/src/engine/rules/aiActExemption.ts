import { msg } from '../l10n';
import { calendarLevel, notYet, obligationTiming, withDateSources } from '../evaluation/calendar';
import { isPresent } from '../model/values';
import type { Finding } from '../types';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, sectionSeverity } from './support';
import { aiActClass } from './aiActFacts';

const KEY = 'risk.eu_ai_act.exemption_6_3';

export const aiActExemption: Rule = {
  code: 'AD452',
  name: 'ai-act-exemption-invalid',
  description:
    'An Art. 6(3) exemption (risk.eu_ai_act.exemption_6_3) belongs to an Annex III use that is not classed high, does not profile people, and has its documented assessment.',
  rationale:
    'An Annex III system is not high-risk when it only performs a narrow procedural task, improves a completed human activity, detects patterns without replacing human review, or does a preparatory task (Art. 6(3)); never when it profiles people. The provider documents that assessment before the system is placed on the market (Art. 6(4)).',
  sources: ['EU AI Act Art. 6(3)', 'EU AI Act Art. 6(4)'],
  howToFix:
    'Name the Annex III area, write where the assessment is documented in exemption_6_3.assessment, and drop the exemption when the agent profiles people (then it is high-risk).',
  defaultSeverity: 'stage',
  obligations: ['ai-act-high-risk-annex-iii-provider'],
  check(context) {
    const due = sectionSeverity(context, 'compliance');
    if (!due || fm(context, KEY) === undefined) return [];
    const timing = obligationTiming(context.model.schemas, 'ai-act-high-risk-annex-iii-provider', context.today);
    const level = calendarLevel(timing, due);
    const later = notYet(timing);
    const sources = withDateSources(['EU AI Act Art. 6(3)', 'EU AI Act Art. 6(4)'], timing);
    const range = fmRange(context.model, KEY, 'key');
    const subject = { kind: 'front-matter' as const, id: KEY };
    const problems: string[] = [];
    if (aiActClass(context) === 'high')
      problems.push(msg('aiActExemption.classedHigh', 'The agent is classed high, which the exemption contradicts'));
    if (!isPresent(fm(context, 'risk.eu_ai_act.annex_iii_area')))
      problems.push(msg('aiActExemption.noArea', 'No Annex III area is named (add risk.eu_ai_act.annex_iii_area)'));
    const criteria = fm(context, 'risk.dpia_criteria');
    if (Array.isArray(criteria) && criteria.includes('evaluation-scoring'))
      problems.push(
        msg(
          'aiActExemption.profiles',
          'Risk.dpia_criteria lists evaluation-scoring, and a system that profiles people is always high-risk',
        ),
      );
    if (!isPresent(fm(context, `${KEY}.assessment`)))
      problems.push(
        msg('aiActExemption.noAssessment', 'The documented assessment is missing (add {key}.assessment, Art. 6(4))', {
          key: KEY,
        }),
      );
    const findings: Finding[] = [];
    if (problems.length)
      findings.push(
        makeFinding(
          this,
          level,
          msg(
            'aiActExemption.artExemptionDoesNot',
            'The Art. 6(3) exemption does not hold as written. {problems}.{later}',
            { problems: problems.join('. '), later },
          ),
          range,
          { subject, sources },
        ),
      );
    return findings;
  },
};
