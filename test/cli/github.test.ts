import * as assert from 'node:assert/strict';
import { workflowData as escapeData, workflowProperty as escapeProperty } from '../../server/src/cli/formats/escape';
import { formatGithub } from '../../server/src/cli/formats/github';
import type { ReportedFile } from '../../server/src/cli/formats/types';
import { analyze } from '../../server/src/engine';

function github(files: ReportedFile[]): string {
  let out = '';
  const writer = formatGithub((text) => (out += text), {
    cwd: '/',
    useColor: false,
    hiding: undefined,
    date: '2026-11-23',
  });
  for (const file of files) writer.file(file);
  writer.end({
    files: files.length,
    filesWithFindings: 0,
    counts: { error: 0, warning: 0, information: 0, hint: 0 },
    hidden: 0,
  });
  return out;
}

describe('github format: workflow-command annotations', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
    assert.equal(escapeProperty('a,b:c%'), 'a%2Cb%3Ac%25');
  });

  it('writes one command per finding with 1-based positions and the code as title', () => {
    const out = github([
      {
        path: 'docs/a, b:c.agentdoc.md',
        verdict: analyze('').verdict,
        facts: analyze('').facts,
        tier: undefined,
        findings: [
          {
            code: 'AD100',
            rule: 'section-missing',
            severity: 'error',
            message: 'Missing "Runbook"\nreally',
            range: { start: { line: 0, character: 2 }, end: { line: 1, character: 0 } },
          },
          {
            code: 'AD200',
            rule: 'gate-item',
            severity: 'information',
            message: '100%',
            range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } },
          },
        ],
      },
    ]);
    assert.equal(
      out,
      [
        '::error file=docs/a%2C b%3Ac.agentdoc.md,line=1,col=3,endLine=2,endColumn=1,title=AD100::Missing "Runbook"%0Areally',
        '::notice file=docs/a%2C b%3Ac.agentdoc.md,line=4,col=1,endLine=4,endColumn=5,title=AD200::100%25',
        '',
      ].join('\n'),
    );
  });
});
