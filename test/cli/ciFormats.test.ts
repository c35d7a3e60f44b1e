import * as assert from 'node:assert/strict';
import { escapeXml } from '../../server/src/cli/formats/junit';
import { example, removeTree, runCli, tempTree } from '../helpers/cli';
import { FIXTURE_TODAY } from '../helpers/fixtures';
import { allElements as all, parseXml } from '../helpers/xml';

// Every character XML 1.0 forbids, markup characters, and a line break, in values the messages echo.
const HOSTILE = [
  '---',
  'agentdoc: 1',
  'id: hostile',
  'name: "Hostile"',
  `stage: "be\\x01ta<&>]]>\\uD800\\"x\\" 'y'\\n2\\x0b\\uFFFE"`,
  'owner: { name: "A & B <c>" }',
  'risk: { tier: tier-2 }',
  '---',
  '# Hostile',
  '',
].join('\n');

describe('--format junit', function () {
  this.timeout(120000);
  it('is well-formed XML whose counts match its test cases (examples/)', () => {
    const result = runCli(['check', 'examples', '--format', 'junit', '--today', FIXTURE_TODAY]);
    assert.equal(result.code, 1, result.stderr);
    const root = parseXml(result.stdout);
    assert.equal(root.name, 'testsuites');
    const suites = all(root, 'testsuite');
    assert.equal(suites.length, 4, 'one suite per checked file, with or without findings');
    for (const suite of suites) {
      assert.equal(Number(suite.attributes['tests']), all(suite, 'testcase').length);
      assert.equal(Number(suite.attributes['failures']), all(suite, 'failure').length);
    }
    const complete = suites.find((suite) => suite.attributes['name'] === 'examples/complete.agentdoc.md')!;
    assert.deepEqual(
      all(complete, 'testcase').map((test) => [test.attributes['name'], test.children.length]),
      [['no errors or warnings', 0]],
    );
    const json = JSON.parse(runCli(['check', 'examples', '--format', 'json', '--today', FIXTURE_TODAY]).stdout) as {
      files: Array<{ findings: Array<{ severity: string }> }>;
    };
    const failing = json.files
      .flatMap((file) => file.findings)
      .filter((f) => ['error', 'warning'].includes(f.severity));
    // Written file by file, the root carries no totals: the suites' failures add up to the errors and warnings.
    assert.equal(
      suites.reduce((sum, suite) => sum + Number(suite.attributes['failures']), 0),
      failing.length,
    );
  });

  it('escapes what a document says: markup, quotes, line breaks, and characters XML cannot carry', () => {
    const dir = tempTree({ 'hostile.agentdoc.md': HOSTILE });
    try {
      const result = runCli(['check', '.', '--format', 'junit', '--today', FIXTURE_TODAY], { cwd: dir });
      assert.equal(result.code, 1, result.stderr);
      const stage = all(parseXml(result.stdout), 'failure').find((failure) =>
        failure.attributes['message']?.includes('is not a valid stage'),
      );
      assert.ok(stage, 'the invalid stage is reported');
      assert.equal(
        stage.attributes['message'],
        `"be\uFFFDta<&>]]>\uFFFD"x" 'y'\n2\uFFFD\uFFFD" is not a valid stage: use pilot, shadow, canary, production or retired.`,
      );
      assert.ok(stage.text.endsWith(stage.attributes['message']!));
    } finally {
      removeTree(dir);
    }
  });

  it('escapeXml keeps valid astral characters and replaces lone surrogates', () => {
    assert.equal(escapeXml('😀 \uD83D x \uDE00'), '😀 \uFFFD x \uFFFD');
    assert.equal(escapeXml('a\tb\r\nc'), 'a&#9;b&#13;&#10;c');
    assert.equal(
      escapeXml(`<a href="x" title='y'>&amp;</a>`),
      '&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;amp;&lt;/a&gt;',
    );
  });
});

interface CodeQualityIssue {
  type: string;
  check_name: string;
  description: string;
  severity: string;
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

describe('--format gitlab (Code Quality)', function () {
  this.timeout(120000);
  const issuesOf = (cwd: string, args: string[]): CodeQualityIssue[] => {
    const result = runCli(['check', ...args, '--format', 'gitlab', '--today', FIXTURE_TODAY], { cwd });
    assert.ok(result.code === 0 || result.code === 1, result.stderr);
    return JSON.parse(result.stdout) as CodeQualityIssue[];
  };

  it('has the fields GitLab requires, a severity it knows, and a unique fingerprint per issue', () => {
    const issues = issuesOf(process.cwd(), ['examples']);
    assert.ok(issues.length > 0);
    for (const issue of issues) {
      assert.equal(issue.type, 'issue');
      assert.match(issue.check_name, /^AD\d{3}$/);
      assert.ok(issue.description.startsWith(`${issue.check_name}: `));
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
      assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
      assert.match(issue.location.path, /^examples\/[^/]+\.agentdoc\.md$/);
      assert.ok(issue.location.lines.begin >= 1 && issue.location.lines.end >= issue.location.lines.begin);
    }
    assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, issues.length);
    assert.deepEqual(issuesOf(process.cwd(), ['examples/complete.agentdoc.md']), []);
  });

  it('keeps a finding’s fingerprint when the finding only moves down the file', () => {
    const original = example('broken.agentdoc.md');
    const end = original.indexOf('\n---\n', 4) + 5;
    const moved = original.slice(0, end) + '\n\n\n' + original.slice(end);
    const dir = tempTree({ 'a/broken.agentdoc.md': original, 'b/broken.agentdoc.md': moved });
    try {
      const before = issuesOf(`${dir}/a`, ['.']);
      const after = issuesOf(`${dir}/b`, ['.']);
      const body = (issues: CodeQualityIssue[]) => issues.filter((issue) => issue.location.lines.begin > 30);
      assert.ok(body(before).length > 0);
      assert.deepEqual(
        body(after).map((issue) => [issue.fingerprint, issue.location.lines.begin - 3]),
        body(before).map((issue) => [issue.fingerprint, issue.location.lines.begin]),
      );
    } finally {
      removeTree(dir);
    }
  });
});
