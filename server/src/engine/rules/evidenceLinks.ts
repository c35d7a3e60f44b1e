import { msg } from '../l10n';
import { evidenceLinks } from '../features/links';
import { makeFinding, type Rule } from './rule';

export const evidenceLinkBroken: Rule = {
  code: 'AD365',
  name: 'evidence-link-broken',
  description: 'Evidence linked from the Readiness review exists in the workspace.',
  rationale:
    'A sign-off is only as good as its evidence: a link to a file that is not there, or that points outside the repository, leaves a reviewer nothing to check.',
  sources: ['seed:000', 'seed:003'],
  howToFix:
    'Commit the evidence file next to the document (or under the repository) and link it relative to the document, e.g. evidence/load-test.md.',
  defaultSeverity: 'warning',
  check(context) {
    const exists = context.fileExists;
    if (!exists) return [];
    return evidenceLinks(context.model).flatMap((link) => {
      if (link.external) return [];
      const path = decodedPath(link.target.replace(/#.*$/, ''));
      if (path === undefined) {
        return [
          makeFinding(
            this,
            'warning',
            msg(
              'evidenceLinks.evidenceNotValidLink',
              'Evidence "{target}" is not a valid link (a "%" must start an escape such as %20): correct the link.',
              { target: link.target },
            ),
            link.range,
          ),
        ];
      }
      if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) {
        return [
          makeFinding(
            this,
            'warning',
            msg(
              'evidenceLinks.evidenceAbsolutePathLink',
              'Evidence "{target}" is an absolute path: link it relative to this document, inside the repository.',
              { target: link.target },
            ),
            link.range,
          ),
        ];
      }
      if (exists(path)) return [];
      return [
        makeFinding(
          this,
          'warning',
          msg(
            'evidenceLinks.evidenceDoesNotExist',
            'Evidence "{target}" does not exist (or lies outside the workspace): add the file or correct the link.',
            { target: link.target },
          ),
          link.range,
        ),
      ];
    });
  },
};

/** The link's path with %-escapes decoded; undefined when an escape is broken ("100%.md"). */
function decodedPath(target: string): string | undefined {
  try {
    return decodeURIComponent(target);
  } catch {
    return undefined;
  }
}
