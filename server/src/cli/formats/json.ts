import type { CheckedFile } from '../checkFile';

/**
 * Machine-readable findings. The shape is a public contract (scripts parse it): fields may be
 * added, never renamed or removed. `rule` is the code (AD100), `name` the rule's name.
 */
export function formatJson(files: readonly CheckedFile[]): string {
  return (
    JSON.stringify(
      {
        files: files.map((file) => ({
          path: file.path,
          ...(file.readiness ? { readiness: file.readiness } : {}),
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
