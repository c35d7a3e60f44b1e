import { matchesMsg, msg } from '../l10n';
import type { DocumentModel, Section } from '../model/documentModel';
import type { Finding, FixSuggestion } from '../types';
import type { StageLadder } from './stages';

/**
 * Things to add at the same place — missing sections, missing front-matter blocks, sign-offs with
 * no row yet — are one thing to do there: one finding listing them by stage (and blocking from the
 * earliest), with one fix adding them all. Keeps any line to a few diagnostics.
 */
export function mergeSameSpot(findings: Finding[], model: DocumentModel, ladder: StageLadder): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const kind = spotKind(finding, model);
    if (!kind) continue;
    // Untouched templates, front-matter placeholders and the Readiness review's open rows are one
    // job each, wherever they are (listed by stage); missing sections and blocks one per place.
    const where = kind === 'sections' || kind === 'blocks' ? String(finding.range.start.line) : '';
    const key = `${kind}|${where}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const merged = new Map<Finding, Finding | null>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort(
      (a, b) => stageOrder(a, ladder) - stageOrder(b, ladder) || a.range.start.line - b.range.start.line,
    );
    group.forEach((finding) => merged.set(finding, null));
    merged.set(group[0]!, mergeGroup(sorted, model, ladder));
  }
  return findings.flatMap((finding) => {
    const replacement = merged.get(finding);
    return replacement === undefined ? [finding] : replacement === null ? [] : [replacement];
  });
}

type SpotKind = 'sections' | 'blocks' | 'signoffs' | 'templates' | 'placeholders';

function spotKind(finding: Finding, model: DocumentModel): SpotKind | undefined {
  if (!finding.subject) return undefined;
  if (finding.code === 'AD100') return 'sections';
  if (finding.code === 'AD005') return 'blocks';
  if (finding.code === 'AD006') return 'placeholders';
  // Sign-offs with no row yet and waivers still to complete: the Readiness review's open rows.
  if (
    finding.code === 'AD201' &&
    matchesMsg(finding.message, 'gateItems.itNoRowReadiness', 'it has no row in the Readiness review table')
  )
    return 'signoffs';
  if (
    finding.code === 'AD202' &&
    matchesMsg(
      finding.message,
      'gateItems.waiverDoesNotCount',
      'The waiver for "{itemId}" does not count yet ({where}): it needs a justification of at least 10 characters, an approver and an expiry date (YYYY-MM-DD).',
    )
  )
    return 'signoffs';
  if (finding.code === 'AD102' && untouchedTemplate(model, finding.subject.id)) return 'templates';
  return undefined;
}

/**
 * A section that still reads exactly as its template (comments and spacing aside). Asked once per
 * placeholder finding, and a section can have hundreds of them: answered once per section (a
 * section object belongs to one model) and template.
 */
function untouchedTemplate(model: DocumentModel, sectionId: string): boolean {
  const spec = model.schemas.sections.sections.find((candidate) => candidate.id === sectionId);
  const section = model.sectionsById.get(sectionId)?.[0];
  if (!spec || !section) return false;
  let answers = untouched.get(section);
  const known = answers?.get(spec.template);
  if (known !== undefined) return known;
  const lines: string[] = [];
  for (let line = section.startLine + 1; line < section.endLine; line++) lines.push(model.index.lineText(line));
  const answer = normalise(lines.join('\n')) === normalise(spec.template);
  if (!answers) {
    answers = new Map();
    untouched.set(section, answers);
  }
  answers.set(spec.template, answer);
  return answer;
}

const untouched = new WeakMap<Section, Map<string, boolean>>();

function normalise(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function stageOrder(finding: Finding, ladder: StageLadder): number {
  return finding.blocks === undefined ? -1 : (ladder.get(finding.blocks)?.order ?? 99);
}

function mergeGroup(group: Finding[], model: DocumentModel, ladder: StageLadder): Finding {
  const first = group[0]!;
  const kind = spotKind(first, model)!;
  const byStage = new Map<string, string[]>();
  for (const finding of group) {
    const stage = finding.blocks ? (ladder.get(finding.blocks)?.title.toLowerCase() ?? finding.blocks) : '';
    byStage.set(stage, [...(byStage.get(stage) ?? []), nameOf(finding, kind, model)]);
  }
  const list = [...byStage]
    .map(([stage, names]) =>
      stage ? msg('spotMerge.forStage', 'for {stage}: {names}', { stage, names: names.join(', ') }) : names.join(', '),
    )
    .join('; ');
  // The statement and what to do come first; the list, which can be long, follows as its own sentence.
  const stages = `${list.charAt(0).toUpperCase()}${list.slice(1)}.`;
  const count = group.length;
  const message = {
    sections: () =>
      msg(
        'spotMerge.missingSections',
        "Missing sections: each adds what the stage's reviewers check, and the quick fix inserts them all. {stages}",
        { stages },
      ),
    blocks: () =>
      msg('spotMerge.frontMatterLacks', 'The front matter lacks {count} keys: the quick fix adds them all. {stages}', {
        count,
        stages,
      }),
    signoffs: () =>
      msg(
        'spotMerge.itemsWaitSignOff',
        '{count} gate items wait for a sign-off or a waiver in the Readiness review: record who signed each off, when and on what evidence, or complete its waiver. {stages}',
        { count, stages },
      ),
    templates: () =>
      msg(
        'spotMerge.sectionsOnlyTemplate',
        '{count} sections still hold only their template: write each one. {stages}',
        {
          count,
          stages,
        },
      ),
    placeholders: () =>
      msg(
        'spotMerge.frontMatterPlaceholders',
        'The front matter still has {count} placeholders: write the real values. {stages}',
        { count, stages },
      ),
  }[kind]();
  const fixes =
    kind === 'sections' || kind === 'blocks'
      ? combinedFix(group, kind)
      : group.flatMap((finding) => finding.fixes ?? []);
  const related = group.flatMap((finding) => [
    { message: finding.message, range: finding.range, code: finding.code },
    ...(finding.related ?? []),
  ]);
  const rest = { ...first };
  delete rest.fixes;
  return { ...rest, message, related, ...(fixes.length ? { fixes } : {}) };
}

function nameOf(finding: Finding, kind: SpotKind, model: DocumentModel): string {
  const id = finding.subject?.id ?? '';
  if (kind === 'sections' || kind === 'templates')
    return model.schemas.sections.sections.find((spec) => spec.id === id)?.title ?? id;
  return id;
}

function combinedFix(group: Finding[], kind: 'sections' | 'blocks'): FixSuggestion[] {
  // Sections go in catalogue order when they share a place (sortKey is the catalogue position).
  const fixes = group
    .flatMap((finding) => finding.fixes?.[0] ?? [])
    .sort((a, b) => (a.sortKey ?? 0) - (b.sortKey ?? 0));
  if (fixes.length === 0) return [];
  return [
    {
      title:
        kind === 'sections'
          ? msg('spotMerge.insertMissingSections', 'Insert the {count} missing sections', { count: fixes.length })
          : msg('spotMerge.addFrontMatterBlocks', 'Add the {count} front-matter blocks', { count: fixes.length }),
      insertions: fixes.flatMap((fix) => fix.insertions),
      safe: fixes.every((fix) => fix.safe),
      ...(kind === 'blocks' ? { conflictKey: 'front-matter:blocks' } : {}),
    },
  ];
}
