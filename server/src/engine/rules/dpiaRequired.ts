import { msg } from '../l10n';
import { isPresent } from '../model/values';
import type { RuleContext } from './rule';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, gateReports, gateStage, joinList, severityFrom } from './support';

/**
 * GDPR Art. 9(1) special categories and Art. 10 criminal-offence data. Biometric data is special
 * only when processed to identify a person uniquely (biometric-identification).
 */
const SPECIAL = [
  'health',
  'biometric-identification',
  'genetic',
  'racial-ethnic',
  'political',
  'religious',
  'philosophical',
  'trade-union',
  'sex-life',
  'sexual-orientation',
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
  const declared = Array.isArray(criteria) ? criteria.map(String) : [];
  const threshold = context.model.schemas.policy.dpiaCriteriaThreshold;
  const triggers: string[] = [];
  // Art. 35(3)(b) asks for a DPIA for special-category data at large scale; on its own such data
  // is one WP248 criterion ("sensitive data") of nine, counted with the others.
  const largeScale = declared.includes('large-scale');
  if (special.length && largeScale)
    triggers.push(
      msg('dpiaRequired.specialCategoryLargeScale', 'special-category data ({categories}) at large scale', {
        categories: special.join(', '),
      }),
    );
  const met = special.length && !declared.includes('sensitive-data') ? [...declared, 'sensitive-data'] : declared;
  if (!(special.length && largeScale) && met.length >= threshold)
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
    "When personal data meets a DPIA trigger (special-category data at large scale, dpiaCriteriaThreshold or more WP29/EDPB criteria with special-category data counting as one, or automated legal effect), compliance.dpia has a reference, a status and, where a DPO is designated, the DPO's advice; or required: false with a justification.",
  rationale:
    "A DPIA is carried out before processing that is likely to result in a high risk, and always for special-category data at large scale or automated decisions with legal effect (Art. 35(3)). Special-category data alone is one of the nine WP248 criteria; two or more usually call for a DPIA. Where a DPO is designated, the DPO's advice is sought (Art. 35(2)). Deciding not to do one where the criteria apply needs a documented reason.",
  sources: ['GDPR Art. 35(1)', 'GDPR Art. 35(2)', 'GDPR Art. 35(3)', 'WP29 WP248 rev.01', 'seed:003'],
  howToFix:
    'Fill compliance.dpia with required: true, reference, status and dpo_advice; or, if it is genuinely not required, required: false and a justification.',
  defaultSeverity: 'stage',
  obligations: ['gdpr'],
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
    // Art. 35(2): the DPO's advice is sought where a DPO is designated; an undeclared DPO is asked about.
    const dpo = fm(context, 'compliance.dpo_designated');
    if (dpo !== false && !isPresent(fm(context, 'compliance.dpia.dpo_advice'))) missing.push('dpo_advice');
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
        dpo === undefined && missing.includes('dpo_advice')
          ? msg(
              'dpiaRequired.requiredAddNoDpo',
              'A DPIA is required: add {keys}. The agent {why}. Where no DPO is designated, set compliance.dpo_designated: false instead of giving dpo_advice.',
              { keys: joinList(missing.map((key) => `compliance.dpia.${key}`)), why },
            )
          : msg('dpiaRequired.requiredAdd', 'A DPIA is required: add {keys}. The agent {why}.', {
              keys: joinList(missing.map((key) => `compliance.dpia.${key}`)),
              why,
            }),
        fmRange(context.model, anchor, 'key'),
        { subject },
      ),
    ];
  },
};
