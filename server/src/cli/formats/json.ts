import type { FileReport } from '../report';

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify({
    files: reports.map((report) => ({
      path: report.path,
      ...(report.readiness ? { readiness: report.readiness } : {}),
      findings: report.findings.map((finding) => ({
        rule: finding.code,
        name: finding.rule,
        severity: finding.severity,
        message: finding.message,
        range: finding.range,
        ...(finding.sources ? { sources: finding.sources } : {}),
      })),
    })),
  }, null, 2) + '\n';
}
