import { msg } from '../l10n';
import { isPresent } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, sectionSeverity } from './support';

export const personalDataBasics: Rule = {
  code: 'AD454',
  name: 'personal-data-basis-retention',
  description:
    'An agent that processes personal data (risk.personal_data: true) states its lawful basis (compliance.lawful_basis) and how long the personal data is kept (compliance.retention).',
  rationale:
    'Processing personal data is lawful only on one of the Art. 6(1) bases, and data is kept no longer than its purpose needs (storage limitation, Art. 5(1)(e)). A reviewer cannot judge either when the document does not say.',
  sources: ['GDPR Art. 6(1)', 'GDPR Art. 5(1)(e)'],
  howToFix:
    'Add compliance.lawful_basis (e.g. "Art. 6(1)(b): performance of the customer contract") and compliance.retention (e.g. "inputs and outputs 30 days").',
  defaultSeverity: 'stage',
  obligations: ['gdpr'],
  check(context) {
    const due = sectionSeverity(context, 'compliance');
    if (!due || fm(context, 'risk.personal_data') !== true) return [];
    const anchor = fm(context, 'compliance') !== undefined ? 'compliance' : 'risk.personal_data';
    const range = fmRange(context.model, anchor, anchor === 'compliance' ? 'key' : 'value');
    // One finding per key, so a quick fix that adds one key settles exactly its finding.
    return [
      {
        key: 'compliance.lawful_basis',
        what: () => msg('personalDataBasics.lawfulBasis', 'its lawful basis'),
        cite: 'GDPR Art. 6(1)',
      },
      {
        key: 'compliance.retention',
        what: () => msg('personalDataBasics.howLongKept', 'how long the personal data is kept'),
        cite: 'GDPR Art. 5(1)(e)',
      },
    ]
      .filter((item) => !isPresent(fm(context, item.key)))
      .map((item) =>
        makeFinding(
          this,
          due,
          msg(
            'personalDataBasics.agentProcessesPersonalData',
            'The agent processes personal data but does not state {what}: add {key} ({cite}).',
            { what: item.what(), key: item.key, cite: item.cite },
          ),
          range,
          { subject: { kind: 'front-matter', id: item.key }, sources: [item.cite] },
        ),
      );
  },
};
