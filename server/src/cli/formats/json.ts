import type { FormatContext, ReportedFile } from './types';

/**
 * Machine-readable findings. The shape is a public contract (scripts parse it): fields may be
 * added, never renamed or removed. `rule` is the code (AD100), `name` the rule's name. `agent`
 * (the document's facts and registry entry), `readiness.blocking`, `repository` and `date` are
 * what `agentdoc portfolio` merges across repositories.
 */
export function formatJson(
  files: readonly ReportedFile[],
  context: Pick<FormatContext, 'repository' | 'date'>,
): string {
  return (
    JSON.stringify(
      {
        ...(context.repository !== undefined ? { repository: context.repository } : {}),
        date: context.date,
        files: files.map((file) => ({
          path: file.path,
          readiness: {
            stage: file.verdict.stage?.id ?? null,
            readyFor: file.verdict.readyFor?.id ?? null,
            tier: file.tier ?? null,
            verdict: file.verdict.phrase,
            blockedStage: file.verdict.blockedStage?.id ?? null,
            blockers: file.verdict.blockers,
            blocking: file.verdict.blocking.map((blocker) => ({
              rule: blocker.code,
              ...(blocker.subject ? { subject: blocker.subject } : {}),
            })),
            errors: file.verdict.errors,
            warnings: file.verdict.warnings,
          },
          agent: file.facts,
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
