import type { AnalysisResult, Finding } from '../engine';

export interface FileReport {
  /** Path as shown to the user: relative to the working folder, with / separators. */
  path: string;
  findings: Finding[];
  readiness?: { stage: string; readyFor: string | null; tier: string | null };
}

export function toFileReport(displayPath: string, result: AnalysisResult): FileReport {
  const readiness = result.readiness;
  return {
    path: displayPath,
    findings: result.findings,
    ...(readiness ? { readiness: { stage: readiness.stage.id, readyFor: readiness.readyFor?.id ?? null, tier: readiness.tier ?? null } } : {}),
  };
}
