import { escapeMarkdown } from '../../engine';
import type { ReportedFile } from './types';
import type { FormatContext } from './types';
import { hiddenNote } from './text';

const ICON = { error: '🔴', warning: '🟡', information: '🔵', hint: '⚪' } as const;

/** For a pull-request comment or a job summary ($GITHUB_STEP_SUMMARY): a table per file. */
export function formatMarkdown(files: readonly ReportedFile[], context: FormatContext): string {
  const out = ['# agentdoc check', ''];
  const errors = files.reduce(
    (sum, file) => sum + file.findings.filter((finding) => finding.severity === 'error').length,
    0,
  );
  const all = files.reduce((sum, file) => sum + file.findings.length, 0);
  out.push(
    `${files.length} file${files.length === 1 ? '' : 's'} checked: ${all} finding${all === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}.${hiddenNote(context)}`,
    '',
  );
  for (const file of files) {
    const readiness = ` — ${file.verdict.phrase}`;
    out.push(`## \`${file.path.replace(/`/g, '')}\`${escapeMarkdown(readiness)}`, '');
    if (file.findings.length === 0) {
      out.push('No findings.', '');
      continue;
    }
    out.push('| Line | Severity | Code | Message |', '|---:|---|---|---|');
    for (const finding of file.findings) {
      out.push(
        `| ${finding.range.start.line + 1}:${finding.range.start.character + 1} | ${ICON[finding.severity]} ${finding.severity} | ${finding.code} | ${escapeMarkdown(finding.message)} |`,
      );
    }
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}
