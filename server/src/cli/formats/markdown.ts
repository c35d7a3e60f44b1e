import { markdown, plain } from './escape';
import { hiddenNote } from './text';
import type { Format } from './types';

const ICON = { error: '🔴', warning: '🟡', information: '🔵', hint: '⚪' } as const;

/**
 * For a pull-request comment or a job summary ($GITHUB_STEP_SUMMARY): a table per file with
 * findings, clean files listed in one line, the totals at the end (known only then: the output is
 * written as files are checked).
 */
export const formatMarkdown: Format = (write, context) => {
  write('# agentdoc check\n');
  return {
    file(file) {
      // A code span shows the name as it is; backticks and line breaks could end it early.
      const name = `\`${plain(file.path).replace(/`/g, '')}\``;
      write(`\n## ${name} — ${markdown(file.verdict.phrase)}\n\n`);
      if (file.findings.length === 0) {
        write('No findings.\n');
        return;
      }
      write('| Line | Severity | Code | Message |\n|---:|---|---|---|\n');
      for (const finding of file.findings)
        write(
          `| ${finding.range.start.line + 1}:${finding.range.start.character + 1} | ${ICON[finding.severity]} ${finding.severity} | ${markdown(finding.code)} | ${markdown(finding.message)} |\n`,
        );
    },
    end(totals) {
      const all = totals.counts.error + totals.counts.warning + totals.counts.information + totals.counts.hint;
      const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
      write(
        `\n${plural(totals.files, 'file')} checked: ${plural(all, 'finding')}, ${plural(totals.counts.error, 'error')}.${hiddenNote(context.hiding, totals.hidden)}\n`,
      );
    },
  };
};
