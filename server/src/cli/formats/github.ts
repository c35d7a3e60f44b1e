import type { Severity } from '../../engine';
import { workflowData, workflowProperty } from './escape';
import type { Format } from './types';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** GitHub Actions annotations: one `::error file=…,line=…::message` line per finding. */
export const formatGithub: Format = (write) => ({
  file(file) {
    for (const finding of file.findings) {
      const { start, end } = finding.range;
      const properties = [
        `file=${workflowProperty(file.path)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${workflowProperty(finding.code)}`,
      ];
      write(`::${COMMAND[finding.severity]} ${properties.join(',')}::${workflowData(finding.message)}\n`);
    }
  },
  end() {},
});
