import { msg } from '../l10n';
import { slugify } from '../model/blocks';
import { placeholderIn } from '../model/placeholders';
import type { FixSuggestion } from '../types';
import { makeFinding, type Rule } from './rule';
import { appendToSection, firstSection, rowsOf, sectionSeverity } from './support';

const LINK = /\[([^\]]*)\]\(#([^)\s]*)\)/g;

export const failureRecovery: Rule = {
  code: 'AD312',
  name: 'recovery-not-in-runbook',
  description:
    "Every failure mode's Recovery links ([text](#anchor)) to a runbook entry (a ### heading in the Runbook section) that exists.",
  rationale:
    "Recovery that lives in someone's head is not recovery. A link to the runbook entry is checkable; a link to a heading that does not exist is a runbook gap found at 2 AM.",
  sources: ['seed:000', 'seed:003'],
  howToFix:
    'Link the Recovery cell to a runbook entry, e.g. [Rollback](#rollback), and write that entry as a ### subsection of the Runbook (the quick fix inserts the heading).',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'failures');
    if (!severity) return [];
    const runbook = firstSection(context.model, 'runbook');
    const entries = new Set(context.facts.runbookEntries());
    const planned = new Set<string>();
    return rowsOf(context.model, 'failures', 'failures').flatMap((row) => {
      const cell = row.cell('recovery');
      if (!cell || cell.text === '' || placeholderIn(context.model, cell.text)) return [];
      const id = row.text('id') || msg('support.onLine', 'on line {line}', { line: row.row.line + 1 });
      const subject = { kind: 'table' as const, id: `failures.${id}` };
      const links = [...cell.text.matchAll(LINK)];
      if (links.length === 0) {
        return [
          makeFinding(
            this,
            severity,
            msg(
              'failureRecovery.failureModeSRecovery',
              'Failure mode {id}\'s recovery "{cellText}" does not link to a runbook entry: write it as a link such as [Rollback](#rollback) to a ### entry of the Runbook.',
              { id, cellText: cell.text },
            ),
            cell.range,
            { subject },
          ),
        ];
      }
      return links.flatMap((link) => {
        const anchor = (link[2] ?? '').toLowerCase();
        // Without a Runbook section AD100 reports the gap once, not once per link.
        if (entries.has(anchor) || !runbook) return [];
        const fixes: FixSuggestion[] = [];
        if (!planned.has(anchor)) {
          planned.add(anchor);
          const text = (link[1] ?? '').trim();
          const title = slugify(text) === anchor && text !== '' ? text : titleFromAnchor(anchor);
          fixes.push({
            title: msg('failureRecovery.addRunbookEntry', 'Add the runbook entry "### {title}"', { title }),
            insertions: [
              appendToSection(context.model, runbook, [
                `${'#'.repeat(context.model.sectionLevel + 1)} ${title}`,
                '',
                '1. TODO: the steps the person on call follows.',
              ]),
            ],
            safe: true,
          });
        }
        return [
          makeFinding(
            this,
            severity,
            msg(
              'failureRecovery.failureModeLinksBut',
              'Failure mode {id} links to #{anchor}, but the Runbook has no such entry: add a ### entry whose heading gives that anchor, or link to an existing entry.',
              { id, anchor },
            ),
            cell.range,
            { subject, fixes },
          ),
        ];
      });
    });
  },
};

function titleFromAnchor(anchor: string): string {
  const words = anchor.replace(/-+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
