import type { Severity } from '../../engine';
import type { ReportedFile } from './types';
import type { FormatContext } from './types';

const STYLE = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  information: '\x1b[36m',
  hint: '\x1b[90m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  underline: '\x1b[4m',
  green: '\x1b[32m',
} as const;
const RESET = '\x1b[0m';
const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/**
 * Grouped by file like eslint's "stylish", with ruff's clickable `path:line:col` on every line:
 *
 *   examples/broken.agentdoc.md  stage pilot · ready for no stage · tier-2
 *     examples/broken.agentdoc.md:3:5    error    AD001  message
 *     3 errors, 1 warning
 *
 *   ✖ 4 problems (3 errors, 1 warning) in 1 of 2 files
 */
export function formatText(files: readonly ReportedFile[], context: FormatContext): string {
  const paint = (style: keyof typeof STYLE, text: string): string =>
    context.useColor ? `${STYLE[style]}${text}${RESET}` : text;
  const lines: string[] = [];
  const total = emptyCounts();
  let withFindings = 0;
  for (const file of files) {
    const counts = emptyCounts();
    for (const finding of file.findings) counts[finding.severity]++;
    for (const severity of SEVERITIES) total[severity] += counts[severity];
    if (file.findings.length === 0) continue; // clean files only count in the total, as in eslint
    withFindings++;
    const readiness = `  ${paint('dim', `${file.verdict.phrase}${file.tier ? ` · ${file.tier}` : ''}`)}`;
    lines.push(paint('underline', file.path) + readiness);
    const locations = file.findings.map(
      (finding) => `${file.path}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
    );
    const width = Math.max(...locations.map((location) => location.length));
    file.findings.forEach((finding, index) => {
      lines.push(
        `  ${paint('dim', locations[index]!.padEnd(width))}  ${paint(finding.severity, LABEL[finding.severity].padEnd(7))}  ${paint('dim', finding.code)}  ${finding.message}`,
      );
    });
    lines.push(`  ${counted(counts, paint)}`, '');
  }
  const problems = SEVERITIES.reduce((sum, severity) => sum + total[severity], 0);
  const fileWord = `${files.length} file${files.length === 1 ? '' : 's'}`;
  const hidden = hiddenNote(context);
  if (problems === 0) lines.push(paint('green', `✔ ${fileWord} checked, no problems`) + hidden);
  else
    lines.push(
      paint(
        total.error ? 'error' : 'warning',
        `✖ ${problems} problem${problems === 1 ? '' : 's'} (${counted(total, (_style, text) => text)}) in ${withFindings} of ${fileWord}`,
      ) + hidden,
    );
  return lines.join('\n') + '\n';
}

function emptyCounts(): Record<Severity, number> {
  return { error: 0, warning: 0, information: 0, hint: 0 };
}

function counted(counts: Record<Severity, number>, paint: (style: Severity, text: string) => string): string {
  const parts = SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => {
    const count = counts[severity];
    const word = severity === 'information' ? 'info' : `${LABEL[severity]}${count === 1 ? '' : 's'}`;
    return paint(severity, `${count} ${word}`);
  });
  return parts.join(', ') || 'no problems';
}

/** " (3 hints for later stages not shown; --hints shows them)" */
export function hiddenNote(context: FormatContext): string {
  const hidden = context.hidden;
  if (!hidden?.count) return '';
  return hidden.reason === '--quiet'
    ? ` (${hidden.count} below error hidden by --quiet)`
    : ` (${hidden.count} hint${hidden.count === 1 ? '' : 's'} for later stages not shown; --hints shows ${hidden.count === 1 ? 'it' : 'them'})`;
}
