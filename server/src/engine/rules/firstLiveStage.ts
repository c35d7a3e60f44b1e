import { msg } from '../l10n';
import { formatPercent } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { fm, rowsOf, sectionSeverity } from './support';
import { stagesWithTraffic } from './rolloutStages';

export const firstLiveStage: Rule = {
  code: 'AD332',
  name: 'first-live-stage-too-large',
  description:
    'For a customer-facing agent, the first stage with live traffic follows a shadow stage (0%) or is a canary of at most the policy share (firstLiveCanaryMax, 5% by default).',
  rationale:
    'Skipping shadow mode means discovering real-world failure modes on real customers. Shadow first, or a 1-5% canary with guardrails, catches issues while few people are affected.',
  sources: ['seed:004', 'seed:003'],
  howToFix: 'Add a shadow stage with 0% traffic before the first live stage, or start the live rollout at 5% or less.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'rollout');
    if (!severity || fm(context, 'risk.customer_facing') !== true) return [];
    const stages = stagesWithTraffic(rowsOf(context.model, 'rollout', 'stages'));
    const firstLive = stages.findIndex((stage) => stage.traffic > 0);
    const live = stages[firstLive];
    if (!live || firstLive > 0) return [];
    const max = context.model.schemas.policy.firstLiveCanaryMax;
    if (live.traffic <= max) return [];
    const name = live.row.text('stage') || msg('support.onLine', 'on line {line}', { line: live.row.row.line + 1 });
    return [
      makeFinding(
        this,
        severity,
        msg(
          'firstLiveStage.firstLiveStageSends',
          'The first live stage "{name}" sends {traffic} of real customer traffic with no shadow stage before it: add a shadow stage at 0%, or start with a canary of at most {max}.',
          { name, traffic: formatPercent(live.traffic), max: formatPercent(max) },
        ),
        live.row.cell('traffic')?.range ?? live.row.anchor,
        {
          subject: { kind: 'table', id: `rollout.${name}` },
        },
      ),
    ];
  },
};
