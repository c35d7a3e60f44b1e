import { msg } from '../l10n';
import { parseIsoDate } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { fmRange, fmText } from './support';
import { isoDay } from './signoffDates';

export const ownerSince: Rule = {
  code: 'AD364',
  name: 'owner-since-in-future',
  description: 'owner.since is not in the future.',
  rationale:
    'An owner who takes over next month is not the owner today: until then the agent is owned by nobody, which is the gap the hand-off exists to close.',
  sources: ['seed:000', 'seed:002'],
  howToFix: 'Record the date the owner actually took over; until then, name the person who owns the agent today.',
  defaultSeverity: 'warning',
  check(context) {
    const text = fmText(context, 'owner.since');
    const day = text === undefined ? undefined : parseIsoDate(text);
    if (day === undefined || day <= context.today) return [];
    return [
      makeFinding(
        this,
        'warning',
        msg(
          'ownerSince.ownerSinceAfterToday',
          "owner.since is {text}, after today ({today}): until then the agent has no owner. Name today's owner, or record the date the hand-over happened.",
          { text, today: isoDay(context.today) },
        ),
        fmRange(context.model, 'owner.since'),
        {
          subject: { kind: 'front-matter', id: 'owner.since' },
        },
      ),
    ];
  },
};
