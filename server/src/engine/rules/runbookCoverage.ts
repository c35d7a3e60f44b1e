import { msg } from '../l10n';
import { hasWrittenContent } from '../model/sectionStatus';
import { makeFinding, type Rule } from './rule';
import { appendToSection, firstSection, joinList, sectionSeverity } from './support';

/** The runbook entries seed 000 and 003 expect, recognised by words in the entry's anchor. */
/** The entry's name in lower case in the message's language (the inserted ### heading stays as written above). */
function entryTitle(title: string): string {
  switch (title) {
    case 'Restart':
      return msg('runbookCoverage.entryRestart', 'restart');
    case 'Rollback':
      return msg('runbookCoverage.entryRollback', 'rollback');
    case 'Prompt update':
      return msg('runbookCoverage.entryPromptUpdate', 'prompt update');
    case 'Add eval cases':
      return msg('runbookCoverage.entryAddEvalCases', 'add eval cases');
    case 'Incident response':
      return msg('runbookCoverage.entryIncidentResponse', 'incident response');
    case 'Troubleshooting':
      return msg('runbookCoverage.entryTroubleshooting', 'troubleshooting');
    case 'Change management':
      return msg('runbookCoverage.entryChangeManagement', 'change management');
    default:
      return title;
  }
}

export const RUNBOOK_ENTRIES = [
  { title: 'Restart', pattern: /restart|reboot|recover/ },
  { title: 'Rollback', pattern: /roll-?back|revert/ },
  { title: 'Prompt update', pattern: /prompt/ },
  { title: 'Add eval cases', pattern: /eval/ },
  { title: 'Incident response', pattern: /incident/ },
  { title: 'Troubleshooting', pattern: /troubleshoot|debug|diagnos/ },
  { title: 'Change management', pattern: /change/ },
] as const;

export const runbookCoverage: Rule = {
  code: 'AD370',
  name: 'runbook-incomplete',
  description:
    'The Runbook has entries (### headings) for restart, rollback, prompt update, adding eval cases, incident response, troubleshooting and change management.',
  rationale:
    "The runbook replaces the builder's tacit knowledge. The person on call at 2 AM needs each of these procedures written down; the ones nobody wrote are the ones improvised during incidents.",
  sources: ['seed:000', 'seed:003'],
  howToFix:
    'Add a ### entry with numbered steps for each missing procedure (the quick fix inserts the headings at the end of the Runbook).',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'runbook');
    const section = firstSection(context.model, 'runbook');
    // A missing, empty or template Runbook is AD100/AD101/AD102's finding; one with entries
    // written and TODO left in others still lacks the entries it lacks.
    if (!severity || !section || !hasWrittenContent(context.model, section)) return [];
    const slugs = context.facts.runbookEntries();
    const incidentGated = context.readiness.items.some(
      (item) => item.item.id === 'incident-runbook-validated' && item.status === 'missing',
    );
    const missing = RUNBOOK_ENTRIES.filter((entry) => !slugs.some((slug) => entry.pattern.test(slug)))
      // Gate item incident-runbook-validated already asks for the incident entry when it is open.
      .filter((entry) => !(incidentGated && entry.title === 'Incident response'));
    if (missing.length === 0) return [];
    const level = '#'.repeat(context.model.sectionLevel + 1);
    const lines = missing.flatMap((entry, index) => [
      ...(index ? [''] : []),
      `${level} ${entry.title}`,
      '',
      '1. TODO: the steps the person on call follows.',
    ]);
    return [
      makeFinding(
        this,
        severity,
        missing.length > 1
          ? msg(
              'runbookCoverage.runbookNoEntriesAdd',
              'The Runbook has no entry for {entries}: add them as ### subsections with numbered steps.',
              { entries: joinList(missing.map((entry) => entryTitle(entry.title))) },
            )
          : msg(
              'runbookCoverage.runbookNoEntryAdd',
              'The Runbook has no entry for {entries}: add it as ### subsections with numbered steps.',
              { entries: joinList(missing.map((entry) => entryTitle(entry.title))) },
            ),
        section.heading.range,
        {
          subject: { kind: 'section', id: 'runbook' },
          fixes: [
            {
              title:
                missing.length > 1
                  ? msg('runbookCoverage.addMissingRunbookEntries', 'Add the missing runbook entries')
                  : msg('runbookCoverage.addMissingRunbookEntry', 'Add the missing runbook entry'),
              insertions: [appendToSection(context.model, section, lines)],
              safe: true,
            },
          ],
        },
      ),
    ];
  },
};
