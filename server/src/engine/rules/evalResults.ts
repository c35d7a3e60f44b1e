import { msg } from '../l10n';
import { tablesOf } from '../model/documentModel';
import { placeholderIn } from '../model/placeholders';
import type { Finding } from '../types';
import { makeFinding, type Rule } from './rule';
import { firstPercent, isNonValue, rowsOf, sectionSeverity, severityFrom } from './support';

/** A bar that is a ceiling ("≤ 2% errors") is met from below. */
const CEILING = /(≤|<=|<|\bat most\b|\bmax(imum)?\b|\bbelow\b|\bunder\b|\bno more than\b)/i;

export const evalResults: Rule = {
  code: 'AD342',
  name: 'eval-result-below-bar',
  description:
    'Every eval slice records its latest result (from evalMinimumFromStage on), and where bar and result are both percentages the result meets the bar.',
  rationale:
    'A quality bar with no recorded result is an intention; a result below the bar is a release blocker that the readiness review must see. Every prompt, model and integration change runs against the eval set.',
  sources: ['seed:004', 'seed:003', 'EU AI Act Art. 9(8)'],
  howToFix:
    'Record the latest run in the Latest result column (value and date); if it is below the bar, fix the agent or record a justified, dated exception in the Readiness review.',
  defaultSeverity: 'stage',
  check(context) {
    const table = tablesOf(context.model, 'evaluation', 'evalset')[0];
    if (!table) return [];
    const resultSeverity = severityFrom(context, context.model.schemas.policy.evalMinimumFromStage);
    const barSeverity = sectionSeverity(context, 'evaluation');
    const rows = rowsOf(context.model, 'evaluation', 'evalset');
    if (!table.columns.has('latest')) {
      if (!resultSeverity || rows.length === 0) return [];
      const header = table.table.header.cells;
      const range = {
        start: header[0]?.range.start ?? { line: table.table.startLine, character: 0 },
        end: header[header.length - 1]?.range.end ?? { line: table.table.startLine, character: 0 },
      };
      return [
        makeFinding(
          this,
          resultSeverity,
          msg(
            'evalResults.evalTableNoLatest',
            'The eval table has no "Latest result" column: add it and record each slice\'s latest result against its quality bar.',
          ),
          range,
          { subject: { kind: 'table', id: 'evaluation.evalset' } },
        ),
      ];
    }
    return rows.flatMap((row): Finding[] => {
      const slice = row.text('slice') || msg('support.onLine', 'on line {line}', { line: row.row.line + 1 });
      const subject = { kind: 'table' as const, id: `evaluation.${slice}` };
      const latest = row.cell('latest');
      if (!latest || placeholderIn(context.model, latest.text)) return [];
      if (latest.text === '' || isNonValue(latest.text)) {
        return resultSeverity
          ? [
              makeFinding(
                this,
                resultSeverity,
                msg(
                  'evalResults.sliceNoLatestResult',
                  'Slice "{slice}" has no latest result: run the eval set and record the result and its date.',
                  { slice },
                ),
                latest.range,
                { subject },
              ),
            ]
          : [];
      }
      const bar = firstPercent(row.text('bar'));
      const result = firstPercent(latest.text);
      if (!barSeverity || bar === undefined || result === undefined) return [];
      const ceiling = CEILING.test(row.text('bar'));
      if (ceiling ? result <= bar : result >= bar) return [];
      return [
        makeFinding(
          this,
          barSeverity,
          msg(
            'evalResults.sliceBelowItsQuality',
            'Slice "{slice}" is below its quality bar: latest result {result}% against a bar of {bound} {bar}%. Fix the agent and re-run the eval set before the next stage.',
            {
              slice,
              result,
              bound: ceiling ? msg('evalResults.atMost', 'at most') : msg('evalResults.atLeast', 'at least'),
              bar,
            },
          ),
          latest.range,
          { subject },
        ),
      ];
    });
  },
};
