import { buildModel, type DocumentModel } from '../model/documentModel';
import { nodeAtPath, nodeSpan } from '../model/frontMatter';
import { bundledSchemas } from '../schemaData/bundled';
import type { SchemaSet } from '../schemaData/types';
import { makeFinding, documentAnchor } from '../rules/rule';
import type { Finding, Range } from '../types';

/** Rule data for the checks that need the whole workspace; the reference (docs/rules.md) lists them too. */
export interface WorkspaceRuleInfo {
  code: string;
  name: string;
  description: string;
  rationale: string;
  sources: string[];
  howToFix: string;
}

export const duplicateAgentId: WorkspaceRuleInfo = {
  code: 'AD380',
  name: 'agent-id-duplicate',
  description: 'Agent ids (front-matter id) are unique across the workspace.',
  rationale:
    'The registry, the portfolio view and depends_on refer to agents by id. Two documents with one id make the registry ambiguous: which owner, which stage, which agent does a dependency mean?',
  sources: ['seed:002', 'seed:003'],
  howToFix: 'Give one of the agents a new id (and update the depends_on entries that mean it).',
};

export const dependencyUnresolved: WorkspaceRuleInfo = {
  code: 'AD381',
  name: 'depends-on-unresolved',
  description: 'Every id in depends_on is the id of an agent documented in the workspace.',
  rationale:
    'A change to one agent must be assessed against the agents that depend on it. A dependency on an agent nobody documented is a coordination risk nobody owns.',
  sources: ['seed:003', 'seed:002'],
  howToFix: 'Correct the id, or document the agent it refers to in an *.agent.md file of its own.',
};

export const workspaceRules: readonly WorkspaceRuleInfo[] = [duplicateAgentId, dependencyUnresolved];

export interface WorkspaceDocument {
  uri: string;
  /** The document's model, when the caller already built one; otherwise its text. */
  model?: DocumentModel;
  text?: string;
}

interface AgentEntry {
  uri: string;
  model: DocumentModel;
  id: string | undefined;
}

/**
 * Checks that look across documents. Pure: documents in, findings per uri out (every uri gets an
 * entry, empty when clean), so the server and the CLI can merge them with each document's own.
 */
export function checkWorkspace(
  documents: readonly WorkspaceDocument[],
  schemas: SchemaSet = bundledSchemas,
): Map<string, Finding[]> {
  const agents: AgentEntry[] = documents.map((document) => {
    const model = document.model ?? buildModel(document.text ?? '', schemas);
    const id = frontMatterValue(model, 'id');
    return { uri: document.uri, model, id: typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined };
  });
  const byId = new Map<string, AgentEntry[]>();
  for (const agent of agents) {
    if (!agent.id) continue;
    byId.set(agent.id, [...(byId.get(agent.id) ?? []), agent]);
  }
  const results = new Map<string, Finding[]>(agents.map((agent) => [agent.uri, []]));
  for (const agent of agents) {
    const findings = results.get(agent.uri) ?? [];
    const twins = agent.id ? (byId.get(agent.id) ?? []).filter((other) => other !== agent) : [];
    if (agent.id && twins.length > 0) {
      findings.push(
        makeFinding(
          duplicateAgentId,
          'error',
          `Agent id "${agent.id}" is also used by ${twins.map((twin) => fileName(twin.uri)).join(', ')}: give each agent its own id.`,
          rangeAt(agent.model, ['id']),
          {
            subject: { kind: 'front-matter', id: 'id' },
          },
        ),
      );
    }
    const dependsOn = frontMatterValue(agent.model, 'depends_on');
    if (Array.isArray(dependsOn)) {
      dependsOn.forEach((entry, index) => {
        if (typeof entry !== 'string' || entry.trim() === '' || byId.has(entry.trim())) return;
        const known = [...byId.keys()]
          .filter((id) => id !== agent.id)
          .sort()
          .slice(0, 6);
        findings.push(
          makeFinding(
            dependencyUnresolved,
            'warning',
            `depends_on names "${entry}", but no agent in the workspace has that id${known.length ? ` (known: ${known.join(', ')})` : ''}: correct the id or document that agent.`,
            rangeAt(agent.model, ['depends_on', index]),
            {
              subject: { kind: 'front-matter', id: 'depends_on' },
            },
          ),
        );
      });
    }
    results.set(agent.uri, findings);
  }
  return results;
}

function frontMatterValue(model: DocumentModel, key: string): unknown {
  const data = model.frontMatter?.data;
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>)[key] : undefined;
}

function rangeAt(model: DocumentModel, path: (string | number)[]): Range {
  const frontMatter = model.frontMatter;
  const node = frontMatter?.document ? nodeAtPath(frontMatter.document, path) : undefined;
  const span = nodeSpan(node?.value) ?? nodeSpan(node?.key);
  if (!frontMatter || !span) return documentAnchor(model);
  return model.index.rangeOf(frontMatter.contentStart + span[0], frontMatter.contentStart + span[1]);
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
