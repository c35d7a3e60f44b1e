import { msg } from '../l10n';
import { parseRate } from '../model/values';
import { placeholderIn } from '../model/placeholders';
import type { Finding } from '../types';
import { makeFinding, type Rule } from './rule';
import { isNonValue, rowsOf, sectionSeverity, type RowRef } from './support';

/** Rollout rows with a readable traffic share, in table order. */
export function stagesWithTraffic(rows: RowRef[]): Array<{ row: RowRef; traffic: number }> {
  return rows.flatMap((row) => {
    const traffic = parseRate(row.text('traffic'), true);
    return traffic === undefined ? [] : [{ row, traffic }];
  });
}

function pct(rate: number): string {
  return `${Math.round(rate * 10000) / 100}%`;
}

export const rolloutOrder: Rule = {
  code: 'AD330',
  name: 'rollout-not-increasing',
  description: 'Rollout traffic strictly increases from stage to stage, and the 100% stage is the last.',
  rationale:
    'A staged rollout catches issues at 1% instead of 100%: each stage widens exposure only after the previous one held. A stage that does not add traffic, or a step back, is a plan nobody can follow.',
  sources: ['seed:000', 'seed:004'],
  howToFix:
    'Order the Rollout rows by traffic (for example shadow 0%, 5%, 15%, 40%, 80%, 100%) and merge stages with the same share.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'rollout');
    if (!severity) return [];
    const stages = stagesWithTraffic(rowsOf(context.model, 'rollout', 'stages'));
    const findings: Finding[] = [];
    for (let i = 1; i < stages.length; i++) {
      const previous = stages[i - 1];
      const current = stages[i];
      if (!previous || !current || current.traffic > previous.traffic) continue;
      const cell = current.row.cell('traffic');
      const name =
        current.row.text('stage') || msg('support.onLine', 'on line {line}', { line: current.row.row.line + 1 });
      const message =
        previous.traffic >= 1
          ? msg(
              'rolloutStages.stageComesAfterStage',
              'Stage "{name}" comes after the 100% stage: the rollout ends at 100%; move or remove this stage.',
              { name },
            )
          : msg(
              'rolloutStages.stageTrafficNotMore',
              'Stage "{name}" has {traffic} traffic, not more than the {traffic2} of the stage before: each stage must widen traffic, so raise it above {traffic2} or merge the two stages.',
              { name, traffic: pct(current.traffic), traffic2: pct(previous.traffic) },
            );
      findings.push(
        makeFinding(this, severity, message, cell?.range ?? current.row.anchor, {
          subject: { kind: 'table', id: `rollout.${name}` },
        }),
      );
    }
    return findings;
  },
};

export const rolloutCriteria: Rule = {
  code: 'AD331',
  name: 'rollout-stage-criteria',
  description:
    'Every rollout stage before 100% has a hold time with a duration and exit criteria that say something ("-", "none" and "n/a" do not); the 100% stage needs neither.',
  rationale:
    'Hold each stage long enough to see problems that do not surface immediately (7-14 days of stable data before widening); exit criteria make "long enough" checkable instead of a feeling.',
  sources: ['seed:004', 'seed:000'],
  howToFix:
    'Give each stage a hold such as "7 days" or "2 weeks" and exit criteria in terms of the success metric and failure-mode rate.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'rollout');
    if (!severity) return [];
    return rowsOf(context.model, 'rollout', 'stages').flatMap((row) => {
      const findings: Finding[] = [];
      const name = row.text('stage') || msg('support.onLine', 'on line {line}', { line: row.row.line + 1 });
      // The 100% stage is where the rollout ends: nothing widens after it, so it needs no hold
      // ("-" is the natural answer there) and no criteria to move on.
      if ((parseRate(row.text('traffic'), true) ?? 0) >= 1) return [];
      const hold = row.cell('hold');
      if (hold && hold.text !== '' && !placeholderIn(context.model, hold.text) && !/\d/.test(hold.text)) {
        findings.push(
          makeFinding(
            this,
            severity,
            msg(
              'rolloutStages.stageNoHoldTime',
              'Stage "{name}" has no hold time ("{holdText}"): write how long it is held before widening, e.g. "7 days".',
              { name, holdText: hold.text },
            ),
            hold.range,
            { subject: { kind: 'table', id: `rollout.${name}` } },
          ),
        );
      }
      const exit = row.cell('exit');
      if (exit && exit.text !== '' && !placeholderIn(context.model, exit.text) && isNonValue(exit.text)) {
        findings.push(
          makeFinding(
            this,
            severity,
            msg(
              'rolloutStages.stageNoExitCriteria',
              'Stage "{name}" has no exit criteria ("{exitText}"): say what must hold to move on, e.g. the success metric at target and no critical alert.',
              { name, exitText: exit.text },
            ),
            exit.range,
            { subject: { kind: 'table', id: `rollout.${name}` } },
          ),
        );
      }
      return findings;
    });
  },
};
