import { msg } from './l10n';
import type { AgentFileSet } from './agentFiles/read';
import { internalError } from './catalogue/engineCodes';
import { applySeverityOverrides } from './config/severity';
import type { SeverityOverrides } from './config/types';
import { Facts } from './evaluation/facts';
import { evaluateReadiness, settleItems, type Readiness } from './evaluation/readiness';
import { foldRootCauses } from './evaluation/rootCauses';
import { StageLadder } from './evaluation/stages';
import { validatorsFor } from './evaluation/validators';
import { registryFacts, type RegistryFacts } from './evaluation/registry';
import { computeVerdict, type Verdict } from './evaluation/verdict';
import { keepSafeFixes } from './fixes/insertionSafety';
import { inputGuard, undecodedText } from './inputGuard';
import { buildModel, type DocumentModel } from './model/documentModel';
import { parseIsoDate } from './model/values';
import { allRules } from './rules';
import { makeFinding, type Rule, type RuleContext } from './rules/rule';
import { ruleRunnerReusing } from './rules/ruleResultCache';
import { bundledSchemas } from './schemaData/bundled';
import type { SchemaSet, StageSpec } from './schemaData/types';
import { severityRank, type Finding, type Severity } from './types';

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
  /**
   * The files that define the agent (prompt files, MCP configuration…), read through the host by
   * the pipeline before the analysis (engine/agentFiles/read.ts). Without them the drift checks
   * (AD420-AD429) are not run.
   */
  agentFiles?: AgentFileSet;
  /** A config's `rules` severities, applied to every finding after the rules ran. */
  overrides?: SeverityOverrides;
  /** Guards against hostile input; the defaults suit any real document. */
  limits?: AnalysisLimits;
  /**
   * Reuse rule results from the previous texts when nothing a rule read changed (an editor
   * checking a document as it is typed). Only the time differs: each rule then runs watched, which
   * costs a little when every text is new, as in the CLI.
   */
  reuseRuleResults?: boolean;
}

export interface AnalysisLimits {
  /** Front matter nested deeper than this is not read (one finding instead). */
  maxYamlDepth?: number;
  /** More findings than this with one code are summed up in one. */
  maxFindingsPerRule?: number;
}

/** Who the agent is, for the portfolio, the report and the CLI: read once, kept when the model is not. */
export interface DocumentFacts {
  id: string | undefined;
  name: string | undefined;
  owner: string | undefined;
  tier: string | undefined;
  /** The stage as written, also when the gates do not know it. */
  declaredStage: string | undefined;
  /** The registry entry (type, sponsor, metrics, retirement, review timing, cost, former owners). */
  registry: RegistryFacts | undefined;
}

export interface AnalysisResult {
  /** Final findings: sorted, the config's overrides applied. */
  findings: Finding[];
  facts: DocumentFacts;
  /** The model and readiness items; absent when the text was not analysed, or in a compact result. */
  model: DocumentModel | undefined;
  readiness: Readiness | undefined;
  /** The stage the document is judged at (its own, or the override); undefined when unknown. */
  stage: StageSpec | undefined;
  verdict: Verdict;
}

export const DEFAULT_MAX_BYTES = 5_000_000;
const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const NO_FACTS: DocumentFacts = {
  id: undefined,
  name: undefined,
  owner: undefined,
  tier: undefined,
  declaredStage: undefined,
  registry: undefined,
};

/** Text in, findings out: the one entry point the language server, the CLI and the tests share. */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  const guard = inputGuard(text, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (guard) return notAnalysed(guard, options.overrides);
  try {
    return analyzeText(text, options);
  } catch (error) {
    // Rules are contained one by one below; this catches a failure before them (model, facts,
    // readiness), which would otherwise escape into the language server's event loop and end it.
    const reason = error instanceof Error ? error.message : String(error);
    const finding = makeFinding(
      internalError,
      'error',
      msg('analyze.agentdocCouldNotRead', 'agentdoc could not read this document: {reason}. Please report this.', {
        reason,
      }),
      ZERO,
    );
    return notAnalysed(finding, options.overrides);
  }
}

/** The result for text that was not analysed: one finding says why. */
export function notAnalysed(finding: Finding, overrides: SeverityOverrides | undefined): AnalysisResult {
  const findings = overrides ? applySeverityOverrides([finding], overrides) : [finding];
  const verdict: Verdict = {
    ...computeVerdict(findings, undefined, new StageLadder(bundledSchemas.gates)),
    phrase: msg('analyze.notChecked', 'Not checked'),
  };
  return { findings, facts: NO_FACTS, model: undefined, readiness: undefined, stage: undefined, verdict };
}

/** The model and everything the rules are given for a text, before any rule runs. */
export function ruleContextFor(text: string, options: AnalyzeOptions = {}): RuleContext {
  const schemas = options.schemas ?? bundledSchemas;
  const model = buildModel(text, schemas, options.limits?.maxYamlDepth);
  const facts = new Facts(model);
  const ladder = new StageLadder(schemas.gates);
  const today = parseIsoDate(options.today ?? new Date().toISOString().slice(0, 10)) ?? 0;
  const evaluated = evaluateReadiness(model, facts, ladder, today);
  // Severity follows context.stage everywhere, so overriding the stage here is enough for every rule.
  const override = ladder.get(options.stageOverride);
  const readiness: Readiness = override ? { ...evaluated, stage: override, next: ladder.next(override) } : evaluated;
  return {
    model,
    facts,
    ladder,
    stage: readiness.stage,
    readiness,
    validators: validatorsFor(schemas),
    today,
    ...(options.fileExists ? { fileExists: options.fileExists } : {}),
    ...(options.agentFiles ? { agentFiles: options.agentFiles } : {}),
  };
}

