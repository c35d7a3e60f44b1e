import type { AnalysisResult } from '../analyze';
import { sourcesMarkdown } from '../catalogue/sources';
import { belongsTo } from '../evaluation/readiness';
import { awaitsSignoff, roleTitles, signerRoles } from '../evaluation/signers';
import { plainId, rowsOf } from '../rules/support';
import type { Position, Range } from '../types';

/**
 * Hover on a Readiness review or waiver row: what the gate item asks, who may sign it at this
 * document's tier (and whether that sign-off is still missing), its sources and framework mappings.
 */
export function gateItemHoverAt(
  result: AnalysisResult,
  position: Position,
): { markdown: string; range: Range } | undefined {
  const model = result.model;
  if (!model) return undefined;
  const row = [...rowsOf(model, 'readiness', 'review'), ...rowsOf(model, 'readiness', 'waivers')].find(
    (candidate) => candidate.row.line === position.line,
  );
  const cell = row?.cell('item');
  if (!row || !cell) return undefined;
  const id = plainId(row.text('item'));
  const applied = result.readiness?.items.find((item) => item.item.id === id);
  const spec = applied?.item ?? model.schemas.gates.gates.flatMap((gate) => gate.items).find((item) => item.id === id);
  if (!spec) return undefined;
  const roles = model.schemas.tiers.roles ?? [];
  const tier = result.readiness?.tier;
  const parts = [`**${spec.title}** (\`${spec.id}\`)`, spec.rationale, `_${spec.hint}_`];
  if (!applied) parts.push(`Does not apply to this document${tier ? ` (${tier})` : ''}.`);
  const signers = applied?.signers ?? signerRoles(spec, tier);
  if (signers.length) {
    const waiting =
      applied &&
      awaitsSignoff(
        applied,
        result.findings.filter((f) => belongsTo(f, applied)).map((f) => f.code),
      );
    const independent = spec.independent ? ' Not the owner or their deputy: someone independent of their work.' : '';
    parts.push(
      `**${waiting ? 'Must still be signed by' : 'May be signed by'}:** ${roleTitles(signers, roles)}${tier ? ` (${tier})` : ''}.${independent}`,
    );
  }
  parts.push(`Sources: ${sourcesMarkdown(spec.sources)}`);
  if (spec.frameworks?.length) parts.push(`Frameworks: ${sourcesMarkdown(spec.frameworks)}`);
  return { markdown: parts.join('\n\n'), range: cell.range };
}
