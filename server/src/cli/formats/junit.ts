import type { Finding, Severity } from '../../engine';
import type { Format, ReportedFile } from './types';

/**
 * Characters XML 1.0 cannot carry at all, even as references: C0 controls other than tab, LF and CR,
 * unpaired surrogates, U+FFFE and U+FFFF. Document text is untrusted, so they become U+FFFD.
 */
// With the u flag a valid surrogate pair is one code point above U+FFFF and never matches; a lone one does.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** Text or attribute value for XML: markup characters as entities; whitespace kept through attribute normalisation. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (char) => XML_ENTITY[char]!);
}

const XML_ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** JUnit is pass/fail: errors and warnings are failures; information and hints are counted, not listed. */
const FAILS: ReadonlySet<Severity> = new Set<Severity>(['error', 'warning']);

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

function testcase(file: ReportedFile, finding: Finding): string[] {
  const line = finding.range.start.line + 1;
  const where = `${file.path}:${line}:${finding.range.start.character + 1}`;
  return [
    // The message in the name keeps names unique (several gate items can fail on one line) and readable in a report.
    `    <testcase${attributes({ name: `${finding.code} line ${line}: ${finding.message}`, classname: file.path, file: file.path, line })}>`,
    `      <failure${attributes({ type: finding.severity, message: finding.message })}>${escapeXml(`${where} ${finding.severity} ${finding.code} (${finding.rule}): ${finding.message}`)}</failure>`,
    '    </testcase>',
  ];
}

/**
 * JUnit XML for CI test reports (GitLab's artifacts:reports:junit, Jenkins, Azure Pipelines): a test
 * suite per file, a failed test case per error or warning, and one passing case for a file that has none.
 * Written file by file like every format, so the root element carries no totals (they are optional in
 * JUnit XML; each suite has its own, and readers add them up).
 */
export const formatJunit: Format = (write) => {
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    write(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attributes({ name: 'agentdoc' })}>\n`);
  };
  return {
    file(file: ReportedFile) {
      start();
      const failing = file.findings.filter((finding) => FAILS.has(finding.severity));
      write(
        [
          `  <testsuite${attributes({ name: file.path, tests: failing.length || 1, failures: failing.length, errors: 0, skipped: 0 })}>`,
          '    <properties>',
          `      <property${attributes({ name: 'verdict', value: file.verdict.phrase })}/>`,
          ...(file.tier ? [`      <property${attributes({ name: 'tier', value: file.tier })}/>`] : []),
          `      <property${attributes({ name: 'information', value: file.findings.length - failing.length })}/>`,
          '    </properties>',
          ...(failing.length
            ? failing.flatMap((finding) => testcase(file, finding))
            : [
                `    <testcase${attributes({ name: 'no errors or warnings', classname: file.path, file: file.path })}/>`,
              ]),
          '  </testsuite>',
          '',
        ].join('\n'),
      );
    },
    end() {
      start();
      write('</testsuites>\n');
    },
  };
};
