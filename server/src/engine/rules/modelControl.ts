import { msg } from '../l10n';
import { tablesOf } from '../model/documentModel';
import { parseIsoDate } from '../model/values';
import type { Range } from '../types';
import { makeFinding, type Rule, type RuleContext } from './rule';
import { atLeastWarning, fmRange, fmText, plainId, rowsOf, sectionSeverity, severityFrom } from './support';

/** "gpt-4o-latest", "model:latest", "claude-3-5-sonnet@latest": a name that says it moves. */
const LATEST = /(^|[-:@/])latest$/i;

function dayText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export const modelAlias: Rule = {
  code: 'AD410',
  name: 'model-alias',
  description:
    'From modelAliasFromStage (canary) on, model.name and model.fallback are dated snapshots, not moving aliases (model.pinning / model.fallback_pinning: alias, or a name ending in "latest").',
  rationale:
    'An alias is repointed by the provider to a new snapshot without a release of yours: behaviour changes under a signed-off evaluation. Pinning a dated snapshot makes a model change a change you make, test against the eval set and roll out.',
  sources: ['OWASP LLM03', 'seed:004', 'seed:003', 'EU AI Act Art. 15'],
  howToFix:
    'Name the dated snapshot the provider offers (e.g. gpt-4.1-2025-04-14) in model.name and set model.pinning: snapshot; move to a new snapshot through change management and the eval set.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = severityFrom(context, context.model.schemas.policy.modelAliasFromStage ?? 'canary');
    if (!severity) return [];
    return (
      [
        ['name', 'pinning', () => msg('modelControl.model', 'Model')],
        ['fallback', 'fallback_pinning', () => msg('modelControl.fallbackModel', 'Fallback model')],
      ] as const
    ).flatMap(([key, pinningKey, labelText]) => {
      const label = labelText();
      const name = fmText(context, `model.${key}`);
      const pinning = fmText(context, `model.${pinningKey}`);
      if (!name || (pinning !== 'alias' && !(pinning === undefined && LATEST.test(name.trim())))) return [];
      return [
        makeFinding(
          this,
          severity,
          msg(
            'modelControl.movingAliasProviderCan',
            '{label} "{name}" is a moving alias: the provider can change it under you. Pin a dated snapshot and set model.{pinningKey}: snapshot.',
            { label, name, pinningKey },
          ),
          fmRange(context.model, `model.${pinning === 'alias' ? pinningKey : key}`),
          { subject: { kind: 'front-matter', id: `model.${key}` } },
        ),
      ];
    });
  },
};

export const modelRetirement: Rule = {
  code: 'AD411',
  name: 'model-retiring',
  description:
    "The provider's retirement date (model.retires_on) is not past, not within modelRetirementNoticeDays (90) and not before the next review (review.last + cadence).",
  rationale:
    'A retired model stops answering or is silently swapped. Moving to another model needs the eval set, a staged rollout and sign-off, which take weeks: the date has to be seen while there is time, at the latest at the review before it.',
  sources: ['seed:004', 'seed:002', 'OWASP LLM03'],
  howToFix:
    'Plan the move to a successor snapshot now: run the eval set against it, roll it out in stages, then update model.name and model.retires_on.',
  defaultSeverity: 'stage',
  check(context) {
    const written = fmText(context, 'model.retires_on');
    const retires = written ? parseIsoDate(written) : undefined;
    if (retires === undefined) return [];
    const range = fmRange(context.model, 'model.retires_on');
    const name = fmText(context, 'model.name') ?? 'the model';
    if (retires <= context.today) {
      return [
        makeFinding(
          this,
          atLeastWarning(severityFrom(context, 'shadow')),
          msg(
            'modelControl.wasRetiredByIts',
            '{name} was retired by its provider on {written}: move to a supported model (eval set, staged rollout) and update model.name.',
            { name, written },
          ),
          range,
        ),
      ];
    }
    const policy = context.model.schemas.policy;
    const notice = policy.modelRetirementNoticeDays ?? 90;
    const cadence = fmText(context, 'review.cadence') as keyof typeof policy.reviewCadenceDays | undefined;
    const last = parseIsoDate(fmText(context, 'review.last') ?? '');
    const nextReview =
      last !== undefined && cadence && policy.reviewCadenceDays[cadence]
        ? last + policy.reviewCadenceDays[cadence]
        : undefined;
    const days = retires - context.today;
    const beforeReview = nextReview !== undefined && retires <= nextReview;
    if (days > notice && !beforeReview) return [];
    const why = beforeReview
      ? msg('modelControl.beforeNextReviewDue', 'before the next review (due {nextReview})', {
          nextReview: dayText(nextReview),
        })
      : days === 1
        ? msg('modelControl.oneDayWithinNotice', 'in {days} day, within the {notice}-day notice period', {
            days,
            notice,
          })
        : msg('modelControl.daysWithinNotice', 'in {days} days, within the {notice}-day notice period', {
            days,
            notice,
          });
    return [
      makeFinding(
        this,
        'warning',
        msg(
          'modelControl.retiresStartMoveSuccessor',
          '{name} retires on {written}, {why}: start the move to a successor now (eval set, staged rollout).',
          { name, written, why },
        ),
        range,
      ),
    ];
  },
};

