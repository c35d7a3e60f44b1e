import { msg } from '../l10n';
import type { Finding } from '../types';
import { makeFinding, type Rule, type RuleContext } from './rule';
import { fmText, plainId, rowsOf } from './support';

/** Every gate item id a review row may name: gates.json items and the per-section items. */
function knownItems(context: RuleContext): Set<string> {
  const ids = new Set<string>();
  for (const gate of context.model.schemas.gates.gates) for (const item of gate.items) ids.add(item.id);
  for (const section of context.model.schemas.sections.sections) ids.add(`section-${section.id}`);
  return ids;
}

export const readinessUnknownItem: Rule = {
  code: 'AD361',
  name: 'readiness-unknown-item',
  description:
    'Readiness review and waiver rows name gate item ids that exist (gates.json, or section-<id> for a section).',
  rationale:
    'A sign-off or waiver under a misspelt id counts for nothing: the real item stays open while the review looks complete.',
  sources: ['seed:000', 'seed:003'],
  howToFix: 'Use the gate item id exactly as listed in the gate reference (docs/format.md), e.g. integration-tested.',
  defaultSeverity: 'warning',
  check(context) {
    const known = knownItems(context);
    const findings: Finding[] = [];
    for (const table of ['review', 'waivers'] as const) {
      for (const row of rowsOf(context.model, 'readiness', table)) {
        const cell = row.cell('item');
        const id = plainId(row.text('item'));
        if (!cell || id === '' || known.has(id)) continue;
        const close = [...known].find((candidate) => candidate.startsWith(id.slice(0, 4)));
        findings.push(
          makeFinding(
            this,
            'warning',
            msg(
              'readinessItems.notGateItemSo',
              '"{id}" is not a gate item, so this {entry} counts for nothing: use a gate item id{didYouMean}.',
              {
                id,
                entry:
                  table === 'review'
                    ? msg('readinessItems.signOff', 'sign-off')
                    : msg('readinessItems.waiver', 'waiver'),
                didYouMean: close ? msg('readinessItems.didYouMean', ' (did you mean "{close}"?)', { close }) : '',
              },
            ),
            cell.range,
            {
              subject: { kind: 'gate-item', id },
            },
          ),
        );
      }
    }
    return findings;
  },
};

export const waiverNotAllowed: Rule = {
  code: 'AD362',
  name: 'waiver-not-allowed',
  description:
    'No waiver for a gate item marked not waivable, and no waiver at all for an agent in EU AI Act class prohibited.',
  rationale:
    'Some requirements are law, not policy: a prohibited practice (EU AI Act Art. 5) cannot be made acceptable by a waiver, and items marked not waivable in the gates may not be skipped by an approver.',
  sources: ['EU AI Act Art. 5', 'seed:000'],
  howToFix: 'Meet the item instead of waiving it, and remove the waiver row.',
  defaultSeverity: 'error',
  check(context) {
    const prohibited = fmText(context, 'risk.eu_ai_act.class')?.trim().toLowerCase() === 'prohibited';
    const notWaivable = new Set(
      context.model.schemas.gates.gates.flatMap((gate) =>
        gate.items.filter((item) => item.waivable === false).map((item) => item.id),
      ),
    );
    return rowsOf(context.model, 'readiness', 'waivers').flatMap((row) => {
      const cell = row.cell('item');
      const id = plainId(row.text('item'));
      if (!cell || id === '' || (!prohibited && !notWaivable.has(id))) return [];
      const why = prohibited
        ? msg(
            'readinessItems.agentClassedAsProhibited',
            'the agent is classed as a prohibited practice (EU AI Act Art. 5), which no waiver can make acceptable',
          )
        : msg('readinessItems.gateItemMayNot', 'gate item "{id}" may not be waived', { id });
      return [
        makeFinding(
          this,
          'error',
          msg(
            'readinessItems.waiverDoesNotCount',
            'This waiver does not count: {why}. Remove it and meet the requirement.',
            { why },
          ),
          cell.range,
          {
            subject: { kind: 'gate-item', id },
          },
        ),
      ];
    });
  },
};
