import { msg } from '../l10n';
import type { Block } from '../model/blocks';
import type { DocumentModel } from '../model/documentModel';
import { hasWrittenContent } from '../model/sectionStatus';
import type { Range } from '../types';
import { makeFinding, type Rule } from './rule';
import { isNonValue, plainId, rowsOf, sectionSeverity } from './support';
import { tablesOf } from '../model/documentModel';

/** Snake-case words in a prompt read as tool ids ("get_invoice"); prose rarely has them. */
export const TOOL_LIKE = /(?<![\w.:-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w-])/g;

export interface PromptMention {
  id: string;
  range: Range;
}

/** Every place a code block of the Prompt section matches `pattern`, with exact ranges. */
export function promptMatches(model: DocumentModel, pattern: RegExp): PromptMention[] {
  const mentions: PromptMention[] = [];
  for (const section of model.sectionsById.get('prompt') ?? []) {
    for (const block of section.blocks) {
      if (block.kind !== 'code') continue;
      for (const mention of blockMatches(model, block, pattern)) mentions.push(mention);
    }
  }
  return mentions;
}

/**
 * The matches in one code block, kept by the block's identity and the pattern: the parser hands
 * out the same block object only for the same text at the same lines (model/chunkedBlocks.ts),
 * so an edit elsewhere in the prompt section does not scan this block again.
 */
const matchesByBlock = new WeakMap<Block, Map<string, PromptMention[]>>();
/** Patterns remembered per block: tool-id patterns are made per call, so they are keyed by their source. */
const PATTERNS_PER_BLOCK = 64;

function blockMatches(model: DocumentModel, block: Extract<Block, { kind: 'code' }>, pattern: RegExp): PromptMention[] {
  let byPattern = matchesByBlock.get(block);
  const key = `${pattern.flags}/${pattern.source}`;
  const known = byPattern?.get(key);
  if (known) return known;
  const mentions: PromptMention[] = [];
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  // Lines strictly inside the fences: the opening fence is startLine, the closing one endLine - 1.
  for (let line = block.startLine + 1; line < block.endLine; line++) {
    const text = model.index.lineText(line);
    if (/^\s*(```|~~~)/.test(text)) continue;
    for (const match of text.matchAll(global)) {
      const start = model.index.lineStart(line) + (match.index ?? 0);
      mentions.push({ id: match[0].toLowerCase(), range: model.index.rangeOf(start, start + match[0].length) });
    }
  }
  if (!byPattern) {
    byPattern = new Map();
    matchesByBlock.set(block, byPattern);
  }
  if (byPattern.size >= PATTERNS_PER_BLOCK) byPattern.clear();
  byPattern.set(key, mentions);
  return mentions;
}

/**
 * The snake_case words of the prompt that may name tools: not the fields of an output format the
 * prompt asks for (JSON or YAML keys, "- field (type)" lists, a schema's required list), not template
 * variables ({customer_name}), and not those field names where the prose mentions them again
 * ("set needs_review to true when …").
 */
export function promptToolMentions(model: DocumentModel): PromptMention[] {
  const mentions = promptMatches(model, TOOL_LIKE).map((mention) => ({
    ...mention,
    line: model.index.lineText(mention.range.start.line),
  }));
  const fieldLines = new Set<number>();
  const fields = new Set<string>();
  for (const mention of mentions) {
    if (!isOutputField(mention.line, mention.range.start.character, mention.id)) continue;
    fields.add(mention.id);
    fieldLines.add(mention.range.start.line);
  }
  // On a line that defines a field, the other snake_case words are its values ("next_step (enum):
  // post, hold or ask_buyer"), and so are those words where the prose uses them again.
  for (const mention of mentions) if (fieldLines.has(mention.range.start.line)) fields.add(mention.id);
  return mentions
    .filter((mention) => !fields.has(mention.id) && !isTemplateVariable(mention.line, mention.range.start.character))
    .map(({ id, range }) => ({ id, range }));
}

const TYPE_WORD =
  /^(?:string|str|number|integer|int|float|decimal|boolean|bool|array|list|object|date|datetime|timestamp|enum|text|null|true|false|yes\/no|true\/false|one of|iso[ -]?8601|uuid|url|email|currency)\b/i;

/**
 * A field of an output format: a quoted key (`"field":`), a bare key at the start of a line whose
 * value is a type or a literal (`field: number`, `- field: "…"`), a bulleted field with its type
 * (`- field (boolean)`), or an entry of a JSON schema's "required" / "enum" list. A tool list
 * ("- get_invoice: look up an invoice") is prose after the colon, so it stays a mention.
 */
function isOutputField(line: string, column: number, id: string): boolean {
  const before = line.slice(0, column);
  const after = line.slice(column + id.length);
  if (/["']$/.test(before) && /^["']\s*:/.test(after)) return true;
  const value = /^\s*:\s*(.*)$/.exec(after)?.[1];
  if (value !== undefined && /^\s*(?:-\s+)?$/.test(before)) {
    if (value === '' || TYPE_WORD.test(value) || /^(?:["'<[{]|-?\d)/.test(value) || /\s\|\s/.test(value)) return true;
  }
  if (/^\s*(?:[-*+]|\d+[.)])\s*`?$/.test(before)) {
    const type = /^`?\s*\(([^)]*)\)/.exec(after)?.[1];
    if (type !== undefined && TYPE_WORD.test(type.trim())) return true;
  }
  return /"(?:required|enum)"\s*:\s*\[[^\]]*"$/.test(before) && /^"/.test(after);
}

function isTemplateVariable(line: string, column: number): boolean {
  return /\{\{?\s*$/.test(line.slice(0, column)) || /<\s*$/.test(line.slice(0, column));
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
    return promptToolMentions(context.model).flatMap((mention) => {
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
    // A prompt not written yet (missing, empty, or still its template) mentions nothing: that is
    // AD100/AD101/AD102's finding, not one per write tool (inserting the template must not add them).
    const prompts = context.model.sectionsById.get('prompt') ?? [];
    if (!severity || !prompts.some((section) => hasWrittenContent(context.model, section))) return [];
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
