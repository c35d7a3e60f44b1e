import { msg } from '../l10n';
import type { DocumentModel } from '../model/documentModel';
import { nodeAtPath, nodeSpan } from '../model/frontMatter';
import { makeFinding, documentAnchor, type RuleInfo } from '../rules/rule';
import { StageLadder } from '../evaluation/stages';
import type { StageSpec } from '../schemaData/types';
import type { Due, Finding, Range } from '../types';

export const duplicateAgentId: RuleInfo = {
  code: 'AD380',
  name: 'agent-id-duplicate',
  description: 'Agent ids (front-matter id) are unique across the workspace.',
  rationale:
    'The registry, the portfolio view and depends_on refer to agents by id. Two documents with one id make the registry ambiguous: which owner, which stage, which agent does a dependency mean?',
  sources: ['seed:002', 'seed:003'],
  howToFix: 'Give one of the agents a new id (and update the depends_on entries that mean it).',
  defaultSeverity: 'error',
};

export const dependencyUnresolved: RuleInfo = {
  code: 'AD381',
  name: 'depends-on-unresolved',
  description: 'Every id in depends_on is the id of an agent documented in the workspace.',
  rationale:
    'A change to one agent must be assessed against the agents that depend on it. A dependency on an agent nobody documented is a coordination risk nobody owns.',
  sources: ['seed:003', 'seed:002'],
  howToFix: 'Correct the id, or document the agent it refers to in an agent document of its own.',
  defaultSeverity: 'warning',
};

export const orchestrationDependency: RuleInfo = {
  code: 'AD440',
  name: 'orchestration-depends-on-unproven',
  description:
    'An orchestration agent (type: orchestration) depends only on agents that are in production: none of its depends_on is at an earlier stage or retired.',
  rationale:
    'Orchestration agents coordinate other agents and systems; they are the most complex and should be built on top of proven foundation agents. An orchestrator in production that calls a pilot or a canary inherits every failure its dependencies have not yet shown, and one that calls a retired agent calls nothing.',
  sources: ['seed:002'],
  howToFix:
    'Take the dependency to production first, hold the orchestration agent at the stage of its least mature dependency, or remove the dependency.',
  defaultSeverity: 'stage',
};

export const workspaceRules: readonly RuleInfo[] = [duplicateAgentId, dependencyUnresolved, orchestrationDependency];

/**
 * What the cross-document checks read from one document: its id and depends_on, with their ranges.
 * Small and plain, so the server's index and the CLI's workers keep this rather than whole models.
 */
export interface AgentIdentity {
  /** The document's key: a path or URI, whatever the caller uses. */
  key: string;
  /** File name, as messages name the other document. */
  label: string;
  id: string | undefined;
  idRange: Range;
  dependsOn: Array<{ id: string; range: Range }>;
  /** Portfolio type (front-matter type), as written. */
  type: string | undefined;
  /** The stage the document is judged at, and where that stands against production. */
  stage: { id: string; title: string; standing: 'below-production' | 'production' | 'retired' } | undefined;
  /** For a dependent: how an unproven dependency is reported at its own stage (blocks production). */
  productionDue: Due | undefined;
}

/**
 * The identity of a document judged at `stage` (its own, or the CLI's --stage). Stage facts are
 * plain data, so worker threads can send identities and the checks need no ladder of their own.
 */
export function agentIdentity(key: string, model: DocumentModel, stage?: StageSpec): AgentIdentity {
  const id = frontMatterValue(model, 'id');
  const dependsOn = frontMatterValue(model, 'depends_on');
  const type = frontMatterValue(model, 'type');
  const ladder = new StageLadder(model.schemas.gates);
  // The top of the ladder: full production, whatever a team's config calls it.
  const top = ladder.stages.filter((candidate) => !candidate.terminal).at(-1);
  const standing = !stage
    ? undefined
    : stage.terminal
      ? ('retired' as const)
      : top && stage.order >= top.order
        ? ('production' as const)
        : ('below-production' as const);
  return {
    key,
    label: fileName(key),
    type: typeof type === 'string' && type.trim() !== '' ? type.trim() : undefined,
    stage: stage && standing ? { id: stage.id, title: stage.title, standing } : undefined,
    productionDue: stage && top ? ladder.due(top.id, stage) : undefined,
    id: typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined,
    idRange: rangeAt(model, ['id']),
    dependsOn: Array.isArray(dependsOn)
      ? dependsOn.flatMap((entry, index) =>
          typeof entry === 'string' && entry.trim() !== ''
            ? [{ id: entry.trim(), range: rangeAt(model, ['depends_on', index]) }]
            : [],
        )
      : [],
  };
}

