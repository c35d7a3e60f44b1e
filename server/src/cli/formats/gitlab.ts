import { createHash } from 'node:crypto';
import type { Severity } from '../../engine';
import type { ReportedFile } from './types';

/** GitLab's severities, as eslint-formatter-gitlab and others map linter levels onto them. */
const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = {
  error: 'major',
  warning: 'minor',
  information: 'info',
  hint: 'info',
};

/**
 * GitLab Code Quality (a subset of the Code Climate spec), for `artifacts: reports: codequality`.
 * The fingerprint hashes path, code, message (with its "line N" references masked) and the how-many-th
 * such finding it is, not the finding's own line, so a finding that only moves down the file is not
 * reported as fixed and new again.
 */
export function formatGitlab(files: readonly ReportedFile[]): string {
  const issues = files.flatMap((file) => {
    const seen = new Map<string, number>();
    return file.findings.map((finding) => {
      const key = `${file.path}\0${finding.code}\0${finding.message.replace(/\bline \d+/g, 'line #')}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return {
        type: 'issue',
        check_name: finding.code,
        description: `${finding.code}: ${finding.message}`,
        categories: ['Clarity'],
        severity: SEVERITY[finding.severity],
        fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex'),
        location: {
          path: file.path,
          lines: { begin: finding.range.start.line + 1, end: finding.range.end.line + 1 },
        },
      };
    });
  });
  return JSON.stringify(issues, null, 2) + '\n';
}
