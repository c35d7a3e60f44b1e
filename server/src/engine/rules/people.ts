import { msg } from '../l10n';
import { isPlaceholderValue } from '../model/values';

/** Words that name a group, a rotation or a mailbox rather than one person. */
const GROUP =
  /\b(team|teams|squad|ops|devops|sre|group|department|dept|committee|board|crew|desk|office|unit|tribe|guild|chapter|rotation|on-?call|everyone|staff|mailbox|distribution list|alias)\b/i;
/** Phrases that hold a place for a person who has not been named. */
const UNNAMED =
  /^(to be (decided|defined|confirmed|named|appointed|assigned)|unassigned|vacant|pending|someone|anyone|nobody|no one|not yet (named|assigned|decided)|owner|the owner|product owner|new hire)$/i;
const COMMITTEE = /\b(committee|board|steering|council|meeting|consensus|vote|all stakeholders|working group)\b/i;

/**
 * Why a value is not one named person, or undefined when it reads like one. Used for the owner
 * and deputy: accountability rests on a person, and a team alias diffuses it (seed 000, 002).
 */
export function notAPerson(value: string, teamAllowed = false): string | undefined {
  const text = value.trim();
  if (isPlaceholderValue(text) || UNNAMED.test(text))
    return msg('people.placeholderNotName', 'is a placeholder, not a name');
  if (text.includes('@') || /^#/.test(text))
    return msg('people.addressNotName', 'is an address or channel, not a name');
  const group = GROUP.exec(text);
  // A team is a named owner when the policy allows it (seeds 002 and 003 accept "a person or team").
  if (group && teamAllowed) return undefined;
  if (group) return msg('people.groupNotPerson', 'names a group ("{group}"), not a person', { group: group[0] });
  if (/,|;|\s(and|&|\+|or)\s|\//i.test(text)) return msg('people.moreThanOnePerson', 'names more than one person');
  return undefined;
}

/** Why a rollback authority cannot act at once, or undefined when it is a person or role. */
export function notAnAuthority(value: string): string | undefined {
  const text = value.trim();
  if (isPlaceholderValue(text) || UNNAMED.test(text)) return msg('people.placeholder', 'is a placeholder');
  const committee = COMMITTEE.exec(text);
  if (committee)
    return msg('people.committee', 'is a body that meets ("{committee}"), not someone who can act at once', {
      committee: committee[0],
    });
  return undefined;
}
