import type { Facts } from '../evaluation/facts';
import type { DocumentModel } from '../model/documentModel';
import type { Readiness } from '../evaluation/readiness';
import type { StageLadder } from '../evaluation/stages';
import type { StageSpec } from '../schemaData/types';
import type { Finding, FixSuggestion, Level, Range, Severity } from '../types';
import type { Validators } from '../evaluation/validators';
import type { AgentFileSet } from '../agentFiles/read';

export interface RuleContext {
  model: DocumentModel;
  facts: Facts;
  ladder: StageLadder;
  stage: StageSpec;
  readiness: Readiness;
  validators: Validators;
  /** Today as a UTC day number, injected so date rules are testable. */
  today: number;
  /** File existence relative to the document, when the caller can tell (see AnalyzeOptions). */
  fileExists?: (relativePath: string) => boolean;
  /** The agent's own files the document names, read by the pipeline (see agentFiles/read.ts). */
  agentFiles?: AgentFileSet;
}

/**
 * What the rule catalogue knows about a finding code: the rule reference, config validation,
 * SARIF, hovers and the report all read it from here (see catalogue/index.ts).
 */
export interface RuleInfo {
  code: string;
  name: string;
  /** One line: what the rule checks. */
  description: string;
  /** Why it matters, in our words. */
  rationale: string;
  /** What a user does about a finding. */
  howToFix: string;
  /** Seed articles and regulation articles the rule rests on. */
  sources: string[];
  /** Framework references the rule implements (NIST AI RMF, ISO/IEC 42001 Annex A, OWASP Top 10). */
  frameworks?: string[];
  /** "stage": what the document's stage requires is an error, the next stage's a warning, later ones a hint. */
  defaultSeverity: Severity | 'stage';
  /** Obligations of schemas/regulations.json whose application dates grade the rule's findings. */
  obligations?: readonly string[];
}

/** A check with a stable code. One rule per module; the engine runs them all and contains failures. */
export interface Rule extends RuleInfo {
  /** Further codes this rule reports (several outcomes of one evaluation), each in the catalogue. */
  alsoReports?: readonly RuleInfo[];
  check(context: RuleContext): Finding[];
}

export interface FindingExtra {
  subject?: Finding['subject'];
  fixes?: FixSuggestion[];
  sources?: string[];
  /** Framework references; the rule's own when not given. */
  frameworks?: string[];
  related?: Finding['related'];
}

/** A finding with a fixed severity, or with the timing of the requirement it reports. */
export function makeFinding(
  rule: Pick<RuleInfo, 'code' | 'name' | 'sources' | 'frameworks'>,
  level: Level,
  message: string,
  range: Range,
  extra: FindingExtra = {},
): Finding {
  const sources = extra.sources ?? rule.sources;
  const frameworks = extra.frameworks ?? rule.frameworks ?? [];
  const severity: Severity = typeof level === 'string' ? level : level.severity;
  return {
    code: rule.code,
    rule: rule.name,
    severity,
    message,
    range,
    ...(typeof level === 'string' ? {} : { blocks: level.stage }),
    ...(sources.length ? { sources } : {}),
    ...(frameworks.length ? { frameworks } : {}),
    ...(extra.subject ? { subject: extra.subject } : {}),
    ...(extra.fixes?.length ? { fixes: extra.fixes } : {}),
    ...(extra.related?.length ? { related: extra.related } : {}),
  };
}

/** Where findings about the document as a whole point: its title, else its first line. */
export function documentAnchor(model: DocumentModel): Range {
  if (model.title) return model.title.range;
  if (model.bodyStartLine < model.index.lineCount) {
    for (let line = model.bodyStartLine; line < model.index.lineCount; line++) {
      if (model.index.lineText(line).trim() !== '') return model.index.trimmedLineRange(line);
    }
  }
  return model.index.trimmedLineRange(0);
}
