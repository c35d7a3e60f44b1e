import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { evidenceChecker } from '../../server/src/node/evidenceFiles';
import { EXAMPLES_DIR, FIXTURE_TODAY } from '../helpers/fixtures';

const check = (file: string, text: string, roots: string[] = [path.dirname(file)]) =>
  analyze(text, { today: FIXTURE_TODAY, fileExists: evidenceChecker(file, roots) }).findings.filter(
    (finding) => finding.code === 'AD365',
  );

describe('evidence links (AD365)', () => {
  const complete = path.join(EXAMPLES_DIR, 'complete.agentdoc.md');
  const text = fs.readFileSync(complete, 'utf8');

  it('every evidence file the complete example links to exists', () => {
    assert.deepEqual(check(complete, text), []);
  });

  it('reports a missing file on the link itself', () => {
    const broken = text.replace('evidence/handover-2026-09.md', 'evidence/handover-2026-10.md');
    const findings = check(complete, broken);
    assert.equal(findings.length, 1);
    const line = broken.split('\n')[findings[0]!.range.start.line] ?? '';
    assert.equal(
      line.slice(findings[0]!.range.start.character, findings[0]!.range.end.character),
      'evidence/handover-2026-10.md',
    );
  });

  it('never reaches outside the allowed roots, even when the file exists there', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-evidence-'));
    fs.mkdirSync(path.join(dir, 'repo'));
    fs.writeFileSync(path.join(dir, 'secret.md'), 'outside');
    const doc = path.join(dir, 'repo', 'a.agentdoc.md');
    const escaping = text
      .replace('evidence/handover-2026-09.md', '../secret.md')
      .replace('evidence/charter-2026-03.md', '/etc/agentdoc-evidence.md');
    const messages = check(doc, escaping, [path.join(dir, 'repo')]).map((finding) => finding.message);
    assert.ok(
      messages.some((message) => message.includes('"../secret.md" does not exist (or lies outside the workspace)')),
    );
    assert.ok(messages.some((message) => message.includes('"/etc/agentdoc-evidence.md" is an absolute path')));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('does not follow a symbolic link: a linked file or folder pointing outside counts as missing (issue 13.7)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-evidence-'));
    fs.mkdirSync(path.join(dir, 'repo', 'evidence'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'outside'));
    fs.writeFileSync(path.join(dir, 'outside', 'secret.md'), 'outside');
    fs.writeFileSync(path.join(dir, 'repo', 'evidence', 'real.md'), 'inside');
    fs.symlinkSync(path.join(dir, 'outside', 'secret.md'), path.join(dir, 'repo', 'evidence', 'linked.md'));
    fs.symlinkSync(path.join(dir, 'outside'), path.join(dir, 'repo', 'folder'));
    const exists = evidenceChecker(path.join(dir, 'repo', 'a.agentdoc.md'), [path.join(dir, 'repo')]);
    try {
      assert.equal(exists('evidence/real.md'), true);
      assert.equal(exists('evidence/linked.md'), false, 'a file link pointing outside');
      assert.equal(exists('folder/secret.md'), false, 'a folder link pointing outside');
      assert.equal(exists('evidence'), false, 'a folder is no evidence file');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not checked when the caller cannot tell (no file access injected)', () => {
    assert.deepEqual(
      analyze(text.replace('evidence/handover-2026-09.md', 'nope.md'), { today: FIXTURE_TODAY }).findings.filter(
        (finding) => finding.code === 'AD365',
      ),
      [],
    );
  });
});
