import frontMatter from '../../../../schemas/frontmatter.schema.json';
import sections from '../../../../schemas/sections.json';
import gates from '../../../../schemas/gates.json';
import tiers from '../../../../schemas/tiers.json';
import policy from '../../../../schemas/policy.json';
import regulations from '../../../../schemas/regulations.json';
import type { GateCatalogue, Policy, RegulationCalendar, SchemaSet, SectionCatalogue, TierCatalogue } from './types';

/**
 * The schemas shipped with agentdoc. They are bundled into the server so start-up reads no files;
 * tests validate each against its meta-schema, which is what makes the casts below safe.
 */
export const bundledSchemas: SchemaSet = {
  frontMatter: frontMatter as Record<string, unknown>,
  sections: sections as unknown as SectionCatalogue,
  gates: gates as unknown as GateCatalogue,
  tiers: tiers as unknown as TierCatalogue,
  policy: policy as unknown as Policy,
  regulations: regulations as unknown as RegulationCalendar,
};
