import { msg } from '../l10n';
import { isPresent } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, gateStage, joinList, severityFrom } from './support';

const PARTS = [
  { id: 'description', what: '(a) a systematic description of the processing and its purposes' },
  { id: 'necessity', what: '(b) necessity and proportionality' },
  { id: 'risks', what: "(c) the risks to data subjects' rights and freedoms" },
  { id: 'measures', what: '(d) the measures that address them' },
];

export const dpiaCoverage: Rule = {
  code: 'AD351',
  name: 'dpia-incomplete',
  description:
    'A DPIA that exists (reference or status given) lists in compliance.dpia.covers the four parts of Art. 35(7): description, necessity, risks, measures.',
  rationale:
    "Art. 35(7) sets the minimum content of a DPIA. A DPIA that skips necessity or the measures is a form filled in, not an assessment, and will not survive the supervisory authority's reading.",
  sources: ['GDPR Art. 35(7)'],
  howToFix:
    'Complete the DPIA and list what it covers: compliance.dpia.covers: [description, necessity, risks, measures].',
  defaultSeverity: 'stage',
  check(context) {
    const severity = severityFrom(context, gateStage(context, 'dpia-assessed') ?? 'shadow');
    const exists =
      isPresent(fm(context, 'compliance.dpia.reference')) || isPresent(fm(context, 'compliance.dpia.status'));
    if (!severity || !exists || fm(context, 'compliance.dpia.required') === false) return [];
    const covers = fm(context, 'compliance.dpia.covers');
    const listed = Array.isArray(covers) ? covers.map((item) => String(item).toLowerCase()) : [];
    const missing = PARTS.filter((part) => !listed.includes(part.id));
    if (missing.length === 0) return [];
    const anchor = covers === undefined ? 'compliance.dpia' : 'compliance.dpia.covers';
    return [
      makeFinding(
        this,
        severity,
        msg(
          'dpiaCoverage.dpiaDoesNotState',
          'The DPIA does not state that it covers all GDPR Art. 35(7) asks for: complete it and list {value} in compliance.dpia.covers. Missing: {value2}.',
          { value: joinList(missing.map((part) => part.id)), value2: joinList(missing.map((part) => part.what)) },
        ),
        fmRange(context.model, anchor, covers === undefined ? 'key' : 'value'),
        {
          subject: { kind: 'front-matter', id: 'compliance.dpia.covers' },
        },
      ),
    ];
  },
};
