import { json } from './escape';
import type { Format, ReportedFile } from './types';

/**
 * Machine-readable findings. The shape is a public contract (scripts parse it): fields may be
 * added, never renamed or removed. `rule` is the code (AD100), `name` the rule's name. `agent`
 * (the document's facts and registry entry), `readiness.blocking`, `repository` and `date` are
 * what `agentdoc portfolio` merges across repositories. Written file by file; the bytes are those
 * of JSON.stringify(report, null, 2) over the whole report.
 */
export const formatJson: Format = (write, context) => {
  const head = [
    ...(context.repository !== undefined ? [`  "repository": ${json(context.repository)},\n`] : []),
    `  "date": ${json(context.date)},\n`,
  ].join('');
  let count = 0;
  return {
    file(file) {
      const text = json(entry(file), 2).replace(/\n/g, '\n    ');
      write(`${count++ === 0 ? `{\n${head}  "files": [\n` : ',\n'}    ${text}`);
    },
    end() {
      write(count === 0 ? `{\n${head}  "files": []\n}\n` : '\n  ]\n}\n');
    },
  };
};

function entry(file: ReportedFile): Record<string, unknown> {
  return {
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
  };
}
