import { msg } from '../l10n';
import { placeholderIn } from '../model/placeholders';
import { makeFinding, type Rule } from './rule';
import { isNonValue, rowsOf, sectionSeverity } from './support';

/** Criteria that restate the mode instead of saying when it applies. */
const VAGUE =
  /^(always|never|as needed|as appropriate|case by case|judgement|judgment|depends|when needed|if needed|sometimes|ad hoc)\.?$/i;

export const decisionCriteria: Rule = {
  code: 'AD322',
  name: 'decision-criteria-vague',
  description:
    'Every decision\'s Criteria say when the agent decides and when it hands over, not "-", "n/a", "case by case" or "as needed".',
  rationale:
    'The classification autonomous / agent-with-review / human-only is only as good as its criteria: a reviewer must be able to apply them to a case and get the same answer as the agent.',
  sources: ['seed:001'],
  howToFix:
    'Write criteria a reviewer can apply: thresholds (confidence, amount), case types, and who decides for human-only decisions.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'decisions');
    if (!severity) return [];
    return rowsOf(context.model, 'decisions', 'decisions').flatMap((row) => {
      const cell = row.cell('criteria');
      // Empty cells are AD112's and template text AD102's.
      if (!cell || cell.text === '' || placeholderIn(context.model, cell.text)) return [];
      if (!isNonValue(cell.text) && !VAGUE.test(cell.text.trim())) return [];
      const decision =
        row.text('decision').replace(/`/g, '') || msg('support.onLine', 'on line {line}', { line: row.row.line + 1 });
      return [
        makeFinding(
          this,
          severity,
          msg(
            'decisionCriteria.decisionNoUsableCriteria',
            'Decision "{decision}" has no usable criteria ("{cellText}"): say when the agent decides, when it hands over, and for human-only decisions who decides.',
            { decision, cellText: cell.text },
          ),
          cell.range,
          {
            subject: { kind: 'table', id: `decisions.${decision}` },
          },
        ),
      ];
    });
  },
};
