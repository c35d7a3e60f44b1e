import type { Severity } from '../../engine';
import type { ReportedFile } from './types';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Workflow-command message escaping, as in @actions/core: %, CR and LF. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally escape the separators ":" and ",". */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions annotations: one `::error file=…,line=…::message` line per finding. */
export function formatGithub(files: readonly ReportedFile[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const finding of file.findings) {
      const { start, end } = finding.range;
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(finding.code)}`,
      ];
      lines.push(`::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
