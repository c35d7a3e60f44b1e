import type { DocumentModel } from '../model/documentModel';
import type { Range } from '../types';

export interface AssembledPrompt {
  /** The prompt parts' code blocks joined in document order, as the model would receive them. */
  text: string;
  parts: number;
  /** The Prompt section's heading, where a code lens shows the count. */
  anchor: Range;
}

export function assemblePrompt(model: DocumentModel): AssembledPrompt | undefined {
  const section = model.sectionsById.get('prompt')?.[0];
  if (!section) return undefined;
  const blocks = section.blocks.flatMap((block) => (block.kind === 'code' ? [block.content] : []));
  if (blocks.length === 0) return undefined;
  return { text: blocks.join('\n'), parts: section.subsections.length || blocks.length, anchor: section.heading.range };
}
