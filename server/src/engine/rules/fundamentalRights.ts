import { msg } from '../l10n';
import { calendarLevel, notYet, withDateSources } from '../evaluation/calendar';
import { isPresent } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, fmText, joinList, severityFrom } from './support';
import { aiActClass, aiActRoles, highRiskBasis, highRiskTiming } from './aiActFacts';

/** The assessment comes before the deployer first uses the system on real cases: shadow. */
const FIRST_USE_STAGE = 'shadow';

export const fundamentalRightsAssessment: Rule = {
  code: 'AD451',
  name: 'fria-required',
  description:
    'A deployer of an Annex III high-risk agent (other than critical infrastructure) that is a public body, a private body providing public services, or that uses it for creditworthiness or life and health insurance pricing (Annex III 5(b), 5(c)) records a completed fundamental-rights impact assessment in compliance.fria before first use. Graded by the date the deployer duties apply.',
  rationale:
    'Art. 27(1) asks these deployers to assess, before first use, how the system affects the people it concerns: the processes it is used in, how often and for whom, the specific risks of harm, the human oversight and what happens when the risks materialise. Who must do it follows from facts the document already has, so the rule derives it rather than asking the team to guess.',
  sources: ['EU AI Act Art. 27(1)', 'EU AI Act Annex III', 'EU AI Act Art. 113', 'Digital Omnibus on AI'],
  howToFix:
    'Carry out the assessment and record it: compliance.fria with reference and status: completed. State risk.eu_ai_act.deployer_type and annex_iii_point so the duty can be judged.',
  defaultSeverity: 'stage',
  obligations: ['ai-act-high-risk-annex-iii-deployer'],
  check(context) {
    const due = severityFrom(context, FIRST_USE_STAGE);
    if (!due || aiActClass(context) !== 'high' || highRiskBasis(context) !== 'annex-iii') return [];
    if (!aiActRoles(context).has('deployer') || !isPresent(fm(context, 'risk.eu_ai_act.annex_iii_area'))) return [];
    if (fmText(context, 'risk.eu_ai_act.annex_iii_area') === 'critical-infrastructure') return [];
    const timing = highRiskTiming(context, 'deployer');
    const level = calendarLevel(timing, due);
    const later = notYet(timing);
    const sources = withDateSources(['EU AI Act Art. 27(1)'], timing);
    const point = fmText(context, 'risk.eu_ai_act.annex_iii_point')?.trim();
    const deployer = fmText(context, 'risk.eu_ai_act.deployer_type');
    const pricing = point === '5(b)' || point === '5(c)';
    const publicSide = deployer === 'public-body' || deployer === 'public-service';
    if (!pricing && !publicSide) {
      const unknown = [
        ...(deployer === undefined ? ['risk.eu_ai_act.deployer_type'] : []),
        ...(point === undefined && fmText(context, 'risk.eu_ai_act.annex_iii_area') === 'essential-services'
          ? ['risk.eu_ai_act.annex_iii_point']
          : []),
      ];
      if (unknown.length === 0) return [];
      return [
        makeFinding(
          this,
          level,
          msg(
            'fundamentalRights.addTheyDecideWhether',
            'Add {unknown}: they decide whether a fundamental-rights impact assessment is due (EU AI Act Art. 27(1)). The deployer type is public-body, public-service or private; Annex III points 5(b) and 5(c) need the assessment.{later}',
            { unknown: joinList(unknown), later },
          ),
          fmRange(context.model, 'risk.eu_ai_act.annex_iii_area'),
          { subject: { kind: 'front-matter', id: 'risk.eu_ai_act.deployer_type' }, sources },
        ),
      ];
    }
    if (fm(context, 'compliance.fria.status') === 'completed' && isPresent(fm(context, 'compliance.fria.reference')))
      return [];
    const why = pricing
      ? msg('fundamentalRights.itUsedUnderAnnex', 'it is used under Annex III point {point}', { point })
      : deployer === 'public-body'
        ? msg('fundamentalRights.publicBodyDeploysIt', 'a public body deploys it')
        : msg('fundamentalRights.privateBodyProvidingPublic', 'a private body providing public services deploys it');
    const anchor = fm(context, 'compliance.fria') !== undefined ? 'compliance.fria' : 'risk.eu_ai_act.class';
    return [
      makeFinding(
        this,
        level,
        msg(
          'fundamentalRights.recordFundamentalRightsImpact',
          'Record a fundamental-rights impact assessment in compliance.fria, with reference and status: completed. It is due before first use because {why} (EU AI Act Art. 27(1)).{later}',
          { why, later },
        ),
        fmRange(context.model, anchor, anchor === 'compliance.fria' ? 'key' : 'value'),
        { subject: { kind: 'front-matter', id: 'compliance.fria' }, sources },
      ),
    ];
  },
};
