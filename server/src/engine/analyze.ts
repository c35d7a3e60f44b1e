import { Facts } from './evaluation/facts';
import { buildModel, type DocumentModel } from './model/documentModel';
import { parseIsoDate } from './model/values';
import { evaluateReadiness, type Readiness } from './evaluation/readiness';
import { allRules } from './rules';
import type { Rule, RuleContext } from './rules/rule';
import { bundledSchemas } from './schemaData/bundled';
import type { SchemaSet } from './schemaData/types';
import { StageLadder } from './evaluation/stages';
import { severityRank, type Finding } from './types';
import { validatorsFor } from './evaluation/validators';
import { keepSafeFixes } from './fixes/insertionSafety';

export interface AnalyzeOptions {
  schemas?: SchemaSet;
  rules?: readonly Rule[];
  /** Today as YYYY-MM-DD; defaults to the current UTC date. */
  today?: string;
  /** Larger documents get one "too large" finding instead of analysis. */
  maxBytes?: number;
  /**
   * Check readiness as if the document were at this stage (a stage id from the gates), e.g. to
   * ask in CI "is this pilot ready for canary?". Unknown ids are ignored; callers validate them.
   */
  stageOverride?: string;
  /**
   * Whether a file a document links to exists, given the link as written (relative to the
   * document). Injected by the caller (server, CLI), which also decides what lies outside the
   * workspace; without it, evidence links are not checked.
   */
  fileExists?: (relativePath: string) => boolean;
  /** Guards against hostile input; the defaults suit any real document. */
  limits?: AnalysisLimits;
}

export interface AnalysisLimits {
  /** Front matter nested deeper than this is not read (one finding instead). */
  maxYamlDepth?: number;
  /** More findings than this from one rule are summed up in one. */
  maxFindingsPerRule?: number;
}

export interface AnalysisResult {
  findings: Finding[];
  model: DocumentModel | undefined;
  readiness: Readiness | undefined;
}

export const DEFAULT_MAX_BYTES = 5_000_000;

/** Text in, findings out: the one entry point the language server, the CLI and the tests share. */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  const guard = inputGuard(text, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (guard) return { findings: [guard], model: undefined, readiness: undefined };
  try {
    return analyzeText(text, options);
  } catch (error) {
    // Rules are contained one by one below; this catches a failure before them (model, facts,
    // readiness), which would otherwise escape into the language server's event loop and end it.
    const reason = error instanceof Error ? error.message : String(error);
    const finding: Finding = {
      code: 'AD900',
      rule: 'internal-error',
      severity: 'error',
      message: `agentdoc could not read this document: ${reason}. Please report this.`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    };
    return { findings: [finding], model: undefined, readiness: undefined };
  }
}

function analyzeText(text: string, options: AnalyzeOptions): AnalysisResult {
  const schemas = options.schemas ?? bundledSchemas;
  const model = buildModel(text, schemas, options.limits?.maxYamlDepth);
  const facts = new Facts(model);
  const ladder = new StageLadder(schemas.gates);
  const today = parseIsoDate(options.today ?? new Date().toISOString().slice(0, 10)) ?? 0;
  const evaluated = evaluateReadiness(model, facts, ladder, today);
  // Severity follows context.stage everywhere, so overriding the stage here is enough for every rule.
  const override = ladder.get(options.stageOverride);
  const readiness: Readiness = override ? { ...evaluated, stage: override, next: ladder.next(override) } : evaluated;
  const context: RuleContext = {
    model,
    facts,
    ladder,
    stage: readiness.stage,
    readiness,
    validators: validatorsFor(schemas),
    today,
    ...(options.fileExists ? { fileExists: options.fileExists } : {}),
  };
  const findings: Finding[] = [];
  for (const rule of options.rules ?? allRules) {
    try {
      findings.push(...capped(rule, rule.check(context), options.limits?.maxFindingsPerRule));
    } catch (error) {
      // A broken rule must not hide the others' findings or take the server down.
      findings.push({
        code: 'AD900',
        rule: 'internal-error',
        severity: 'error',
        message: `agentdoc could not run rule ${rule.code} (${rule.name}) on this document: ${error instanceof Error ? error.message : String(error)}. Other rules ran normally; please report this.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }
  return { findings: sortFindings(keepSafeFixes(model, findings)), model, readiness };
}

/** More findings than this from one rule are summed up: editors choke on 50,000 diagnostics. */
export const MAX_FINDINGS_PER_RULE = 1000;

/**
 * A rule's findings, at most MAX_FINDINGS_PER_RULE of them (the first in document order) plus one
 * saying how many more there are. Besides sparing the editor, this keeps the caller's
 * push(...spread) small: 100,000 arguments (one per row of a huge table) overflow the call stack.
 */
function capped(rule: Rule, found: Finding[], max = MAX_FINDINGS_PER_RULE): Finding[] {
  if (found.length <= max) return found;
  const kept = sortFindings(found).slice(0, max);
  const next = found[max];
  const more = found.length - max;
  kept.push({
    code: rule.code,
    rule: rule.name,
    severity: 'information',
    message: `${more.toLocaleString('en-US')} more ${rule.code} (${rule.name}) findings in this document are not listed; fix the ones shown first.`,
    range: next?.range ?? kept[kept.length - 1]!.range,
  });
  return kept;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      severityRank[a.severity] - severityRank[b.severity] ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

function inputGuard(text: string, maxBytes: number): Finding | undefined {
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const bytes = utf8Length(text, maxBytes);
  if (bytes > maxBytes) {
    return {
      code: 'AD901',
      rule: 'document-too-large',
      severity: 'warning',
      message: `This document is ${Math.round(bytes / 1000).toLocaleString('en-US')} kB, above the ${Math.round(maxBytes / 1000).toLocaleString('en-US')} kB limit (setting agentdoc.maxDocumentBytes), so it was not checked.`,
      range: zero,
    };
  }
  const sample = text.slice(0, 8000);
  const nul = sample.indexOf('\u0000');
  if (nul >= 0) {
    return {
      code: 'AD902',
      rule: 'not-text',
      severity: 'warning',
      message: 'This file holds binary data (NUL bytes), not text, so it was not checked.',
      range: zero,
    };
  }
  // Binary without NULs (e.g. compressed data decoded as UTF-8) shows up as control characters and
  // U+FFFD replacement characters; no text document has them as a tenth of its first 8,000.
  const garbage = sample.match(/[\u0001-\u0008\u000E-\u001F\u007F\uFFFD]/g)?.length ?? 0;
  if (sample.length >= 64 && garbage * 10 > sample.length) {
    return {
      code: 'AD902',
      rule: 'not-text',
      severity: 'warning',
      message: 'This file holds binary data (control or undecodable characters), not text, so it was not checked.',
      range: zero,
    };
  }
  return undefined;
}

/**
 * UTF-8 size of the text, as the setting is in bytes. A string cannot be smaller in UTF-8 than its
 * UTF-16 length suggests for ASCII, nor more than 3 bytes per unit, so most texts need no count.
 */
function utf8Length(text: string, limit: number): number {
  // UTF-8 never takes fewer bytes than UTF-16 code units, nor more than three per unit.
  if (text.length * 3 <= limit || text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
