import { msg } from '../l10n';
import { parseIsoDate } from '../model/values';
import type { Obligation, SchemaSet } from '../schemaData/types';
import type { Level } from '../types';

const MONTHS = [
  () => msg('calendar.january', 'January'),
  () => msg('calendar.february', 'February'),
  () => msg('calendar.march', 'March'),
  () => msg('calendar.april', 'April'),
  () => msg('calendar.may', 'May'),
  () => msg('calendar.june', 'June'),
  () => msg('calendar.july', 'July'),
  () => msg('calendar.august', 'August'),
  () => msg('calendar.september', 'September'),
  () => msg('calendar.october', 'October'),
  () => msg('calendar.november', 'November'),
  () => msg('calendar.december', 'December'),
];

/** "2027-12-02" → "2 December 2027", as the Official Journal writes dates. */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return msg('calendar.longDate', '{day} {month} {year}', {
    day: Number(match[3]),
    month: MONTHS[Number(match[2]) - 1]?.() ?? match[2],
    year: match[1],
  });
}

export interface ObligationTiming {
  obligation: Obligation;
  /** Whether the obligation applies on the day of the check. */
  applies: boolean;
  /** "from 2 December 2027" */
  from: string;
}

/** When an obligation of schemas/regulations.json (or the workspace's override) applies, as of today. */
export function obligationTiming(schemas: SchemaSet, id: string, today: number): ObligationTiming | undefined {
  const obligation = schemas.regulations.obligations.find((candidate) => candidate.id === id);
  if (!obligation) return undefined;
  const day = parseIsoDate(obligation.appliesFrom);
  return {
    obligation,
    applies: day === undefined || day <= today,
    from: `from ${longDate(obligation.appliesFrom)}`,
  };
}

/**
 * A duty from the calendar: once it applies, its finding follows the stage like any other; before
 * that, it is information that blocks nothing (the law does not ask for it yet), and says from when.
 */
export function calendarLevel(timing: ObligationTiming | undefined, due: Level): Level {
  if (!timing || timing.applies) return due;
  return 'information';
}

/** The sentence a finding adds about the date: "" once the duty applies. */
export function notYet(timing: ObligationTiming | undefined): string {
  if (!timing || timing.applies) return '';
  const date = longDate(timing.obligation.appliesFrom);
  return timing.obligation.status === 'political-agreement'
    ? msg(
        'calendar.requiredFromAgreed',
        ' Required from {date} (a date agreed politically, not yet checked against the Official Journal).',
        { date },
      )
    : msg('calendar.requiredFrom', ' Required from {date}.', { date });
}

/** The calendar's sources for a finding: the obligation's date source after the rule's own. */
export function withDateSources(sources: readonly string[], timing: ObligationTiming | undefined): string[] {
  return [...new Set([...sources, ...(timing?.obligation.sources ?? [])])];
}
