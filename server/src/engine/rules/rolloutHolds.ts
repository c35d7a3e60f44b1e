import { msg } from '../l10n';
import { parseRate } from '../model/values';
import { placeholderIn } from '../model/placeholders';
import type { Finding } from '../types';
import { makeFinding, type Rule } from './rule';
import { rowsOf, sectionSeverity, type RowRef } from './support';

/** The shortest duration a hold names, in days: "2-4 weeks" is 14, "48 hours" is 2; undefined when none. */
export function holdDays(text: string): number | undefined {
  const match =
    /(\d+(?:[.,]\d+)?)\s*(?:(?:-|–|to)\s*\d+(?:[.,]\d+)?\s*)?(hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mo)\b/i.exec(
      text,
    );
  if (!match) return undefined;
  const amount = Number(match[1]!.replace(',', '.'));
  const unit = match[2]!.toLowerCase();
  if (unit.startsWith('h')) return amount / 24;
  if (unit.startsWith('w')) return amount * 7;
  if (unit.startsWith('mo')) return amount * 30;
  return amount;
}

function days(value: number): string {
  return value === 1 ? '1 day' : `${Math.round(value * 10) / 10} days`;
}

/**
 * Hold times by tier (tiers.json rollout): a high-risk agent stays in shadow for weeks and holds each
 * canary stage for 14 days; a low-risk internal tool may compress the stages to days (seed 004).
 */
export const rolloutHolds: Rule = {
  code: 'AD473',
  name: 'rollout-hold-below-tier',
  description:
    "Rollout stages are held at least as long as the agent's tier asks (tiers.json rollout: shadow days, days per canary stage), and a tier that requires shadow starts with one.",
  rationale:
    'Shadow mode on real traffic is the cheapest insurance in a rollout, and each canary stage needs 7-14 days of stable data before traffic widens. How long depends on the risk: low-risk internal tools can compress the stages to days, high-stakes or regulated workflows take longer.',
  howToFix:
    'Lengthen the hold in the Rollout table to the minimum the message gives, or add a shadow stage first; if the tier is wrong, correct the risk facts.',
  sources: ['seed:004', 'seed:002'],
  frameworks: ['NIST AI RMF MANAGE 1.1', 'ISO/IEC 42001 A.6.2.5'],
  defaultSeverity: 'stage',
  check(context) {
    const tier = context.facts.tier;
    const policy = tier?.rollout;
    const severity = sectionSeverity(context, 'rollout');
    if (!tier || !policy || !severity) return [];
    const rows = rowsOf(context.model, 'rollout', 'stages');
    if (rows.length === 0) return [];
    const findings: Finding[] = [];
    const shadows = rows.filter(isShadow);
    if (policy.shadowRequired && shadows.length === 0) {
      const first = rows[0]!;
      findings.push(
        makeFinding(
          this,
          severity,
          msg(
            'rolloutHolds.agentStartsItsRollout',
            'A {tierId} agent ({tierTitle}) starts its rollout in shadow: add a shadow stage (0% traffic) of at least {minimum} before "{stage}".',
            {
              tierId: tier.id,
              tierTitle: tier.title.toLowerCase(),
              minimum: days(policy.shadowMinimumDays ?? 0),
              stage: first.text('stage') || msg('rolloutHolds.theFirstStage', 'the first stage'),
            },
          ),
          first.anchor,
          { subject: { kind: 'table', id: 'rollout.stages' } },
        ),
      );
    }
    for (const row of rows) {
      const minimum = isShadow(row)
        ? policy.shadowMinimumDays
        : isCanary(row)
          ? policy.canaryHoldMinimumDays
          : undefined;
      const cell = row.cell('hold');
      if (!minimum || !cell || placeholderIn(context.model, cell.text)) continue;
      const held = holdDays(cell.text);
      if (held === undefined || held >= minimum) continue;
      const name = row.text('stage') || `on line ${row.row.line + 1}`;
      findings.push(
        makeFinding(
          this,
          severity,
          isShadow(row)
            ? msg(
                'rolloutHolds.shadowHeld',
                'Stage "{name}" is held {held} ("{cellText}"); a {tierId} agent holds shadow at least {minimum}: lengthen the hold.',
                { name, held: days(held), cellText: cell.text, tierId: tier.id, minimum: days(minimum) },
              )
            : msg(
                'rolloutHolds.canaryHeld',
                'Stage "{name}" is held {held} ("{cellText}"); a {tierId} agent holds each canary stage at least {minimum}: lengthen the hold.',
                { name, held: days(held), cellText: cell.text, tierId: tier.id, minimum: days(minimum) },
              ),
          cell.range,
          { subject: { kind: 'table', id: `rollout.${name}` } },
        ),
      );
    }
    return findings;
  },
};

function isShadow(row: RowRef): boolean {
  return /\bshadow\b/i.test(row.text('stage')) || parseRate(row.text('traffic'), true) === 0;
}

function isCanary(row: RowRef): boolean {
  const traffic = parseRate(row.text('traffic'), true);
  return traffic !== undefined && traffic > 0 && traffic < 1;
}
