import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { EXAMPLES_DIR, FIXTURE_TODAY } from '../helpers/fixtures';

describe('text that was not saved as UTF-8', () => {
  const complete = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');

  it('a Latin-1 file read as UTF-8 gets one warning on its first undecodable character, and is still checked', () => {
    // What "María López" in Latin-1 becomes when decoded as UTF-8.
    const latin1 = Buffer.from(complete.replace(/name: [^\n]*\n/, 'name: María López\n'), 'latin1').toString('utf8');
    const clean = analyze(complete, { today: FIXTURE_TODAY });
    const garbled = analyze(latin1, { today: FIXTURE_TODAY });
    const warnings = garbled.findings.filter((finding) => finding.code === 'AD904');
    assert.equal(warnings.length, 1);
    const line = latin1.split('\n').findIndex((text) => text.includes('\uFFFD'));
    assert.equal(warnings[0]!.range.start.line, line);
    assert.match(warnings[0]!.message, /^\d+ characters could not be decoded/);
    assert.equal(warnings[0]!.severity, 'warning');
    // Everything else is checked as before.
    assert.ok(garbled.findings.length >= clean.findings.length);
    assert.ok(!clean.findings.some((finding) => finding.code === 'AD904'));
  });
});
