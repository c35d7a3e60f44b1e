import * as assert from 'node:assert/strict';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formats/github';
import { analyze } from '../../server/src/engine';

describe('github format: workflow-command annotations', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
    assert.equal(escapeProperty('a,b:c%'), 'a%2Cb%3Ac%25');
  });

  it('writes one command per finding with 1-based positions and the code as title', () => {
    const out = formatGithub([
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
