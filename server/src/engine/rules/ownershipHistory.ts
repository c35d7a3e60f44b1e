import { msg } from '../l10n';
import type { FormerOwner } from '../evaluation/registry';
import { parseIsoDate } from '../model/values';
import type { Finding } from '../types';
import { makeFinding, type Rule, type RuleInfo } from './rule';
import { atLeastWarning, fmRange, fmText, gateStage, registryOf, severityFrom } from './support';
import { isoDay } from './signoffDates';

export const ownershipGap: RuleInfo = {
  code: 'AD435',
  name: 'ownership-gap',
  description:
    'Ownership runs without a gap: each owner takes over (owner_history[].from, or owner.since for the current owner) no later than the day after the previous owner left (owner_history[].to).',
  rationale:
    'No orphan agents: when an owner leaves or the team is restructured, ownership is reassigned, not silently dropped. Days between one owner leaving and the next taking over are days when alerts, escalations and changes had nobody accountable.',
  sources: ['seed:002', 'seed:000'],
  howToFix:
    'Record who owned the agent in the gap (an owner_history entry), or correct the dates if the hand-over was in fact seamless.',
  defaultSeverity: 'stage',
};

export const ownershipHistory: Rule = {
  code: 'AD434',
  name: 'owner-change-unrecorded',
  description:
    'Every former owner in owner_history has a hand-over record (owner_history[].handover: a link or workspace path), so the change of owner is explicit.',
  rationale:
    'An owner change is the moment an agent is most likely to become an orphan: the new owner inherits alerts, escalations, open changes and commitments they never saw. A hand-over record (what was handed over, to whom, on which day) makes the reassignment explicit instead of a name silently swapped in the front matter.',
  sources: ['seed:002', 'seed:000'],
  howToFix:
    'Write the hand-over record (open issues, alerts, pending changes, who was told) and link it from owner_history[].handover.',
  defaultSeverity: 'stage',
  alsoReports: [ownershipGap],
  check(context) {
    const registry = registryOf(context);
    if (registry.ownerHistory.length === 0) return [];
    // Never below a warning: an undocumented change of owner matters at any stage; from the
    // hand-over gate's stage on it blocks.
    const level = atLeastWarning(severityFrom(context, gateStage(context, 'handover') ?? 'production'));
    const owner = fmText(context, 'owner.name') ?? msg('ownershipHistory.currentOwner', 'the current owner');
    const findings: Finding[] = [];
    const history = registry.ownerHistory;
    history.forEach((former, position) => {
      if (former.handover !== undefined) return;
      const successor = history[position + 1]?.name ?? owner;
      findings.push(
        makeFinding(
          this,
          level,
          msg(
            'ownershipHistory.changeOwnerFromNo',
            'The change of owner from {formerName} to {successor}{on} has no hand-over record: link it under owner_history[{index}].handover.',
            { formerName: former.name, successor, on: former.to ? ` (${former.to})` : '', index: former.index },
          ),
          fmRange(context.model, ['owner_history', former.index, 'name']),
          { subject: { kind: 'front-matter', id: 'owner_history' } },
        ),
      );
    });
    // Each owner's start, in order: the next former owner's from, or owner.since for today's owner.
    const sorted = [...history].sort((a, b) => day(a.to) - day(b.to));
    sorted.forEach((former, position) => {
      const left = former.to === undefined ? undefined : parseIsoDate(former.to);
      const next: FormerOwner | undefined = sorted[position + 1];
      const startText = next ? next.from : registry.ownerSince;
      const start = startText === undefined ? undefined : parseIsoDate(startText);
      if (left === undefined || start === undefined || start <= left + 1) return;
      const gap = start - left - 1;
      const range = next
        ? fmRange(context.model, ['owner_history', next.index, 'from'])
        : fmRange(context.model, 'owner.since');
      findings.push(
        makeFinding(
          ownershipGap,
          level,
          gap === 1
            ? msg(
                'ownershipHistory.nobodyOwnedAgentOneDay',
                'Nobody owned the agent for {gap} day: {formerName} left on {to}, and {successor} took over on {startText} (from {first} to {last}). Record who owned it in between, or correct the dates.',
                {
                  gap,
                  formerName: former.name,
                  to: former.to,
                  successor: next?.name ?? owner,
                  startText,
                  first: isoDay(left + 1),
                  last: isoDay(start - 1),
                },
              )
            : msg(
                'ownershipHistory.nobodyOwnedAgentDays',
                'Nobody owned the agent for {gap} days: {formerName} left on {to}, and {successor} took over on {startText} (from {first} to {last}). Record who owned it in between, or correct the dates.',
                {
                  gap,
                  formerName: former.name,
                  to: former.to,
                  successor: next?.name ?? owner,
                  startText,
                  first: isoDay(left + 1),
                  last: isoDay(start - 1),
                },
              ),
          range,
          { subject: { kind: 'front-matter', id: 'owner_history' } },
        ),
      );
    });
    return findings;
  },
};

function day(text: string | undefined): number {
  return (text === undefined ? undefined : parseIsoDate(text)) ?? Number.MAX_SAFE_INTEGER;
}
