import { createHash } from 'node:crypto';
import type { Severity } from '../../engine';
import { json } from './escape';
import type { Format, ReportedFile } from './types';

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
export const formatGitlab: Format = (write) => {
  let count = 0;
  return {
    file(file: ReportedFile) {
      const seen = new Map<string, number>();
      for (const finding of file.findings) {
        const key = `${file.path}\0${finding.code}\0${finding.message.replace(/\bline \d+/g, 'line #')}`;
        const occurrence = seen.get(key) ?? 0;
        seen.set(key, occurrence + 1);
        const issue = {
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
        // The same bytes as JSON.stringify(issues, null, 2) over the whole array, written issue by issue.
        write(`${count++ === 0 ? '[\n' : ',\n'}  ${json(issue, 2).replace(/\n/g, '\n  ')}`);
      }
    },
    end() {
      write(count === 0 ? '[]\n' : '\n]\n');
    },
  };
};
