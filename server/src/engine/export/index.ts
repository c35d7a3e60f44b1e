import type { AnalysisResult } from '../analyze';
import { agentCard } from './agentCard';
import { annexIv } from './annexIv';
import { backstageEntity, renderEntities } from './backstage';
import { slug } from './documentFacts';

export type ExportFormat = 'annex-iv' | 'a2a' | 'backstage';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['annex-iv', 'a2a', 'backstage'];

export interface ExportResult {
  text: string;
  fileName: string;
  gaps: string[];
  /** Where the export does not validate against its published schema (vendored in schemas/vendor). */
  problems: string[];
}

const SUFFIX: Record<ExportFormat, string> = {
  'annex-iv': '.annex-iv.md',
  a2a: '.agent-card.json',
  backstage: '.catalog-info.yaml',
};

/**
 * One document's export from its full analysis (the model is needed): EU AI Act Annex IV
 * technical documentation (Markdown), an A2A Agent Card (JSON) or a Backstage Component entity
 * (YAML). Undefined when the document was not analysed.
 */
export function exportDocument(
  result: AnalysisResult,
  format: ExportFormat,
  options: { fileName: string; date: string },
): ExportResult | undefined {
  const model = result.model;
  if (!model) return undefined;
  const source = { model, result, fileName: options.fileName, date: options.date };
  const fileName = `${exportBaseName(result.facts.id, options.fileName)}${SUFFIX[format]}`;
  if (format === 'annex-iv') {
    const { text, gaps } = annexIv(source);
    return { text, fileName, gaps, problems: [] };
  }
  if (format === 'a2a') {
    const { card, gaps, problems } = agentCard(source);
    return { text: `${JSON.stringify(card, null, 2)}\n`, fileName, gaps, problems };
  }
  const { entity, gaps, problems } = backstageEntity(source);
  return { text: renderEntities([entity]), fileName, gaps, problems };
}

export { renderEntities };

const SAFE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The file name an export is written under. The id is the document's own text, so it may be
 * hostile (`../../.bashrc`, `C:\\x`, a reserved name): an id the schema would accept is used as
 * it is, anything else is reduced to a slug, and then the document's file name is the fallback.
 */
export function exportBaseName(id: string | undefined, documentFileName: string): string {
  const fromId = id === undefined ? '' : SAFE_ID.test(id) ? id : slug(id);
  const base = fromId || slug(documentFileName.replace(/(\.agentdoc|\.agent)?\.md$/i, '')) || 'agent';
  // Windows refuses these names whatever the extension.
  return WINDOWS_RESERVED.test(base) ? `${base}-agent` : base;
}

const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
