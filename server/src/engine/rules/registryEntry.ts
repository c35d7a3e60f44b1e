import { msg } from '../l10n';
import type { Finding } from '../types';
import { makeFinding, type Rule } from './rule';
import { fmRange, fmText, registryOf, registryStage, severityFrom } from './support';

export const registryEntry: Rule = {
  code: 'AD436',
  name: 'registry-entry-incomplete',
  description:
    'From production on (the stage of gate item review-cadence) the front matter names the portfolio type (type: foundation, capability or orchestration) and the business sponsor (sponsor).',
  rationale:
    "The programme lead balances the portfolio by type (start heavy on foundation agents, orchestration only on proven foundations) and reports each agent's return to the business that sponsors it. Without the type the mix cannot be shown; without a sponsor nobody on the business side answers for the agent's value at the portfolio review.",
  sources: ['seed:002'],
  howToFix:
    'Add type (foundation for high-volume, well-defined work; capability for something new; orchestration when the agent coordinates systems or other agents) and sponsor (the business sponsor, e.g. "Jonas Weber (CFO office)").',
  defaultSeverity: 'stage',
  check(context) {
    const severity = severityFrom(context, registryStage(context));
    if (!severity) return [];
    const registry = registryOf(context);
    const findings: Finding[] = [];
    if (registry.type === undefined)
      findings.push(
        makeFinding(
          this,
          severity,
          msg(
            'registryEntry.portfolioTypeMissingAdd',
            'The portfolio type is missing: add type: foundation (high-volume, well-defined work), capability (something new) or orchestration (it coordinates others).',
          ),
          fmRange(context.model, 'type'),
          { subject: { kind: 'front-matter', id: 'type' } },
        ),
      );
    if (registry.sponsor === undefined)
      findings.push(
        makeFinding(
          this,
          severity,
          msg(
            'registryEntry.businessSponsorAddSponsor',
            'The business sponsor is {state}: add sponsor with the person who answers for the value of this agent at the portfolio review.',
            {
              state:
                fmText(context, 'sponsor') === undefined
                  ? msg('registryEntry.stateMissing', 'missing')
                  : msg('registryEntry.statePlaceholder', 'a placeholder'),
            },
          ),
          fmRange(context.model, 'sponsor'),
          { subject: { kind: 'front-matter', id: 'sponsor' } },
        ),
      );
    return findings;
  },
};
