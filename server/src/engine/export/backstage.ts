import { stringify } from 'yaml';
import { firstParagraph, fmList, fmString, slug, type ExportSource } from './documentFacts';
import { validateBackstageComponent } from './validate';

export interface EntityExport {
  entity: Record<string, unknown>;
  gaps: string[];
  problems: string[];
}

/** Backstage lifecycles are free text; these three are the ones its UI knows. */
const LIFECYCLE: Record<string, string> = {
  pilot: 'experimental',
  shadow: 'experimental',
  canary: 'experimental',
  production: 'production',
  retired: 'deprecated',
};

/** Backstage checks names in code, not schema: letters, digits, -, _ and ., at most 63, alphanumeric at both ends. */
const ENTITY_NAME = /^(?=.{1,63}$)[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/;

/**
 * A Backstage Component entity (catalog-info.yaml) of type ai-agent, so a developer portal lists
 * the agent with its owner, lifecycle and dependencies, and links back to its documentation.
 */
export function backstageEntity(source: ExportSource): EntityExport {
  const gaps: string[] = [];
  const id = fmString(source, 'id') ?? slug(source.result.facts.name ?? 'agent');
  const owner = fmString(source, 'owner.name');
  if (!owner) gaps.push('spec.owner: owner.name is not in the front matter');
  const stage = fmString(source, 'stage');
  const description = firstParagraph(source.model, 'purpose');
  if (!description) gaps.push('metadata.description: the Purpose & scope section has no first paragraph');
  const annotations: Record<string, string> = {
    'agentdoc/document': source.fileName,
    ...(stage ? { 'agentdoc/stage': stage } : {}),
    ...(source.result.facts.tier ? { 'agentdoc/tier': source.result.facts.tier } : {}),
    'agentdoc/readiness': source.result.verdict.phrase,
    ...(fmString(source, 'risk.eu_ai_act.class')
      ? { 'agentdoc/eu-ai-act-class': fmString(source, 'risk.eu_ai_act.class')! }
      : {}),
    ...(fmString(source, 'model.name') ? { 'agentdoc/model': fmString(source, 'model.name')! } : {}),
  };
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: id,
      title: fmString(source, 'name') ?? id,
      ...(description ? { description } : {}),
      annotations,
      tags: ['ai-agent', ...(stage ? [stage] : [])],
    },
    spec: {
      type: 'ai-agent',
      lifecycle: LIFECYCLE[stage ?? ''] ?? 'experimental',
      owner: owner ? `user:${slug(owner)}` : 'unknown',
      ...(fmList(source, 'depends_on').length
        ? { dependsOn: fmList(source, 'depends_on').map((other) => `component:${other}`) }
        : {}),
    },
  };
  const problems = validateBackstageComponent(entity);
  if (!ENTITY_NAME.test(id)) problems.push(`/metadata/name "${id}" is not a valid Backstage entity name`);
  return { entity, gaps, problems };
}

export function renderEntities(entities: readonly Record<string, unknown>[]): string {
  return entities.map((entity) => stringify(entity, { lineWidth: 0 })).join('---\n');
}
