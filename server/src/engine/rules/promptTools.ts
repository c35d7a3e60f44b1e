import { msg } from '../l10n';
import type { Block } from '../model/blocks';
import type { DocumentModel } from '../model/documentModel';
import type { Range } from '../types';
import { makeFinding, type Rule } from './rule';
import { isNonValue, plainId, rowsOf, sectionSeverity } from './support';
import { tablesOf } from '../model/documentModel';

/** Snake-case words in a prompt read as tool ids ("get_invoice"); prose rarely has them. */
const TOOL_LIKE = /(?<![\w.:-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w-])/g;

export interface PromptMention {
  id: string;
  range: Range;
}

/** Every place a code block of the Prompt section matches `pattern`, with exact ranges. */
export function promptMatches(model: DocumentModel, pattern: RegExp): PromptMention[] {
  const mentions: PromptMention[] = [];
  for (const section of model.sectionsById.get('prompt') ?? []) {
    for (const block of section.blocks.filter(
      (candidate): candidate is Extract<Block, { kind: 'code' }> => candidate.kind === 'code',
    )) {
      // Lines strictly inside the fences: the opening fence is startLine, the closing one endLine - 1.
      for (let line = block.startLine + 1; line < block.endLine; line++) {
        const text = model.index.lineText(line);
        if (/^\s*(```|~~~)/.test(text)) continue;
        for (const match of text.matchAll(
          new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`),
        )) {
          const start = model.index.lineStart(line) + (match.index ?? 0);
          mentions.push({ id: match[0].toLowerCase(), range: model.index.rangeOf(start, start + match[0].length) });
        }
      }
    }
  }
  return mentions;
}

export function toolIdPattern(id: string): RegExp {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.:-])${escaped}(?![\\w-]|[.:]\\w)`, 'gi');
}

export const promptToolUnknown: Rule = {
  code: 'AD316',
  name: 'prompt-tool-unknown',
  description:
    "Every tool id the prompt mentions (snake_case words in the Prompt section's code blocks) is a tool in the Tools table.",
  rationale:
    'A prompt that tells the model to use a tool the Tools section does not document is either stale or hides an integration nobody reviewed for access, side effects and failure behaviour.',
  sources: ['seed:000', 'seed:003', 'OWASP LLM06'],
  howToFix:
    'Add the tool to the Tools table (system, access, side effects, auth, failure behaviour), or correct the prompt to use the documented tool id.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'tools');
    if (!severity || tablesOf(context.model, 'tools', 'tools').length === 0) return [];
    const tools = new Set(
      rowsOf(context.model, 'tools', 'tools')
        .map((row) => plainId(row.text('tool')))
        .filter((id) => id && !isNonValue(id)),
    );
    const seen = new Set<string>();
    return promptMatches(context.model, TOOL_LIKE).flatMap((mention) => {
      if (tools.has(mention.id) || seen.has(mention.id)) return [];
      seen.add(mention.id);
      return [
        makeFinding(
          this,
          severity,
          msg(
            'promptTools.promptRefersToolWhich',
            'The prompt refers to tool "{mentionId}", which is not in the Tools table: document it there (access, side effects, auth, failure behaviour) or use a documented tool id.',
            { mentionId: mention.id },
          ),
          mention.range,
          {
            subject: { kind: 'table', id: `tools.${mention.id}` },
          },
        ),
      ];
    });
  },
};

export const promptWriteTool: Rule = {
  code: 'AD317',
  name: 'write-tool-not-in-prompt',
  description: 'Every tool with write or read-write access is mentioned by its id in the prompt.',
  rationale:
    'A write tool the prompt never mentions is capability the model has without instructions for when to use it: excessive agency. Either the prompt says when to use it or the tool should not be there.',
  sources: ['seed:003', 'OWASP LLM06'],
  howToFix: 'Name the tool in the prompt with the one situation it is for, or remove the tool (least privilege).',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'tools');
    if (!severity || !(context.model.sectionsById.get('prompt') ?? []).length) return [];
    return rowsOf(context.model, 'tools', 'tools').flatMap((row) => {
      const access = plainId(row.text('access'));
      const cell = row.cell('tool');
      const id = plainId(row.text('tool'));
      if (!cell || !id || (access !== 'write' && access !== 'read-write')) return [];
      if (promptMatches(context.model, toolIdPattern(id)).length > 0) return [];
      return [
        makeFinding(
          this,
          severity,
          msg(
            'promptTools.toolAccessButPrompt',
            'Tool "{id}" has {access} access but the prompt never mentions it: say in the prompt when to use it, or remove the tool.',
            { id, access },
          ),
          cell.range,
          {
            subject: { kind: 'table', id: `tools.${id}` },
          },
        ),
      ];
    });
  },
};
