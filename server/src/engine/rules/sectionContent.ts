import { sectionStatus } from '../model/sectionStatus';
import type { Level } from '../types';
import { atLeastWarning } from './support';
import { makeFinding, type Rule, type RuleContext } from './rule';

/** Empty and placeholder sections: present, but not yet written. At least a warning at any stage. */
function contentSeverity(context: RuleContext, requiredFrom: string | undefined): Level {
  return atLeastWarning(requiredFrom ? context.ladder.due(requiredFrom, context.stage) : undefined);
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
          `Section "${section.heading.text}" is empty: ${lowerFirst(section.spec.guidance.why)}`,
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
  rationale: 'Template text left in makes a section look done; a reviewer signing off on it signs off on nothing.',
  sources: ['seed:000'],
  howToFix: 'Replace the TODO or template text with the real content.',
  defaultSeverity: 'stage',
  check(context) {
    return context.model.sections.flatMap((section) => {
      if (!section.spec) return [];
      const status = sectionStatus(context.model, section);
      return status.placeholderLines.slice(0, 20).map((line) =>
        makeFinding(
          this,
          contentSeverity(context, section.spec?.requiredFrom),
          `Placeholder text left in "${section.heading.text}": replace it with the real content.`,
          context.model.index.trimmedLineRange(line),
          {
            subject: { kind: 'section', id: section.spec?.id ?? '' },
          },
        ),
      );
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
          `Section "${section.heading.text}" appears more than once (first on line ${(sections[0]?.startLine ?? 0) + 1}): merge the two.`,
          section.heading.range,
          {
            subject: { kind: 'section', id: section.spec?.id ?? '' },
          },
        ),
      ),
    );
  },
};

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
