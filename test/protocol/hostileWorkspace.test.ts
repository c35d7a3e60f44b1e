import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { example, exampleEvidence, removeTree, tempTree } from '../helpers/cli';
import { StdioLspClient } from '../helpers/lspClient';

// What a cloned repository can do to the language server: documents, links, file names. These use
// the bundled server only, so AGENTDOC_DIST can point them at an older build.

const complete = example('complete.agentdoc.md');

describe('hostile workspace through the language server (issue 13)', () => {
  let client: StdioLspClient;
  let root: string;
  before(async () => {
    root = tempTree({
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'outside.md': 'secret',
      ...exampleEvidence('repo/'),
    });
    client = new StdioLspClient();
    await client.initialize({}, [path.join(root, 'repo')]);
  });
  after(async () => {
    await client.close();
    removeTree(root);
  });

  it('4. only http(s) links and relative files inside the workspace become document links', async () => {
    const hostile = [
      '[Evidence](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22id%5Cn%22%7D)',
      '[Evidence](file:///etc/passwd)',
      '[Evidence](javascript:alert(1))',
      '[Evidence](vscode://some.extension/run)',
      '[Evidence](../../outside.md)',
      '[Evidence](//attacker.example/share/x.md)',
      '[Evidence](/etc/passwd)',
      '[Evidence](https://example.com/report)',
    ];
    let index = 0;
    const text = complete.replace(/\| evidence\/[^ |]+ \|/g, (link) =>
      index < hostile.length ? `| ${hostile[index++]!} |` : link,
    );
    assert.equal(index, hostile.length, 'the example has enough evidence links to replace');
    const uri = pathToFileURL(path.join(root, 'repo', 'links.agent.md')).toString();
    await client.open(uri, text);
    const links = await client.request<Array<{ target: string }>>('textDocument/documentLink', {
      textDocument: { uri },
    });
    const evidence = pathToFileURL(path.join(root, 'repo', 'evidence')).toString();
    const unexpected = links.filter(
      (link) => link.target !== 'https://example.com/report' && !link.target.startsWith(`${evidence}/`),
    );
    assert.deepEqual(
      unexpected.map((link) => link.target),
      [],
    );
    assert.ok(links.some((link) => link.target === 'https://example.com/report'));
    assert.ok(links.filter((link) => link.target.startsWith(`${evidence}/`)).length > 5);
    assert.ok(fs.existsSync(path.join(root, 'outside.md')));
  });
});
