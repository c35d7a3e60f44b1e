import { msg } from '../l10n';
import { placeholderKeys, valueRange } from '../model/placeholders';
import { makeFinding, type Rule } from './rule';

export const frontMatterPlaceholder: Rule = {
  code: 'AD006',
  name: 'front-matter-placeholder',
  description: 'Front-matter values hold real facts, not placeholder text (TODO, TBD).',
  rationale:
    'A key that says TODO looks filled in but states nothing; every item that reads it stays open. The keys left to write are one finding, with the missing blocks and keys, listed by the stage that needs them; it stands on the placeholder the earliest stage waits on and is as severe as that stage makes it.',
  howToFix: 'Replace each placeholder with the real value (the message lists the keys).',
  sources: ['seed:000'],
  // The stage it blocks from comes from the items that read the keys (evaluation/rootCauses.ts).
  defaultSeverity: 'stage',
  check({ model }) {
    const data = model.frontMatter?.data;
    const document = model.frontMatter?.document;
    if (!document || !data || typeof data !== 'object' || Array.isArray(data)) return [];
    return Object.keys(data).flatMap((block) => {
      const keys = placeholderKeys(model, block);
      if (keys.length === 0) return [];
      const ranges = keys.map((key) => valueRange(model, key));
      const first = ranges.find((range) => range !== undefined) ?? model.index.trimmedLineRange(0);
      const names = keys.map((key) => (key === block ? key : key.slice(block.length + 1)));
      const count =
        keys.length === 1
          ? msg('frontMatterPlaceholder.placeholder', 'a placeholder')
          : msg('frontMatterPlaceholder.placeholders', '{count} placeholders', { count: keys.length });
      const message =
        keys.length === 1 && keys[0] === block
          ? msg(
              'frontMatterPlaceholder.frontMatterStillHolds',
              '"{block}" in the front matter still holds a placeholder: write the real value.',
              { block },
            )
          : msg(
              'frontMatterPlaceholder.frontMatterSBlock',
              'The front matter\'s "{block}" block still has {count} ({names}): write the real values.',
              { block, count, names: names.join(', ') },
            );
      return [
        makeFinding(this, 'warning', message, first, {
          subject: { kind: 'front-matter', id: block },
          related: keys.map((key, index) => ({
            message: msg('frontMatterPlaceholder.stillHoldsPlaceholderText', '{key} still holds placeholder text', {
              key,
            }),
            range: ranges[index] ?? first,
          })),
        }),
      ];
    });
  },
};
