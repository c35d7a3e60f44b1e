import { msg } from '../l10n';
import { isPresent } from '../model/values';
import type { Finding } from '../types';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, fmText, joinList, sectionSeverity } from './support';

/** The sections that carry the Annex IV technical documentation for a prompt-based agent. */
const TECHNICAL_DOCUMENTATION = [
  { id: 'tools', title: 'Tools & integrations' },
  { id: 'decisions', title: 'Decision architecture' },
  { id: 'evaluation', title: 'Evaluation' },
  { id: 'operations', title: 'Operations' },
];

export const aiActHighRisk: Rule = {
  code: 'AD353',
  name: 'ai-act-high-risk-requirements',
  description:
    'An agent in EU AI Act class high names its Annex III area, states human oversight (compliance.human_oversight) and has the technical-documentation sections (Tools, Decision architecture, Evaluation, Operations) filled in.',
  rationale:
    'High-risk systems need their classification basis (Art. 6, Annex III), human oversight that lets people understand, override and stop the system (Art. 14(4)), and technical documentation (Art. 11, Annex IV) before they are put into service.',
  sources: ['EU AI Act Art. 6(2)', 'EU AI Act Art. 11', 'EU AI Act Annex IV', 'EU AI Act Art. 14(4)'],
  howToFix:
    'Add risk.eu_ai_act.annex_iii_area, describe in compliance.human_oversight how people monitor, override and stop the agent, and fill in the Tools, Decision architecture, Evaluation and Operations sections.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'compliance');
    if (!severity || fmText(context, 'risk.eu_ai_act.class')?.trim().toLowerCase() !== 'high') return [];
    const findings: Finding[] = [];
    const classRange = fmRange(context.model, 'risk.eu_ai_act.class');
    if (!isPresent(fm(context, 'risk.eu_ai_act.annex_iii_area'))) {
      findings.push(
        makeFinding(
          this,
          severity,
          msg(
            'aiActHighRisk.agentClassedHighRisk',
            'The agent is classed high-risk but names no Annex III area: add risk.eu_ai_act.annex_iii_area (e.g. employment, essential-services) so the classification can be reviewed (EU AI Act Art. 6(2)).',
          ),
          classRange,
          {
            subject: { kind: 'front-matter', id: 'risk.eu_ai_act.annex_iii_area' },
            sources: ['EU AI Act Art. 6(2)', 'EU AI Act Annex III'],
          },
        ),
      );
    }
    if (!isPresent(fm(context, 'compliance.human_oversight'))) {
      const anchor = fm(context, 'compliance') !== undefined ? 'compliance' : 'risk.eu_ai_act.class';
      findings.push(
        makeFinding(
          this,
          severity,
          msg(
            'aiActHighRisk.highRiskAgentNeeds',
            'A high-risk agent needs human oversight: describe in compliance.human_oversight how people monitor it, interpret its output, override or reverse its decisions and stop it (EU AI Act Art. 14(4)).',
          ),
          fmRange(context.model, anchor, anchor === 'compliance' ? 'key' : 'value'),
          {
            subject: { kind: 'front-matter', id: 'compliance.human_oversight' },
            sources: ['EU AI Act Art. 14(4)'],
          },
        ),
      );
    }
    const missing = TECHNICAL_DOCUMENTATION.filter((section) => !context.facts.sectionFilled(section.id)).map(
      (section) => `"${section.title}"`,
    );
    if (missing.length) {
      findings.push(
        makeFinding(
          this,
          severity,
          missing.length > 1
            ? msg(
                'aiActHighRisk.highRiskAgentNeedsSections',
                'A high-risk agent needs its technical documentation (EU AI Act Art. 11, Annex IV): write the {missing} sections.',
                { missing: joinList(missing) },
              )
            : msg(
                'aiActHighRisk.highRiskAgentNeeds2',
                'A high-risk agent needs its technical documentation (EU AI Act Art. 11, Annex IV): write the {missing} section.',
                { missing: joinList(missing) },
              ),
          classRange,
          {
            subject: { kind: 'front-matter', id: 'risk.eu_ai_act.class' },
            sources: ['EU AI Act Art. 11', 'EU AI Act Annex IV'],
          },
        ),
      );
    }
    return findings;
  },
};
