import { msg } from '../l10n';
import { sectionStatus } from '../model/sectionStatus';
import type { Finding } from '../types';
import { makeFinding, type Rule } from './rule';
import { sectionSeverity } from './support';

const WHY = /^\s*(\*\*|__|\*|_)?why\s*:/i;

export const promptParts: Rule = {
  code: 'AD318',
  name: 'prompt-part-unannotated',
  description:
    'The Prompt section is written as ### parts, each with a code block holding the prompt text and a "Why:" paragraph.',
  rationale:
    'A prompt without its reasons is unmaintainable: the next person removes the sentence that stopped the pilot\'s worst failure. The "why" is what a reviewer checks and what the owner needs to approve changes.',
  sources: ['seed:000', 'seed:003'],
  howToFix:
    'Under each ### part of the Prompt, put the prompt text in a fenced code block and add a paragraph starting with "Why:" that says what the part prevents or enables.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'prompt');
    const section = context.model.sectionsById.get('prompt')?.[0];
    if (!severity || !section) return [];
    if (section.subsections.length === 0) {
      // Empty or template sections are AD101/AD102's.
      if (sectionStatus(context.model, section).state !== 'filled') return [];
      return [
        makeFinding(
          this,
          severity,
          msg(
            'promptParts.promptNotSplitInto',
            'The prompt is not split into parts: write each part as a ### subsection with the prompt text in a code block and a "Why:" paragraph.',
          ),
          section.heading.range,
          { subject: { kind: 'section', id: 'prompt' } },
        ),
      ];
    }
    return section.subsections.flatMap((part): Finding[] => {
      const hasCode = part.blocks.some((block) => block.kind === 'code');
      const hasWhy = part.blocks.some((block) => block.kind === 'paragraph' && WHY.test(block.text));
      const missing = [
        hasCode ? '' : 'code block with the prompt text',
        hasWhy ? '' : '"Why:" paragraph saying what it prevents or enables',
      ].filter(Boolean);
      if (missing.length === 0) return [];
      return [
        makeFinding(
          this,
          severity,
          missing.length > 1
            ? msg(
                'promptParts.promptPartNoBoth',
                'Prompt part "{headingText}" has no {first} and no {second}: add them under the heading.',
                { headingText: part.heading.text, first: missing[0], second: missing.slice(1).join(' and no ') },
              )
            : msg(
                'promptParts.promptPartNoAdd',
                'Prompt part "{headingText}" has no {missing}: add it under the heading.',
                {
                  headingText: part.heading.text,
                  missing: missing[0],
                },
              ),
          part.heading.range,
          {
            subject: { kind: 'section', id: `prompt.${part.heading.slug}` },
          },
        ),
      ];
    });
  },
};
