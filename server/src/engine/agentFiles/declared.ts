import { nodeAtPath, nodeSpan, parseFrontMatter } from '../model/frontMatter';
import type { DocumentModel } from '../model/documentModel';
import { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';

/**
 * The files that define the agent, as a document names them in its front matter:
 *
 *   agent_files:
 *     - path: .vscode/mcp.json
 *     - path: prompts/triage.prompt.md
 *       sha256: 3a7b…   # recorded when the eval set last ran (`agentdoc check --record-hashes`)
 */
export type AgentFileKind = 'mcp' | 'tools' | 'agent' | 'prompt' | 'prompt-yml' | 'instructions';

export const AGENT_FILE_KINDS: readonly AgentFileKind[] = [
  'mcp',
  'tools',
  'agent',
  'prompt',
  'prompt-yml',
  'instructions',
];

export interface DeclaredAgentFile {
  /** Position in the agent_files list. */
  index: number;
  /** The path as written, relative to the document. */
  path: string;
  /** The kind the document states; otherwise it is inferred from the file's name and content. */
  kind: AgentFileKind | undefined;
  /** The hash recorded at the last evaluation or sign-off. */
  sha256: string | undefined;
  /** Where the path is written: findings about the file point here. */
  range: Range;
  /** Where the recorded hash is written, when it is. */
  sha256Range: Range | undefined;
}

/** At most this many files are read for one document: a hostile list cannot make the editor read thousands. */
export const MAX_AGENT_FILES = 50;

export function declaredAgentFiles(model: DocumentModel): DeclaredAgentFile[] {
  const data = model.frontMatter?.data;
  const list = data && typeof data === 'object' ? (data as Record<string, unknown>)['agent_files'] : undefined;
  if (!Array.isArray(list)) return [];
  const declared: DeclaredAgentFile[] = [];
  list.slice(0, MAX_AGENT_FILES).forEach((entry, index) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return;
    const record = entry as Record<string, unknown>;
    const path = record['path'];
    if (typeof path !== 'string' || path.trim() === '') return;
    const kind = record['kind'];
    const sha256 = record['sha256'];
    declared.push({
      index,
      path: path.trim(),
      kind:
        typeof kind === 'string' && (AGENT_FILE_KINDS as readonly string[]).includes(kind)
          ? (kind as AgentFileKind)
          : undefined,
      sha256: typeof sha256 === 'string' && sha256.trim() !== '' ? sha256.trim().toLowerCase() : undefined,
      range:
        valueRange(model, ['agent_files', index, 'path']) ??
        valueRange(model, ['agent_files', index]) ??
        model.index.trimmedLineRange(0),
      sha256Range: valueRange(model, ['agent_files', index, 'sha256']),
    });
  });
  return declared;
}

/** The range of a front-matter value by its path (list items by number), trimmed to its first line. */
export function valueRange(model: DocumentModel, path: readonly (string | number)[]): Range | undefined {
  const frontMatter = model.frontMatter;
  if (!frontMatter?.document) return undefined;
  const node = nodeAtPath(frontMatter.document, path);
  const span = nodeSpan(node?.value);
  if (!span) return undefined;
  const start = model.index.positionAt(frontMatter.contentStart + span[0]);
  const end = model.index.positionAt(frontMatter.contentStart + span[1]);
  return end.line > start.line ? { start, end: model.index.trimmedLineRange(start.line).end } : { start, end };
}

/**
 * The paths a document's text names, without building the whole model: the pipeline reads these
 * files before the analysis. Most documents name none, and then only a substring search runs.
 */
export function agentFilePaths(text: string): string[] {
  if (!text.includes('agent_files')) return [];
  const frontMatter = parseFrontMatter(new LineIndex(text));
  const data = frontMatter?.data;
  const list = data && typeof data === 'object' ? (data as Record<string, unknown>)['agent_files'] : undefined;
  if (!Array.isArray(list)) return [];
  return list.slice(0, MAX_AGENT_FILES).flatMap((entry) => {
    const path = entry && typeof entry === 'object' ? (entry as Record<string, unknown>)['path'] : undefined;
    return typeof path === 'string' && path.trim() !== '' ? [path.trim()] : [];
  });
}
