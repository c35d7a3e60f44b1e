import { calendarLevel, notYet, withDateSources } from '../evaluation/calendar';
import { msg } from '../l10n';
import { isPresent } from '../model/values';
import type { Finding } from '../types';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, joinList, sectionSeverity } from './support';
import { aiActClass, aiActRoles, highRiskCitations, highRiskTiming } from './aiActFacts';

/** The sections that carry the Annex IV technical documentation for a prompt-based agent. */
const TECHNICAL_DOCUMENTATION = [
  { id: 'tools', title: 'Tools & integrations' },
  { id: 'decisions', title: 'Decision architecture' },
  { id: 'evaluation', title: 'Evaluation' },
  { id: 'operations', title: 'Operations' },
];

export const aiActHighRisk: Rule = {
  code: 'AD353',
  name: 'ai-act-high-risk-incomplete',
  description:
    'A high-risk agent names what makes it high-risk (an Annex III area or the Annex I legislation), describes human oversight, and, when the organisation is its provider, has its technical-documentation sections (Tools, Decision architecture, Evaluation, Operations) filled in. Graded by the date the high-risk duties apply (schemas/regulations.json).',
  rationale:
    'A system is high-risk as a safety component of an Annex I product (Art. 6(1)) or as an Annex III use (Art. 6(2)); which one decides when the duties apply. The provider designs for human oversight (Art. 14(4)) and writes the technical documentation (Art. 11, Annex IV); the deployer assigns competent people to oversee it (Art. 26(2)). Before the duties apply, the finding is information that says from when.',
  sources: [
    'EU AI Act Art. 6(1)',
    'EU AI Act Art. 6(2)',
    'EU AI Act Annex III',
    'EU AI Act Art. 11',
    'EU AI Act Annex IV',
    'EU AI Act Art. 14(4)',
    'EU AI Act Art. 26(2)',
    'EU AI Act Art. 113',
    'Digital Omnibus on AI',
  ],
  howToFix:
    'Add risk.eu_ai_act.annex_iii_area (and annex_iii_point) or annex_i_legislation, describe in compliance.human_oversight how people monitor, override and stop the agent, and fill in the Tools, Decision architecture, Evaluation and Operations sections.',
  defaultSeverity: 'stage',
  obligations: [
    'ai-act-high-risk-annex-iii-provider',
    'ai-act-high-risk-annex-iii-deployer',
    'ai-act-high-risk-annex-i-provider',
    'ai-act-high-risk-annex-i-deployer',
  ],
  check(context) {
    const due = sectionSeverity(context, 'compliance');
    if (!due || aiActClass(context) !== 'high') return [];
    const roles = aiActRoles(context);
    const provider = roles.has('provider');
    const timing = highRiskTiming(context, provider ? 'provider' : 'deployer');
    const level = calendarLevel(timing, due);
    const later = notYet(timing);
    const findings: Finding[] = [];
    const classRange = fmRange(context.model, 'risk.eu_ai_act.class');
    if (
      !isPresent(fm(context, 'risk.eu_ai_act.annex_iii_area')) &&
      !isPresent(fm(context, 'risk.eu_ai_act.annex_i_legislation'))
    ) {
      // Which basis applies decides the date, so this one is graded by the stage alone.
      findings.push(
        makeFinding(
          this,
          due,
          msg(
            'aiActHighRisk.sayWhyAgentHigh',
            'Say why the agent is high-risk: add risk.eu_ai_act.annex_iii_area (with annex_iii_point) or annex_i_legislation. Annex III uses are high-risk under EU AI Act Art. 6(2), safety components of Annex I products under Art. 6(1).',
          ),
          classRange,
          {
            subject: { kind: 'front-matter', id: 'risk.eu_ai_act.annex_iii_area' },
            sources: ['EU AI Act Art. 6(1)', 'EU AI Act Art. 6(2)', 'EU AI Act Annex I', 'EU AI Act Annex III'],
          },
        ),
      );
    }
    if (!isPresent(fm(context, 'compliance.human_oversight'))) {
      const anchor = fm(context, 'compliance') !== undefined ? 'compliance' : 'risk.eu_ai_act.class';
      const duty = provider
        ? msg(
            'aiActHighRisk.providerOversight',
            'As its provider, design for people to monitor it, interpret its output, override or reverse it and stop it (EU AI Act Art. 14(4)).',
          )
        : msg(
            'aiActHighRisk.deployerOversight',
            'As its deployer, assign people with the competence and authority to oversee it (EU AI Act Art. 26(2)).',
          );
      findings.push(
        makeFinding(
          this,
          level,
          msg(
            'aiActHighRisk.describeComplianceHumanOversight',
            'Describe in compliance.human_oversight how people oversee this high-risk agent. {duty}{later}',
            { duty, later },
          ),
          fmRange(context.model, anchor, anchor === 'compliance' ? 'key' : 'value'),
          {
            subject: { kind: 'front-matter', id: 'compliance.human_oversight' },
            sources: withDateSources(provider ? ['EU AI Act Art. 14(4)'] : ['EU AI Act Art. 26(2)'], timing),
          },
        ),
      );
    }
    const missing = provider
      ? TECHNICAL_DOCUMENTATION.filter((section) => !context.facts.sectionFilled(section.id)).map(
          (section) => `"${section.title}"`,
        )
      : [];
    if (missing.length) {
      findings.push(
        makeFinding(
          this,
          level,
          missing.length > 1
            ? msg(
                'aiActHighRisk.writeSectionsProviderHigh',
                'Write the {missing} sections: the provider of a high-risk agent keeps its technical documentation (EU AI Act Art. 11, Annex IV).{later}',
                { missing: joinList(missing), later },
              )
            : msg(
                'aiActHighRisk.writeSectionProviderHigh',
                'Write the {missing} section: the provider of a high-risk agent keeps its technical documentation (EU AI Act Art. 11, Annex IV).{later}',
                { missing: joinList(missing), later },
              ),
          classRange,
          {
            subject: { kind: 'front-matter', id: 'risk.eu_ai_act.class' },
            sources: withDateSources(
              [...highRiskCitations(context), 'EU AI Act Art. 11', 'EU AI Act Annex IV'],
              timing,
            ),
          },
        ),
      );
    }
    return findings;
  },
};
