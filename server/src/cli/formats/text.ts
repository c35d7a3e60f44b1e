import type { Severity } from '../../engine';
import { plain } from './escape';
import type { Format, FormatContext, RunTotals } from './types';

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
export const formatText: Format = (write, context) => {
  const paint = (style: keyof typeof STYLE, text: string): string =>
    context.useColor ? `${STYLE[style]}${text}${RESET}` : text;
  return {
    file(file) {
      if (file.findings.length === 0) return; // clean files only count in the total, as in eslint
      const counts = emptyCounts();
      for (const finding of file.findings) counts[finding.severity]++;
      const path = plain(file.path);
      const tier = file.tier ? ` · ${plain(file.tier)}` : '';
      const lines = [paint('underline', path) + `  ${paint('dim', `${plain(file.verdict.phrase)}${tier}`)}`];
      const locations = file.findings.map(
        (finding) => `${path}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
      );
      const width = Math.max(...locations.map((location) => location.length));
      file.findings.forEach((finding, index) => {
        lines.push(
          `  ${paint('dim', locations[index]!.padEnd(width))}  ${paint(finding.severity, LABEL[finding.severity].padEnd(7))}  ${paint('dim', plain(finding.code))}  ${plain(finding.message)}`,
        );
      });
      lines.push(`  ${counted(counts, paint)}`, '', '');
      write(lines.join('\n'));
    },
    end(totals) {
      write(summary(totals, context, paint) + '\n');
    },
  };
};

function summary(
  totals: RunTotals,
  context: FormatContext,
  paint: (style: keyof typeof STYLE, text: string) => string,
): string {
  const problems = SEVERITIES.reduce((sum, severity) => sum + totals.counts[severity], 0);
  const fileWord = `${totals.files} file${totals.files === 1 ? '' : 's'}`;
  const hidden = hiddenNote(context.hiding, totals.hidden);
  if (problems === 0) return paint('green', `✔ ${fileWord} checked, no problems`) + hidden;
  return (
    paint(
      totals.counts.error ? 'error' : 'warning',
      `✖ ${problems} problem${problems === 1 ? '' : 's'} (${counted(totals.counts, (_style, text) => text)}) in ${totals.filesWithFindings} of ${fileWord}`,
    ) + hidden
  );
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
export function hiddenNote(hiding: FormatContext['hiding'], count: number): string {
  if (!hiding || !count) return '';
  return hiding === '--quiet'
    ? ` (${count} below error hidden by --quiet)`
    : ` (${count} hint${count === 1 ? '' : 's'} for later stages not shown; --hints shows ${count === 1 ? 'it' : 'them'})`;
}
