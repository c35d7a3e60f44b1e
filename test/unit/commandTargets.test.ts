import * as assert from 'node:assert/strict';
import { argumentTargetProblem, type UriParts } from '../../client/src/commands/targets';

const file = (path: string): UriParts => ({ scheme: 'file', authority: '', path });
const folders = [file('/home/ana/repo')];

describe('VS Code commands: a target handed as an argument (issue 13.13)', () => {
  it('is accepted inside a workspace folder, with the suffix, when nothing is there yet', () => {
    assert.equal(
      argumentTargetProblem(file('/home/ana/repo/docs/a.agentdoc.md'), folders, ['.agentdoc.md'], false),
      undefined,
    );
  });

  it('is refused outside the workspace, also by climbing out with ..', () => {
    for (const path of ['/home/ana/.bashrc.agentdoc.md', '/home/ana/repo/../.config/x.md', '/home/ana/repo-other/a.md'])
      assert.match(argumentTargetProblem(file(path), folders, ['.md'], false) ?? '', /outside the workspace/, path);
    assert.match(
      argumentTargetProblem(
        { scheme: 'vscode-remote', authority: 'x', path: '/home/ana/repo/a.md' },
        folders,
        ['.md'],
        false,
      ) ?? '',
      /outside/,
    );
  });

  it('is refused without the suffix, and over an existing file', () => {
    assert.match(
      argumentTargetProblem(file('/home/ana/repo/a.sh'), folders, ['.md', '.html'], false) ?? '',
      /does not end in \.md or \.html/,
    );
    assert.match(
      argumentTargetProblem(file('/home/ana/repo/README.md'), folders, ['.md'], true) ?? '',
      /exists already/,
    );
  });
});
