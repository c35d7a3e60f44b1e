import type { Severity } from '../../engine';
import type { FileReport } from '../report';

const COLORS: Record<Severity | 'dim' | 'bold' | 'reset', string> = {
  error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[90m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m',
};
const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

/** Grouped by file, one finding a line as file:line:col, then a per-file and a total summary. */
export function formatText(reports: readonly FileReport[], useColor: boolean): string {
  const paint = (style: keyof typeof COLORS, text: string): string => (useColor ? `${COLORS[style]}${text}${COLORS.reset}` : text);
  const lines: string[] = [];
  const total: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) {
    const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
    for (const finding of report.findings) counts[finding.severity]++;
    for (const severity of Object.keys(total) as Severity[]) total[severity] += counts[severity];
    const readiness = report.readiness ? paint('dim', ` — stage ${report.readiness.stage}, ready for ${report.readiness.readyFor ?? 'no stage yet'}${report.readiness.tier ? `, ${report.readiness.tier}` : ''}`) : '';
    lines.push(paint('bold', report.path) + readiness);
    for (const finding of report.findings) {
      const where = `${report.path}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      lines.push(`  ${paint('dim', where)}  ${paint(finding.severity, LABEL[finding.severity].padEnd(7))} ${paint('dim', finding.code)}  ${finding.message}`);
    }
    lines.push(`  ${summary(counts, paint)}`, '');
  }
  lines.push(`${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${summary(total, paint)}`);
  return lines.join('\n') + '\n';
}

function summary(counts: Record<Severity, number>, paint: (style: Severity, text: string) => string): string {
  if (counts.error + counts.warning + counts.information + counts.hint === 0) return 'no findings';
  const parts: string[] = [];
  for (const severity of ['error', 'warning', 'information'] as const) {
    const count = counts[severity];
    if (count) parts.push(paint(severity, `${count} ${LABEL[severity]}${count === 1 ? '' : severity === 'information' ? '' : 's'}`));
  }
  return parts.join(', ');
}
