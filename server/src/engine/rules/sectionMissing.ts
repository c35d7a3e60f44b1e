import { msg, schemaText } from '../l10n';
import { sectionInsertionFix } from '../fixes/sectionInsertion';
import { evaluate } from '../evaluation/predicate';
import { sectionInsertionAnchor } from '../model/anchors';
import type { SectionSpec } from '../schemaData/types';
import type { Finding } from '../types';
import { makeFinding, type Rule, type RuleContext } from './rule';

export const sectionMissing: Rule = {
  code: 'AD100',
  name: 'section-missing',
  description: "Each section the catalogue requires at the document's stage (or the next ones) is present.",
  rationale:
    "Pilot documentation is often just the prompt; production documentation replaces the builder's tacit knowledge, part by part.",
  sources: ['seed:000'],
  howToFix: 'Add the section (the quick fix inserts its template at the canonical place) and fill it in.',
  defaultSeverity: 'stage',
  check(context) {
    const { model, ladder, stage, facts } = context;
    const missing = model.schemas.sections.sections.filter(
      (spec) =>
        !model.sectionsById.has(spec.id) &&
        (!spec.when || evaluate(spec.when, facts)) &&
        ladder.due(spec.requiredFrom, stage),
    );
    // A document with no sections at all has one thing to do, not a dozen: write the sections.
    if (missing.length > 1 && !model.sections.some((section) => section.spec))
      return [noSections(this, context, missing)];
    return model.schemas.sections.sections.flatMap((spec) => {
      if (model.sectionsById.has(spec.id)) return [];
      if (spec.when && !evaluate(spec.when, facts)) return [];
      const severity = ladder.due(spec.requiredFrom, stage);
      if (!severity) return [];
      const requiredStage = ladder.get(spec.requiredFrom)?.title ?? spec.requiredFrom;
      return [
        makeFinding(
          this,
          severity,
          msg(
            'sectionMissing.missingSectionRequiredFrom',
            'Missing section "{specTitle}": required from the {requiredStage} stage. {why}',
            {
              specTitle: spec.title,
              requiredStage: requiredStage.toLowerCase(),
              why: schemaText(`sections.${spec.id}.why`, spec.guidance.why),
            },
          ),
          sectionInsertionAnchor(model, spec),
          {
            subject: { kind: 'section', id: spec.id },
            sources: spec.guidance.sources,
            fixes: [sectionInsertionFix(model, spec)].filter((fix) => fix !== undefined),
          },
        ),
      ];
    });
  },
};

function noSections(rule: Rule, context: RuleContext, missing: SectionSpec[]): Finding {
  const { model, ladder, stage } = context;
  const earliest = [...missing].sort(
    (a, b) => (ladder.get(a.requiredFrom)?.order ?? 0) - (ladder.get(b.requiredFrom)?.order ?? 0),
  )[0]!;
  const due = ladder.due(earliest.requiredFrom, stage)!;
  const byStage = new Map<string, string[]>();
  for (const spec of missing) byStage.set(spec.requiredFrom, [...(byStage.get(spec.requiredFrom) ?? []), spec.title]);
  const list = [...byStage]
    .map(([id, titles]) =>
      msg('sectionMissing.fromStage', 'from {stage}: {titles}', {
        stage: ladder.get(id)?.title.toLowerCase() ?? id,
        titles: titles.join(', '),
      }),
    )
    .join('; ');
  const fixes = missing.flatMap((spec) => sectionInsertionFix(model, spec) ?? []);
  const combined = fixes.length
    ? [
        {
          title: msg('sectionMissing.insertEverySectionFrom', 'Insert every section from the templates'),
          insertions: fixes.flatMap((fix) => fix.insertions),
          safe: true,
        },
      ]
    : [];
  return makeFinding(
    rule,
    due,
    msg(
      'sectionMissing.documentNoSectionsYet',
      'The document has no sections yet: start with the ones the {stageTitle} stage needs (the quick fix inserts them all). {list}.',
      { stageTitle: stage.title.toLowerCase(), list: `${list.charAt(0).toUpperCase()}${list.slice(1)}` },
    ),
    model.title?.range ?? sectionInsertionAnchor(model, earliest),
    { subject: { kind: 'section', id: '*' }, fixes: combined },
  );
}
