import {
  CodeActionKind,
  CompletionItemKind,
  DocumentSymbol,
  SymbolKind,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type DocumentLink,
  type FoldingRange,
  type Hover,
  type Location,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  assemblePrompt,
  buildSymbolIndex,
  completionsAt,
  definitionAt,
  documentOutline,
  evidenceLinks,
  fixAll,
  foldingSpans,
  hoverAt,
  preferredName,
  quickFixes,
  referencesAt,
  type AnalysisResult,
  type CompletionOption,
  matchesMsg,
  type FixPlan,
  type OutlineSymbol,
  type Range,
} from '../engine';
import { toDiagnostic } from './convert';

/** Translation only: engine results in, LSP shapes out. */

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.agentdoc`;

/**
 * Waiver rows are quick fixes of their own kind, so the checklist's "Add a waiver" finds them in
 * any language (it used to look for the English title).
 */
export const WAIVER_KIND = `${CodeActionKind.QuickFix}.agentdoc.waiver`;

function isWaiverFix(plan: FixPlan): boolean {
  return matchesMsg(plan.title, 'waiverInsertion.addWaiver', 'Add a waiver for "{itemId}"');
}

function toAction(document: TextDocument, plan: FixPlan, kind: string): CodeAction {
  const edits: TextEdit[] = plan.insertions.map((insertion) => ({
    range: { start: insertion.position, end: insertion.replaces ?? insertion.position },
    newText: insertion.text,
  }));
  return {
    title: plan.title,
    kind: kind === CodeActionKind.QuickFix && isWaiverFix(plan) ? WAIVER_KIND : kind,
    diagnostics: plan.findings.map(toDiagnostic),
    isPreferred: plan.preferred,
    // The version pins the edit to the text it was computed for; a stale edit is refused.
    edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] },
  };
}

/** `x.agent.md` → `x.agentdoc.md`: the suffix no other tool claims (VS Code uses *.agent.md for chat agents). */
function renameAction(uri: string): CodeAction | undefined {
  const slash = uri.lastIndexOf('/');
  const renamed = preferredName(uri.slice(slash + 1));
  if (!renamed) return undefined;
  return {
    title: `Rename to ${renamed} (the agentdoc suffix; VS Code uses *.agent.md for its chat agents)`,
    kind: CodeActionKind.RefactorRewrite,
    edit: { documentChanges: [{ kind: 'rename', oldUri: uri, newUri: `${uri.slice(0, slash + 1)}${renamed}` }] },
  };
}

export function codeActions(
  document: TextDocument,
  result: AnalysisResult,
  range: Range,
  only: string[] | undefined,
): CodeAction[] {
  const wants = (kind: string) =>
    !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix))
    actions.push(...quickFixes(result, range).map((plan) => toAction(document, plan, CodeActionKind.QuickFix)));
  const rename = wants(CodeActionKind.RefactorRewrite) ? renameAction(document.uri) : undefined;
  if (rename) actions.push(rename);
  if (wants(FIX_ALL_KIND)) {
    const all = fixAll(result);
    if (all) actions.push(toAction(document, all, FIX_ALL_KIND));
  }
  return actions;
}

const SYMBOL_KIND: Record<OutlineSymbol['kind'], SymbolKind> = {
  'front-matter': SymbolKind.Object,
  title: SymbolKind.File,
  section: SymbolKind.Module,
  subsection: SymbolKind.Key,
};

export function documentSymbols(result: AnalysisResult): DocumentSymbol[] {
  const convert = (symbol: OutlineSymbol): DocumentSymbol =>
    DocumentSymbol.create(
      symbol.name,
      symbol.detail,
      SYMBOL_KIND[symbol.kind],
      symbol.range,
      symbol.selectionRange,
      symbol.children.map(convert),
    );
  return result.model ? documentOutline(result.model).map(convert) : [];
}

export function foldingRanges(result: AnalysisResult): FoldingRange[] {
  return result.model
    ? foldingSpans(result.model).map((span) => ({ startLine: span.startLine, endLine: span.endLine }))
    : [];
}

export function hover(result: AnalysisResult, position: Range['start']): Hover | null {
  const info = hoverAt(result, position);
  return info ? { contents: { kind: 'markdown', value: info.markdown }, range: info.range } : null;
}

const COMPLETION_KIND: Record<CompletionOption['kind'], CompletionItemKind> = {
  section: CompletionItemKind.Module,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  id: CompletionItemKind.Reference,
};

export function completions(uri: string, result: AnalysisResult, position: Range['start']): CompletionItem[] {
  if (!result.model) return [];
  return completionsAt(result.model, position).map((option) => ({
    label: option.label,
    kind: COMPLETION_KIND[option.kind],
    sortText: option.sortText,
    // The client filters on the text from the range start (column 0), so a section item filters as "## Title".
    filterText: option.filterText ?? option.label,
    textEdit: { range: option.range, newText: option.insertText },
    ...(option.goTo
      ? { command: { title: 'Go to the section', command: 'agentdoc.revealItem', arguments: [uri, option.goTo] } }
      : {}),
    ...(option.detail ? { detail: option.detail } : {}),
    ...(option.documentation ? { documentation: { kind: 'markdown' as const, value: option.documentation } } : {}),
  }));
}

export function definition(uri: string, result: AnalysisResult, position: Range['start']): Location | null {
  if (!result.model) return null;
  const range = definitionAt(buildSymbolIndex(result.model), position);
  return range ? { uri, range } : null;
}

export function references(
  uri: string,
  result: AnalysisResult,
  position: Range['start'],
  includeDeclaration: boolean,
): Location[] {
  if (!result.model) return [];
  return referencesAt(buildSymbolIndex(result.model), position, includeDeclaration).map((range) => ({ uri, range }));
}

/**
 * The readiness summary at the top, and on the Prompt heading the assembled prompt's token count
 * (resolved lazily: counting loads the tokenizer).
 */
export function codeLenses(result: AnalysisResult, uri: string): CodeLens[] {
  if (!result.readiness || !result.model) return [];
  const tier = result.facts.tier ? ` · ${result.facts.tier}` : '';
  const lenses: CodeLens[] = [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      command: {
        title: `agentdoc: ${result.verdict.phrase}${tier}`,
        command: 'agentdoc.showChecklist',
        arguments: [uri],
      },
    },
  ];
  const prompt = assemblePrompt(result.model);
  if (prompt) lenses.push({ range: prompt.anchor, data: { uri, kind: 'prompt-tokens' } });
  return lenses;
}

export function resolvePromptLens(
  lens: CodeLens,
  result: AnalysisResult | undefined,
  countTokens: ((text: string) => number) | undefined,
): CodeLens {
  const prompt = result?.model && assemblePrompt(result.model);
  if (!prompt) return { ...lens, command: { title: 'Prompt: no prompt parts', command: '' } };
  // The web extension ships without the tokenizer's encoding tables (2.7 MB).
  if (!countTokens)
    return {
      ...lens,
      command: {
        title: `Prompt: ${prompt.parts} part${prompt.parts === 1 ? '' : 's'} · token count in the desktop extension and the CLI`,
        command: '',
      },
    };
  const tokens = countTokens(prompt.text);
  return {
    ...lens,
    command: {
      title: `≈ ${tokens.toLocaleString('en-US')} tokens (o200k_base: GPT-4o / GPT-4.1 / o-series tokenizer) · ${prompt.parts} part${prompt.parts === 1 ? '' : 's'}`,
      command: '',
    },
  };
}

/**
 * Evidence links as document links. VS Code opens a document link with commands enabled, so only
 * two kinds ever become one: http(s) URLs, and relative paths that `fileTarget` resolves to a
 * file inside the workspace. A `command:`, `file:` or any other scheme, an absolute path or a
 * path that climbs out is no link (AD365 reports the broken ones).
 */
export function documentLinks(
  result: AnalysisResult,
  fileTarget: (target: string) => string | undefined,
): DocumentLink[] {
  if (!result.model) return [];
  return evidenceLinks(result.model).flatMap((link) => {
    const target = link.external ? webLink(link.target) : fileTarget(link.target);
    return target
      ? [{ range: link.range, target, tooltip: link.external ? 'Open the evidence' : 'Open the evidence file' }]
      : [];
  });
}

function webLink(target: string): string | undefined {
  try {
    const url = new URL(target);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
