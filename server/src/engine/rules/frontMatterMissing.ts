import { msg } from '../l10n';
import { frontMatterSkeletonFix } from '../fixes/frontMatterInsertion';
import { makeFinding, type Rule } from './rule';

export const frontMatterMissing: Rule = {
  code: 'AD002',
  name: 'front-matter-missing',
  description: 'The document starts with a YAML front matter block.',
  rationale: 'Identity, owner, stage and risk facts are what tie a document to an agent and decide which gates apply.',
  sources: ['seed:002'],
  howToFix:
    'Start the file with a line ---, the YAML front matter (agentdoc: 1, id, name, stage, owner, risk), and a closing ---.',
  defaultSeverity: 'error',
  check({ model }) {
    if (model.frontMatter) return [];
    return [
      makeFinding(
        this,
        'error',
        msg(
          'frontMatterMissing.documentNoFrontMatter',
          'The document has no front matter: start it with a --- block holding id, name, stage, owner and risk.',
        ),
        model.index.trimmedLineRange(0),
        {
          subject: { kind: 'front-matter', id: '' },
          // The keys the waiting gate items read are added by the fold (evaluation/rootCauses.ts).
          fixes: [frontMatterSkeletonFix(model, [])],
        },
      ),
    ];
  },
};
