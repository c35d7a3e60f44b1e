import type { AnalysisResult } from '../analyze';
import type { Finding, FixSuggestion, Range, TextInsertion } from '../types';

export interface FixPlan {
  title: string;
  insertions: TextInsertion[];
  /** The findings this plan resolves. */
  findings: Finding[];
  preferred: boolean;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) =>
    x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Quick fixes for the findings that touch a range (the cursor or a diagnostic). */
export function quickFixes(result: AnalysisResult, range: Range, only?: ReadonlySet<string>): FixPlan[] {
  const plans: FixPlan[] = [];
  for (const finding of result.findings) {
    if (!finding.fixes || !overlaps(finding.range, range) || (only && !only.has(finding.code))) continue;
    finding.fixes.forEach((fix, index) =>
      plans.push({
        title: fix.title,
        insertions: fix.insertions,
        findings: [finding],
        preferred: index === 0 && fix.safe,
      }),
    );
  }
  return dedupe(plans);
}

/**
 * Every safe fix at once. Identical insertions (two findings wanting the same key) are made once;
 * insertions at the same position keep catalogue order so sections land in canonical order.
 */
export function fixAll(result: AnalysisResult): FixPlan | undefined {
  const chosen: { fix: FixSuggestion; finding: Finding }[] = [];
  const seen = new Set<string>();
  for (const finding of result.findings) {
    for (const fix of finding.fixes ?? []) {
      if (!fix.safe) continue;
      const key = JSON.stringify(fix.insertions);
      if (seen.has(key) || (fix.conflictKey && seen.has(fix.conflictKey))) continue;
      seen.add(key);
      if (fix.conflictKey) seen.add(fix.conflictKey);
      chosen.push({ fix, finding });
      break;
    }
  }
  if (chosen.length === 0) return undefined;
  const insertions = chosen
    .flatMap(({ fix }) => fix.insertions.map((insertion) => ({ insertion, sortKey: fix.sortKey ?? 0 })))
    .sort(
      (a, b) =>
        a.insertion.position.line - b.insertion.position.line ||
        a.insertion.position.character - b.insertion.position.character ||
        a.sortKey - b.sortKey,
    )
    .map(({ insertion }) => insertion);
  return {
    title: `Fix all safe agentdoc findings (${chosen.length})`,
    insertions,
    findings: chosen.map(({ finding }) => finding),
    preferred: false,
  };
}

function dedupe(plans: FixPlan[]): FixPlan[] {
  const byKey = new Map<string, FixPlan>();
  for (const plan of plans) {
    const key = JSON.stringify(plan.insertions);
    const existing = byKey.get(key);
    if (existing) existing.findings.push(...plan.findings);
    else byKey.set(key, { ...plan, findings: [...plan.findings] });
  }
  return [...byKey.values()];
}

/** Applies insertions to text, as an editor would: positions refer to the original text. */
export function applyInsertions(
  text: string,
  insertions: readonly TextInsertion[],
  offsetAt: (position: TextInsertion['position']) => number,
): string {
  const located = insertions.map((insertion, order) => {
    const offset = offsetAt(insertion.position);
    return { offset, end: insertion.replaces ? offsetAt(insertion.replaces) : offset, text: insertion.text, order };
  });
  located.sort((a, b) => b.offset - a.offset || b.order - a.order);
  let out = text;
  for (const { offset, end, text: inserted } of located) out = out.slice(0, offset) + inserted + out.slice(end);
  return out;
}
