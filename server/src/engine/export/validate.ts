import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import agentCardBundle from '../../../../schemas/vendor/a2a/agent-card.v1.0.0.excerpt.json';
import component from '../../../../schemas/vendor/backstage/Component.v1alpha1.schema.json';
import entity from '../../../../schemas/vendor/backstage/Entity.schema.json';
import entityMeta from '../../../../schemas/vendor/backstage/EntityMeta.schema.json';
import common from '../../../../schemas/vendor/backstage/common.schema.json';

/**
 * Validation of the exports against the schemas their owners publish, vendored in
 * schemas/vendor/ (licence and source noted there). Compiled on first use only: most runs export
 * nothing. No schema is ever fetched.
 */
let agentCard: ValidateFunction | undefined;
let backstageComponent: ValidateFunction | undefined;

/** The A2A bundle's $refs name definitions by their title without spaces. */
function a2aId(title: string): string {
  return title === 'Struct'
    ? 'google.protobuf.Struct.jsonschema.json'
    : `lf.a2a.v1.${title.replace(/ /g, '')}.jsonschema.json`;
}

export function validateAgentCard(card: unknown): string[] {
  if (!agentCard) {
    // The published bundle uses annotations ajv's strict mode does not know ("version"); it is not ours to change.
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    for (const [title, definition] of Object.entries(agentCardBundle.definitions))
      ajv.addSchema({ ...(definition as Record<string, unknown>), $id: a2aId(title) });
    agentCard = ajv.getSchema(a2aId('Agent Card'));
  }
  return problems(agentCard, card);
}

export function validateBackstageComponent(entityValue: unknown): string[] {
  if (!backstageComponent) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    for (const schema of [common, entity, entityMeta, component]) ajv.addSchema(schema as Record<string, unknown>);
    backstageComponent = ajv.getSchema('ComponentV1alpha1');
  }
  return problems(backstageComponent, entityValue);
}

function problems(validate: ValidateFunction | undefined, value: unknown): string[] {
  if (!validate) return ['the vendored schema could not be compiled'];
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}
