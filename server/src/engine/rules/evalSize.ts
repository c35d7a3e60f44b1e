import { msg } from '../l10n';
import { tablesOf } from '../model/documentModel';
import { formatNumber } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { severityFrom } from './support';

export const evalSize: Rule = {
  code: 'AD341',
  name: 'eval-set-too-small',
  description:
    'From the policy stage (evalMinimumFromStage, canary by default) the eval set has at least evalMinimumCases cases (100 by default).',
  rationale:
    'Curate 100-300 representative tasks from real data: with fewer, one case is a percentage point and the quality bar cannot tell a regression from noise. If you cannot say what "correct" is for that many examples, the problem is not understood well enough to ship.',
  sources: ['seed:004'],
  howToFix:
    'Add cases from real historical data to the eval set until it reaches the minimum, spread over the four slices.',
  defaultSeverity: 'stage',
  check(context) {
    const policy = context.model.schemas.policy;
    const severity = severityFrom(context, policy.evalMinimumFromStage);
    const table = tablesOf(context.model, 'evaluation', 'evalset')[0];
    const total = context.facts.get('eval.cases');
    // No cases at all is gate item eval-set's finding.
    if (!severity || !table || typeof total !== 'number' || total < 1 || total >= policy.evalMinimumCases) return [];
    const cell = table.table.header.cells[table.columns.get('cases') ?? 0];
    const stage = context.ladder.get(policy.evalMinimumFromStage)?.title.toLowerCase() ?? policy.evalMinimumFromStage;
    return [
      makeFinding(
        this,
        severity,
        msg(
          'evalSize.evalSetCasesBelow',
          'The eval set has {total} cases, below the minimum of {evalMinimumCases} from the {stage} stage on: add {value} or more cases from real data.',
          {
            total: formatNumber(total),
            evalMinimumCases: formatNumber(policy.evalMinimumCases),
            stage,
            value: formatNumber(policy.evalMinimumCases - total),
          },
        ),
        cell?.range ??
          table.table.header.cells[0]?.range ??
          context.model.index.trimmedLineRange(table.table.startLine),
        {
          subject: { kind: 'table', id: 'evaluation.evalset' },
        },
      ),
    ];
  },
};
