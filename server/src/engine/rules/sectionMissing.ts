import { sectionInsertionFix } from '../fixes/sectionInsertion';
import { evaluate } from '../evaluation/predicate';
import { documentAnchor, makeFinding, type Rule } from './rule';

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
          `Missing section "${spec.title}": required from the ${requiredStage.toLowerCase()} stage. ${spec.guidance.why}`,
          documentAnchor(model),
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
