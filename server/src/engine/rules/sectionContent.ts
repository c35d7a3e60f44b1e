import { currentLocale, msg, schemaText } from '../l10n';
import { sectionStatus } from '../model/sectionStatus';
import type { Level } from '../types';
import { makeFinding, type Rule, type RuleContext } from './rule';

/** Empty and placeholder sections: present, but not yet written; as urgent as the stage that needs them. */
function contentSeverity(context: RuleContext, requiredFrom: string | undefined): Level {
  return (requiredFrom ? context.ladder.due(requiredFrom, context.stage) : undefined) ?? 'warning';
}

export const sectionEmpty: Rule = {
  code: 'AD101',
  name: 'section-empty',
  description: 'A section heading has content under it.',
  rationale:
    'An empty heading looks like documentation in a table of contents but tells the reader nothing; it is reported apart from a missing section so reviewers see the difference.',
  sources: ['seed:000'],
  howToFix: "Write the section's content under its heading, or remove the heading.",
  defaultSeverity: 'stage',
  check(context) {
    return context.model.sections.flatMap((section) => {
      if (!section.spec || sectionStatus(context.model, section).state !== 'empty') return [];
      return [
        makeFinding(
          this,
          contentSeverity(context, section.spec.requiredFrom),
          msg(
            'sectionContent.sectionEmptyWriteIts',
            'Section "{headingText}" is empty: write its content under the heading. {why}',
            { headingText: section.heading.text, why: purpose(section.spec) },
          ),
          section.heading.range,
          {
            subject: { kind: 'section', id: section.spec.id },
            sources: section.spec.guidance.sources,
          },
        ),
      ];
    });
  },
};

export const sectionPlaceholder: Rule = {
  code: 'AD102',
  name: 'section-placeholder',
  description: 'A section holds no placeholder or template text (TODO, TBD, lorem ipsum).',
  rationale:
    'Template text left in makes a section look done; a reviewer signing off on it signs off on nothing. A section with template text is reported once, with every line still to write.',
  sources: ['seed:000'],
  howToFix: 'Replace the TODO or template text with the real content (related information lists each line).',
  defaultSeverity: 'stage',
  check(context) {
    return context.model.sections.flatMap((section) => {
      if (!section.spec) return [];
      const lines = sectionStatus(context.model, section).placeholderLines;
      const first = lines[0];
      if (first === undefined) return [];
      const count =
        lines.length === 1
          ? msg('sectionContent.placeholder', 'a placeholder')
          : msg('sectionContent.placeholders', '{count} placeholders', { count: lines.length });
      return [
        makeFinding(
          this,
          contentSeverity(context, section.spec.requiredFrom),
          msg(
            'sectionContent.stillWriteTodoTemplate',
            '"{headingText}" still has {count} to write (TODO or template text).',
            { headingText: section.heading.text, count },
          ),
          context.model.index.trimmedLineRange(first),
          {
            subject: { kind: 'section', id: section.spec.id },
            related: lines.slice(1, 50).map((line) => ({
              message: msg('sectionContent.placeholderText', 'placeholder text in "{headingText}"', {
                headingText: section.heading.text,
              }),
              range: context.model.index.trimmedLineRange(line),
            })),
          },
        ),
      ];
    });
  },
};

export const sectionDuplicate: Rule = {
  code: 'AD103',
  name: 'section-duplicate',
  description: 'Each catalogue section appears once.',
  rationale: 'Two sections with the same role split facts in two, and a reader cannot tell which one is current.',
  sources: [],
  howToFix: 'Merge the two sections into one.',
  defaultSeverity: 'warning',
  check({ model }) {
    return [...model.sectionsById.values()].flatMap((sections) =>
      sections.slice(1).map((section) =>
        makeFinding(
          this,
          'warning',
          msg(
            'sectionContent.sectionAppearsMoreThan',
            'Section "{headingText}" appears more than once (first on line {value}): merge the two.',
            { headingText: section.heading.text, value: (sections[0]?.startLine ?? 0) + 1 },
          ),
          section.heading.range,
          {
            subject: { kind: 'section', id: section.spec?.id ?? '' },
          },
        ),
      ),
    );
  },
};

/** The guidance as a sentence about the section: "Records what…" becomes "It records what…". */
function purpose(spec: { id: string; guidance: { why: string } }): string {
  const why = schemaText(`sections.${spec.id}.why`, spec.guidance.why);
  // The translations are written as sentences of their own; only the English needs a subject.
  return currentLocale() === 'en' && /^(Records|States|Lists|Defines|Describes|Names|Explains|Shows) /.test(why)
    ? `It ${why.charAt(0).toLowerCase()}${why.slice(1)}`
    : why;
}
