import { msg } from '../l10n';
import { parseIsoDate } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { fmRange, fmText, gateStage, severityFrom } from './support';
import { isoDay } from './signoffDates';
import { reviewTiming } from '../evaluation/registry';

export const reviewCadence: Rule = {
  code: 'AD363',
  name: 'review-overdue',
  description:
    'review.last is not in the future and lies within review.cadence (policy reviewCadenceDays plus reviewGraceDays).',
  rationale:
    'An agent that is not reviewed decays: weekly reviews at first, then monthly and quarterly, keep accuracy, cost and compliance evidence current. A last-review date older than the cadence means the review stopped.',
  sources: ['seed:000', 'seed:002', 'seed:003'],
  howToFix: 'Hold the review and update review.last to its date; if the cadence is wrong, change review.cadence.',
  defaultSeverity: 'stage',
  check(context) {
    const gated = severityFrom(context, gateStage(context, 'review-cadence') ?? 'production');
    // A live agent (real traffic reaching people: canary on) whose reviews stopped is already in
    // breach of its own cadence: an error at its stage, not a warning because the gate comes later.
    const canary = context.ladder.get('canary');
    const live = !context.stage.terminal && canary !== undefined && context.stage.order >= canary.order;
    const overdueSeverity = live && gated ? { severity: 'error' as const, stage: context.stage.id } : gated;
    const severity = gated;
    const lastText = fmText(context, 'review.last');
    const last = lastText === undefined ? undefined : parseIsoDate(lastText);
    if (!severity || last === undefined) return [];
    const subject = { kind: 'front-matter' as const, id: 'review.last' };
    if (last > context.today) {
      return [
        makeFinding(
          this,
          severity,
          msg(
            'reviewCadence.reviewLastAfterToday',
            'review.last is {lastText}, after today ({today}): record the date of the last review that took place.',
            { lastText, today: isoDay(context.today) },
          ),
          fmRange(context.model, 'review.last'),
          { subject },
        ),
      ];
    }
    // One computation of when the review is due, shared with the registry facts the portfolio shows.
    const timing = reviewTiming(context.facts.frontMatter, context.model.schemas.policy, context.today);
    const { cadence, cadenceDays: days, due } = timing;
    if (!timing.overdue || days === undefined || due === undefined || !overdueSeverity) return [];
    const policy = context.model.schemas.policy;
    return [
      makeFinding(
        this,
        overdueSeverity,
        msg(
          'reviewCadence.lastReviewWasDays',
          "The last {cadence} review was on {lastText}, {ago} days ago; with a {cadence} cadence ({days} days plus {reviewGraceDays} days' grace) the next was due by {due}: hold the review and update review.last.",
          { cadence, lastText, ago: context.today - last, days, reviewGraceDays: policy.reviewGraceDays, due },
        ),
        fmRange(context.model, 'review.last'),
        { subject },
      ),
    ];
  },
};
