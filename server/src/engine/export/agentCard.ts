import { firstParagraph, fmList, fmString, slug, type ExportSource } from './documentFacts';
import { validateAgentCard } from './validate';

/** The A2A protocol version the card is written for (schemas/vendor/a2a). */
export const A2A_PROTOCOL_VERSION = '1.0';

/** Fields the A2A specification calls required; the proto3-derived schema cannot say so itself. */
const REQUIRED = [
  'name',
  'description',
  'supportedInterfaces',
  'version',
  'capabilities',
  'defaultInputModes',
  'defaultOutputModes',
  'skills',
];

export interface CardExport {
  card: Record<string, unknown>;
  gaps: string[];
  problems: string[];
}

/**
 * An A2A Agent Card (protocol 1.0) for a registry to ingest: who the agent is, where it answers and
 * the one skill the document describes. Where the document does not say (the A2A endpoint, the
 * media types), the gap is listed rather than a value invented.
 */
export function agentCard(source: ExportSource): CardExport {
  const gaps: string[] = [];
  const id = fmString(source, 'id') ?? slug(source.result.facts.name ?? 'agent');
  const name = fmString(source, 'name') ?? source.result.facts.name ?? id;
  const description = firstParagraph(source.model, 'purpose');
  if (!description) gaps.push('description: the Purpose & scope section has no first paragraph to describe the agent');
  const version = fmString(source, 'version');
  if (!version) gaps.push('version: the front matter has no version');
  const url = fmString(source, 'a2a.url');
  if (!url) gaps.push('supportedInterfaces: a2a.url (where the agent serves A2A) is not in the front matter');
  const organization = fmString(source, 'builder') ?? fmString(source, 'owner.name');
  const providerUrl = fmString(source, 'a2a.provider_url');
  const stage = fmString(source, 'stage');
  const tags = [
    ...(stage ? [`stage:${stage}`] : []),
    ...(source.result.facts.tier ? [source.result.facts.tier] : []),
    ...(fmString(source, 'risk.eu_ai_act.class') ? [`eu-ai-act:${fmString(source, 'risk.eu_ai_act.class')}`] : []),
    ...fmList(source, 'systems').map((system) => `system:${system}`),
  ];
  gaps.push('defaultInputModes and defaultOutputModes: the document does not state media types; text/plain is assumed');
  const card: Record<string, unknown> = {
    name,
    description: description ?? '',
    supportedInterfaces: url
      ? [
          {
            url,
            protocolBinding: fmString(source, 'a2a.protocol_binding') ?? 'JSONRPC',
            protocolVersion: A2A_PROTOCOL_VERSION,
          },
        ]
      : [],
    ...(organization && providerUrl ? { provider: { organization, url: providerUrl } } : {}),
    version: version ?? '',
    capabilities: { streaming: false, pushNotifications: false },
    defaultInputModes: ['text/plain'],
    defaultOutputModes: ['text/plain'],
    skills: [
      { id, name, description: description ?? name, tags, ...(scope(source) ? { examples: scope(source) } : {}) },
    ],
  };
  if (organization && !providerUrl)
    gaps.push("provider: a2a.provider_url (the provider organisation's web site) is not in the front matter");
  const problems = validateAgentCard(card);
  for (const field of REQUIRED) {
    const value = card[field];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      if (!gaps.some((gap) => gap.startsWith(field))) gaps.push(`${field}: empty`);
  }
  return { card, gaps, problems };
}

/** "In scope" text, as an example of what the skill handles. */
function scope(source: ExportSource): string[] | undefined {
  const section = source.model.sectionsById.get('purpose')?.[0];
  const block = section?.blocks.find(
    (candidate) => candidate.kind === 'paragraph' && /^\*\*In scope:?\*\*/i.test(candidate.text),
  );
  if (!block || block.kind !== 'paragraph') return undefined;
  const text = block.text
    .replace(/^\*\*In scope:?\*\*:?\s*/i, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  return text ? [text] : undefined;
}