function analyzeText(text: string, options: AnalyzeOptions): AnalysisResult {
  const context = ruleContextFor(text, options);
  const { model, facts, ladder, readiness, today } = context;
  const found: Finding[] = [];
  const runRule = options.reuseRuleResults
    ? ruleRunnerReusing(context)
    : (_rule: Rule, run: (seen: RuleContext) => Finding[]) => run(context);
  for (const rule of options.rules ?? allRules) {
    try {
      for (const finding of runRule(rule, (seen) => rule.check(seen))) found.push(finding);
    } catch (error) {
      // A broken rule must not hide the others' findings or take the server down.
      const reason = error instanceof Error ? error.message : String(error);
      found.push(
        makeFinding(
          internalError,
          'error',
          msg(
            'analyze.agentdocCouldNotRun',
            'agentdoc could not run rule {ruleCode} ({ruleName}) on this document: {reason}. Other rules ran normally; please report this.',
            { ruleCode: rule.code, ruleName: rule.name, reason },
          ),
          ZERO,
        ),
      );
    }
  }
  const undecoded = undecodedText(text, (offset) => model.index.positionAt(offset));
  if (undecoded) found.push(undecoded);
  // Capped after folding: findings that wait on a root cause are neither listed nor counted as hidden.
  const roots = capped(foldRootCauses(found, { model, readiness, ladder, stage: readiness.stage }), options.limits);
  const findings = sortFindings(applySeverityOverrides(keepSafeFixes(model, roots), options.overrides ?? {}));
  const stage = ladder.get(options.stageOverride) ?? ladder.get(facts.stage);
  return {
    findings,
    facts: documentFacts(model, facts, readiness, today),
    model,
    readiness: settleItems(readiness, findings, ladder),
    stage,
    verdict: computeVerdict(findings, stage, ladder),
  };
}

/**
 * The same analysis with further findings about the document (the cross-document checks): merged,
 * the config's overrides applied to them too, the verdict recomputed over all of them.
 */
export function withFindings(
  result: AnalysisResult,
  extra: readonly Finding[],
  overrides: SeverityOverrides,
  schemas: SchemaSet,
): AnalysisResult {
  if (extra.length === 0) return result;
  const findings = sortFindings([...result.findings, ...applySeverityOverrides(extra, overrides)]);
  const ladder = new StageLadder(schemas.gates);
  const readiness = result.readiness && settleItems(result.readiness, findings, ladder);
  return { ...result, findings, readiness, verdict: computeVerdict(findings, result.stage, ladder) };
}

/** The result without its model and items: what an index or a worker thread keeps and sends. */
export function compactResult(result: AnalysisResult): AnalysisResult {
  const findings = result.findings.map(({ fixes: _fixes, ...finding }) => finding);
  return { ...result, findings, model: undefined, readiness: undefined };
}

function documentFacts(model: DocumentModel, facts: Facts, readiness: Readiness, today: number): DocumentFacts {
  const data = facts.frontMatter;
  const owner = data['owner'];
  return {
    id: text(data['id']),
    name: text(data['name']) ?? model.title?.text,
    owner: owner && typeof owner === 'object' ? text((owner as Record<string, unknown>)['name']) : undefined,
    tier: readiness.tier,
    declaredStage: text(data['stage']),
    registry: registryFacts(data, model.schemas.policy, today),
  };
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** More findings than this with one code are summed up: editors choke on 50,000 diagnostics. */
export const MAX_FINDINGS_PER_RULE = 1000;

/**
 * At most MAX_FINDINGS_PER_RULE findings per code (the first in document order), plus one saying
 * how many more there are, as severe and as early-blocking as the worst it stands for, so the cap
 * never changes the verdict.
 */
function capped(findings: Finding[], limits: AnalysisLimits | undefined): Finding[] {
  const max = limits?.maxFindingsPerRule ?? MAX_FINDINGS_PER_RULE;
  const byCode = new Map<string, Finding[]>();
  for (const finding of findings) {
    const same = byCode.get(finding.code);
    if (same) same.push(finding);
    else byCode.set(finding.code, [finding]);
  }
  if ([...byCode.values()].every((same) => same.length <= max)) return findings;
  return [...byCode.values()].flatMap((same) => (same.length <= max ? same : summedUp(same, max)));
}

function summedUp(findings: Finding[], max: number): Finding[] {
  const sorted = sortFindings(findings);
  const kept = sorted.slice(0, max);
  const hidden = sorted.slice(max);
  const worst = hidden.reduce<Severity>(
    (best, finding) => (severityRank[finding.severity] < severityRank[best] ? finding.severity : best),
    'hint',
  );
  const fixed = hidden.some((finding) => finding.blocks === undefined && finding.severity === 'error');
  const blocks = fixed ? undefined : hidden.find((finding) => finding.severity === worst)?.blocks;
  const { code, rule } = kept[0]!;
  kept.push({
    code,
    rule,
    severity: worst,
    message: msg(
      'analyze.moreFindingsDocumentNot',
      '{count} more {ruleCode} ({ruleName}) findings in this document are not listed; fix the ones shown first.',
      { count: hidden.length.toLocaleString('en-US'), ruleCode: code, ruleName: rule },
    ),
    range: hidden[0]?.range ?? kept[kept.length - 1]!.range,
    ...(blocks !== undefined ? { blocks } : {}),
  });
  return kept;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      severityRank[a.severity] - severityRank[b.severity] ||
      byCodeUnits(a.code, b.code) ||
      byCodeUnits(a.message, b.message),
  );
}

/**
 * Plain UTF-16 order: localeCompare follows the process's ICU locale, so two machines (or the CLI
 * and an editor started with another LANG) could list the same findings in another order.
 */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
