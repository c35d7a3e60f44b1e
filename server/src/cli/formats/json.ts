import type { ReportedFile } from './types';

/**
 * Machine-readable findings. The shape is a public contract (scripts parse it): fields may be
 * added, never renamed or removed. `rule` is the code (AD100), `name` the rule's name.
 */
export function formatJson(files: readonly ReportedFile[]): string {
  return (
    JSON.stringify(
      {
        files: files.map((file) => ({
          path: file.path,
          readiness: {
            stage: file.verdict.stage?.id ?? null,
            readyFor: file.verdict.readyFor?.id ?? null,
            tier: file.tier ?? null,
            verdict: file.verdict.phrase,
            blockedStage: file.verdict.blockedStage?.id ?? null,
            blockers: file.verdict.blockers,
          },
          findings: file.findings.map((finding) => ({
            rule: finding.code,
            name: finding.rule,
            severity: finding.severity,
            message: finding.message,
            range: finding.range,
            ...(finding.sources ? { sources: finding.sources } : {}),
          })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