/** The newest YYYY-MM-DD date in a text, as a day number. */
function newestDate(text: string): number | undefined {
  let newest: number | undefined;
  for (const match of text.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) {
    const day = parseIsoDate(match[0]);
    if (day !== undefined && (newest === undefined || day > newest)) newest = day;
  }
  return newest;
}

interface Change {
  day: number;
  what: string;
  range: Range;
}

/** The latest model or prompt change: front-matter dates and the Prompt section's change log. */
function latestChange(context: RuleContext): Change | undefined {
  const changes: Change[] = [];
  for (const [key, what] of [
    ['changed_on', () => msg('modelControl.modelChanged', 'the model changed')],
    ['prompt_changed_on', () => msg('modelControl.promptChanged', 'the prompt changed')],
  ] as const) {
    const day = parseIsoDate(fmText(context, `model.${key}`) ?? '');
    if (day !== undefined)
      changes.push({ day, what: `${what()} (model.${key})`, range: fmRange(context.model, `model.${key}`) });
  }
  for (const row of rowsOf(context.model, 'prompt', 'changes')) {
    const kind = plainId(row.text('kind'));
    if (kind !== '' && kind !== 'model' && kind !== 'prompt') continue;
    const day = parseIsoDate(row.text('date'));
    const cell = row.cell('date');
    if (day !== undefined && cell)
      changes.push({
        day,
        what: msg('modelControl.changeLogEntry', '"{change}" (change log)', {
          change: row.text('change') || msg('modelControl.aChange', 'a change'),
        }),
        range: cell.range,
      });
  }
  return changes.sort((a, b) => b.day - a.day)[0];
}

export const evalAfterChange: Rule = {
  code: 'AD412',
  name: 'eval-older-than-change',
  description:
    "The latest eval run (the newest date in the eval table's Latest result column) is not older than the last model or prompt change (model.changed_on, model.prompt_changed_on, the Prompt section's Change log).",
  rationale:
    'The eval set is the ground truth every prompt and model change runs against before deployment. A result older than the change describes an agent that no longer runs: the regression eval must follow every change.',
  sources: ['seed:004', 'seed:003', 'EU AI Act Art. 9(8)', 'OWASP LLM03'],
  howToFix: 'Run the eval set on the changed agent and record the result with its date in the Latest result column.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'evaluation');
    if (!severity || tablesOf(context.model, 'evaluation', 'evalset').length === 0) return [];
    let latestEval: number | undefined;
    for (const row of rowsOf(context.model, 'evaluation', 'evalset')) {
      const day = newestDate(row.text('latest'));
      if (day !== undefined && (latestEval === undefined || day > latestEval)) latestEval = day;
    }
    const change = latestChange(context);
    if (latestEval === undefined || !change || change.day <= latestEval) return [];
    return [
      makeFinding(
        this,
        severity,
        msg(
          'modelControl.butLatestEvalRun',
          'On {day} {what}, but the latest eval run is from {latestEval}: re-run the eval set on the changed agent and record the result.',
          { day: dayText(change.day), what: change.what, latestEval: dayText(latestEval) },
        ),
        change.range,
      ),
    ];
  },
};
