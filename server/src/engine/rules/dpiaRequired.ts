import { msg } from '../l10n';
import { isPresent } from '../model/values';
import type { RuleContext } from './rule';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, gateReports, gateStage, joinList, severityFrom } from './support';

/** GDPR Art. 9 special categories and Art. 10 criminal-offence data: Art. 35(3)(b). */
const SPECIAL = [
  'health',
  'biometric',
  'genetic',
  'racial-ethnic',
  'political',
  'religious',
  'trade-union',
  'sex-life',
  'criminal',
];

/** Why a DPIA is required for this document, or an empty list when no trigger is met. */
export function dpiaTriggers(context: RuleContext): string[] {
  if (fm(context, 'risk.personal_data') !== true) return [];
  const categories = fm(context, 'risk.data_categories');
  const criteria = fm(context, 'risk.dpia_criteria');
  const special = Array.isArray(categories)
    ? categories.map(String).filter((category) => SPECIAL.includes(category))
    : [];
  const met = Array.isArray(criteria) ? criteria.map(String) : [];
  const threshold = context.model.schemas.policy.dpiaCriteriaThreshold;
  const triggers: string[] = [];
  if (special.length)
    triggers.push(
      msg('dpiaRequired.specialCategory', 'special-category data ({categories})', { categories: special.join(', ') }),
    );
  if (met.length >= threshold)
    triggers.push(
      msg('dpiaRequired.criteriaMet', '{count} WP29/EDPB criteria ({criteria}), at least {threshold}', {
        count: met.length,
        criteria: met.join(', '),
        threshold,
      }),
    );
  if (fm(context, 'risk.automated_legal_effect') === true)
    triggers.push(msg('dpiaRequired.automatedLegalEffect', 'automated decisions with legal or similar effect'));
  return triggers;
}

export const dpiaRequired: Rule = {
  code: 'AD350',
  name: 'dpia-required',
  description:
    "When personal data meets a DPIA trigger (special-category data, dpiaCriteriaThreshold or more WP29/EDPB criteria, or automated legal effect), compliance.dpia has a reference, a status and the DPO's advice, or required: false with a justification.",
  rationale:
    "A DPIA is carried out before processing that is likely to result in a high risk, and always for large-scale special-category data or automated decisions with legal effect. The DPO's advice is sought. Deciding not to do one where the criteria apply needs a documented reason.",
  sources: ['GDPR Art. 35(1)', 'GDPR Art. 35(2)', 'GDPR Art. 35(3)', 'WP29 WP248 rev.01', 'seed:003'],
  howToFix:
    'Fill compliance.dpia with required: true, reference, status and dpo_advice; or, if it is genuinely not required, required: false and a justification.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = severityFrom(context, gateStage(context, 'dpia-assessed') ?? 'shadow');
    const triggers = dpiaTriggers(context);
    if (!severity || triggers.length === 0) return [];
    const why = msg('dpiaRequired.processesPersonalData', 'processes personal data with {triggers}', {
      triggers: joinList(triggers),
    });
    const subject = { kind: 'front-matter' as const, id: 'compliance.dpia' };
    const required = fm(context, 'compliance.dpia.required');
    if (required === false) {
      if (isPresent(fm(context, 'compliance.dpia.justification')) || gateReports(context, 'dpia-assessed')) return [];
      return [
        makeFinding(
          this,
          severity,
          msg(
            'dpiaRequired.complianceDpiaRequiredFalse',
            'compliance.dpia.required is false although a DPIA is required: set required: true, or add compliance.dpia.justification saying why none is needed. The agent {why}.',
            { why },
          ),
          fmRange(context.model, 'compliance.dpia.required'),
          { subject },
        ),
      ];
    }
    const missing: string[] = [];
    if (required === undefined) missing.push('required: true');
    if (!isPresent(fm(context, 'compliance.dpia.reference'))) missing.push('reference');
    // A missing status is gate item dpia-assessed's finding.
    if (!isPresent(fm(context, 'compliance.dpia.status')) && !gateReports(context, 'dpia-assessed'))
      missing.push('status');
    if (!isPresent(fm(context, 'compliance.dpia.dpo_advice'))) missing.push('dpo_advice');
    if (missing.length === 0) return [];
    const anchor =
      fm(context, 'compliance.dpia') !== undefined
        ? 'compliance.dpia'
        : fm(context, 'compliance') !== undefined
          ? 'compliance'
          : 'risk.personal_data';
    return [
      makeFinding(
        this,
        severity,
        msg('dpiaRequired.dpiaRequiredAddAgent', 'A DPIA is required: add {value}. The agent {why}.', {
          value: joinList(missing.map((key) => `compliance.dpia.${key}`)),
          why,
        }),
        fmRange(context.model, anchor, 'key'),
        { subject },
      ),
    ];
  },
};
