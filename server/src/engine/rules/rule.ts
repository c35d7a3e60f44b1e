import type { Facts } from '../evaluation/facts';
import type { DocumentModel } from '../model/documentModel';
import type { Readiness } from '../evaluation/readiness';
import type { StageLadder } from '../evaluation/stages';
import type { StageSpec } from '../schemaData/types';
import type { Finding, FixSuggestion, Range, Severity } from '../types';
import type { Validators } from '../evaluation/validators';

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
}

/** A check with a stable code. One rule per module; the engine runs them all and contains failures. */
export interface Rule {
  code: string;
  name: string;
  /** One line: what the rule checks. */
  description: string;
  /** Why it matters, in our words. */
  rationale: string;
  sources: string[];
  check(context: RuleContext): Finding[];
}

export function makeFinding(
  rule: Pick<Rule, 'code' | 'name' | 'sources'>,
  severity: Severity,
  message: string,
  range: Range,
  extra: { subject?: Finding['subject']; fixes?: FixSuggestion[]; sources?: string[] } = {},
): Finding {
  const sources = extra.sources ?? rule.sources;
  return {
    code: rule.code,
    rule: rule.name,
    severity,
    message,
    range,
    ...(sources.length ? { sources } : {}),
    ...(extra.subject ? { subject: extra.subject } : {}),
    ...(extra.fixes?.length ? { fixes: extra.fixes } : {}),
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
