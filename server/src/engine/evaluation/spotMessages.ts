import { msg } from '../l10n';
import type { DocumentModel } from '../model/documentModel';
import { placeholderKeys } from '../model/placeholders';
import type { Finding } from '../types';
import type { StageLadder } from './stages';

/** The jobs findings are merged into (evaluation/spotMerge.ts). */
export type MergeKind = 'sections' | 'frontMatter' | 'signoffs';

export interface MergeMember {
  finding: Finding;
  kind: MergeKind;
  /** Missing (a quick fix adds it) or there but still template or placeholder text. */
  part: 'missing' | 'placeholder' | 'template';
  /** What the list calls it: a section title, a front-matter block or key, a gate item. */
  name: string;
}

/** The merged finding's message: what to do first, then the list by stage. */
export function mergedMessage(group: readonly MergeMember[], model: DocumentModel, ladder: StageLadder): string {
  const kind = group[0]!.kind;
  const missing = group.filter((member) => member.part === 'missing').length;
  const mixed = missing > 0 && missing < group.length;
  const byStage = new Map<string, string[]>();
  for (const member of group) {
    const { blocks, severity } = member.finding;
    // An error that follows no stage (a schema error) blocks every stage: it is listed first.
    const stage = blocks
      ? (ladder.get(blocks)?.title.toLowerCase() ?? blocks)
      : severity === 'error'
        ? msg('spotMessages.everyStage', 'every stage')
        : '';
    // When missing parts and written-but-unfinished ones are listed together, say which is which.
    const name =
      mixed && member.part === 'missing'
        ? msg('spotMessages.missingName', '{name} (missing)', { name: member.name })
        : member.name;
    byStage.set(stage, [...(byStage.get(stage) ?? []), name]);
  }
  const stages = stageList(byStage);
  if (kind === 'signoffs')
    return msg(
      'spotMessages.itemsNoSignOffRow',
      '{count} gate items have no row in the Readiness review yet: for each, record who signed it off, when and on what evidence, or add a waiver. {stages}',
      { count: group.length, stages },
    );
  if (kind === 'sections') {
    if (!mixed && missing > 0)
      return msg(
        'spotMerge.missingSections',
        "Missing sections: each adds what the stage's reviewers check, and the quick fix inserts them all. {stages}",
        { stages },
      );
    if (!mixed)
      return msg(
        'spotMerge.sectionsOnlyTemplate',
        '{count} sections still hold only their template: write each one. {stages}',
        { count: group.length, stages },
      );
    const templates = group.length - missing;
    return msg(
      'spotMessages.sectionsToWrite',
      'Missing sections and untouched templates: the quick fix inserts {missing}, and {templates}. {stages}',
      {
        missing:
          missing === 1
            ? msg('spotMessages.theMissingOne', 'the missing one')
            : msg('spotMessages.theMissingOnes', 'the {count} missing ones', { count: missing }),
        templates:
          templates === 1
            ? msg('spotMessages.oneHoldsTemplate', 'one holds only its template')
            : msg('spotMessages.holdTemplate', '{count} hold only their template', { count: templates }),
        stages,
      },
    );
  }
  const placeholders = group
    .filter((member) => member.part !== 'missing')
    .reduce((sum, { finding }) => sum + Math.max(1, placeholderKeys(model, finding.subject?.id ?? '').length), 0);
  if (!mixed && missing > 0)
    return msg(
      'spotMerge.frontMatterLacks',
      'The front matter lacks {count} keys: the quick fix adds them all. {stages}',
      { count: missing, stages },
    );
  if (!mixed)
    return msg(
      'spotMerge.frontMatterPlaceholders',
      'The front matter still has {count} placeholders: write the real values. {stages}',
      { count: placeholders, stages },
    );
  return msg(
    'spotMessages.frontMatterToWrite',
    'The front matter lacks {missing} and still has {placeholders}: the quick fix adds what is missing, then write the real values. {stages}',
    {
      missing:
        missing === 1
          ? msg('spotMessages.aKey', 'a key')
          : msg('spotMessages.keys', '{count} keys', { count: missing }),
      placeholders:
        placeholders === 1
          ? msg('spotMessages.aPlaceholder', 'a placeholder')
          : msg('spotMessages.placeholders', '{count} placeholders', { count: placeholders }),
      stages,
    },
  );
}

/**
 * The names by stage, as sentences that read aloud: "For shadow: rollback, volumes; for
 * production: review. Also: id." The statement and what to do come before it in the message; the
 * list, which can be long, follows. Names no stage waits on come last.
 */
function stageList(byStage: ReadonlyMap<string, string[]>): string {
  const staged = [...byStage]
    .filter(([stage]) => stage !== '')
    .map(([stage, names]) => msg('spotMerge.forStage', 'for {stage}: {names}', { stage, names: names.join(', ') }))
    .join('; ');
  const other = byStage.get('')?.join(', ');
  if (!staged) return other ? msg('spotMessages.namesOnly', 'They are: {names}.', { names: other }) : '';
  const sentence = `${staged.charAt(0).toUpperCase()}${staged.slice(1)}.`;
  return other ? `${sentence} ${msg('spotMessages.alsoNames', 'Also: {names}.', { names: other })}` : sentence;
}