/**
 * Checks that look across documents. Pure: identities in, findings per key out (every key gets an
 * entry, empty when clean), merged by the caller with each document's own findings.
 */
export function checkWorkspace(agents: readonly AgentIdentity[]): Map<string, Finding[]> {
  const byId = new Map<string, AgentIdentity[]>();
  for (const agent of agents) {
    if (!agent.id) continue;
    const list = byId.get(agent.id);
    if (list) list.push(agent);
    else byId.set(agent.id, [agent]);
  }
  const results = new Map<string, Finding[]>(agents.map((agent) => [agent.key, []]));
  for (const agent of agents) {
    const findings = results.get(agent.key) ?? [];
    const twins = agent.id ? (byId.get(agent.id) ?? []).filter((other) => other !== agent) : [];
    if (agent.id && twins.length > 0) {
      const named = twins.slice(0, 5).map((twin) => twin.label);
      const more =
        twins.length > named.length
          ? msg('crossDocument.more', ' and {value} more', { value: twins.length - named.length })
          : '';
      findings.push(
        makeFinding(
          duplicateAgentId,
          'error',
          msg(
            'crossDocument.agentIdAlsoUsed',
            'Agent id "{agentId}" is also used by {named}{more}: give each agent its own id.',
            { agentId: agent.id, named: named.join(', '), more },
          ),
          agent.idRange,
          { subject: { kind: 'front-matter', id: 'id' } },
        ),
      );
    }
    findings.push(...unprovenDependencies(agent, byId));
    for (const dependency of agent.dependsOn) {
      if (byId.has(dependency.id)) continue;
      const known = [...byId.keys()]
        .filter((id) => id !== agent.id)
        .sort()
        .slice(0, 6);
      findings.push(
        makeFinding(
          dependencyUnresolved,
          'warning',
          msg(
            'crossDocument.dependsNamesButNo',
            'depends_on names "{dependencyId}", but no agent in the workspace has that id{value}: correct the id or document that agent.',
            {
              dependencyId: dependency.id,
              value: known.length
                ? msg('crossDocument.knownNames', ' (known: {known})', { known: known.join(', ') })
                : '',
            },
          ),
          dependency.range,
          { subject: { kind: 'front-matter', id: 'depends_on' } },
        ),
      );
    }
  }
  return results;
}

/**
 * An orchestration agent's dependencies that are not in production (or retired), reported at the
 * dependency's list item with the timing of production: an error for an orchestrator in
 * production, a warning the stage before. A duplicate id is AD380's to report, not this check's.
 */
function unprovenDependencies(agent: AgentIdentity, byId: ReadonlyMap<string, AgentIdentity[]>): Finding[] {
  if (agent.type !== 'orchestration' || !agent.productionDue) return [];
  const due = agent.productionDue;
  return agent.dependsOn.flatMap((dependency) => {
    const found = byId.get(dependency.id);
    const target = found?.length === 1 ? found[0] : undefined;
    if (!target?.stage || target.stage.standing === 'production' || target === agent) return [];
    const where =
      target.stage.standing === 'retired'
        ? msg('crossDocument.retired', 'is retired')
        : msg('crossDocument.at', 'is at {stageTitle}', { stageTitle: target.stage.title.toLowerCase() });
    const advice =
      target.stage.standing === 'retired'
        ? msg('crossDocument.replaceItRemoveDependency', 'replace it or remove the dependency')
        : msg(
            'crossDocument.takeItProductionFirst',
            'take it to production first, or hold this orchestration agent back until it is there',
          );
    return [
      makeFinding(
        orchestrationDependency,
        due,
        msg(
          'crossDocument.orchestrationAgentDependsWhich',
          'This orchestration agent depends on "{dependencyId}" ({targetLabel}), which {where}: orchestration builds on proven agents; {advice}.',
          { dependencyId: dependency.id, targetLabel: target.label, where, advice },
        ),
        dependency.range,
        { subject: { kind: 'front-matter', id: 'depends_on' } },
      ),
    ];
  });
}

function frontMatterValue(model: DocumentModel, key: string): unknown {
  const data = model.frontMatter?.data;
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>)[key] : undefined;
}

function rangeAt(model: DocumentModel, path: (string | number)[]): Range {
  const frontMatter = model.frontMatter;
  const document = frontMatter?.document ?? frontMatter?.recovered;
  const node = document ? nodeAtPath(document, path) : undefined;
  const span = nodeSpan(node?.value) ?? nodeSpan(node?.key);
  if (!frontMatter || !span) return documentAnchor(model);
  return model.index.rangeOf(frontMatter.contentStart + span[0], frontMatter.contentStart + span[1]);
}

function fileName(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
