import { obligationTiming, type ObligationTiming } from '../evaluation/calendar';
import { isPresent } from '../model/values';
import type { RuleContext } from './rule';
import { fm, fmText } from './support';

export type AiActRole = 'provider' | 'deployer';

/** The EU AI Act class as written, lower-cased. */
export function aiActClass(context: RuleContext): string | undefined {
  return fmText(context, 'risk.eu_ai_act.class')?.trim().toLowerCase();
}

/**
 * The organisation's roles under the Act. A team that builds its own agent and uses it is both
 * provider (Art. 3(3)) and deployer (Art. 3(4)), which is what an undeclared role is taken to mean.
 */
export function aiActRoles(context: RuleContext): Set<AiActRole> {
  const roles = fm(context, 'risk.eu_ai_act.roles');
  const declared = Array.isArray(roles)
    ? roles.map(String).filter((role): role is AiActRole => role === 'provider' || role === 'deployer')
    : [];
  return new Set(declared.length ? declared : ['provider', 'deployer']);
}

/** High-risk through Art. 6(1) (an Annex I product) or Art. 6(2) (an Annex III use). */
export function highRiskBasis(context: RuleContext): 'annex-i' | 'annex-iii' {
  return isPresent(fm(context, 'risk.eu_ai_act.annex_i_legislation')) ? 'annex-i' : 'annex-iii';
}

/** When the high-risk duties of one role apply to this agent (the calendar's date for its basis). */
export function highRiskTiming(context: RuleContext, role: AiActRole): ObligationTiming | undefined {
  return obligationTiming(context.model.schemas, `ai-act-high-risk-${highRiskBasis(context)}-${role}`, context.today);
}

/** "EU AI Act Art. 6(2), Annex III" or "EU AI Act Art. 6(1), Annex I": what makes the agent high-risk. */
export function highRiskCitations(context: RuleContext): string[] {
  return highRiskBasis(context) === 'annex-i'
    ? ['EU AI Act Art. 6(1)', 'EU AI Act Annex I']
    : ['EU AI Act Art. 6(2)', 'EU AI Act Annex III'];
}
