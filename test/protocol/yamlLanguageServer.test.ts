import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { example, removeTree, tempTree } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/fixtures';
import { StdioLspClient } from '../helpers/lspClient';

const YAML_LS = path.join(REPO_ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const catalog = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'catalog.json'), 'utf8')) as {
  schemas: Array<{ fileMatch?: string[]; url: string }>;
};

/** The front matter of a Markdown document, as a YAML file of its own. */
const frontMatter = (markdown: string) => markdown.split('\n---\n')[0]!.replace(/^---\n/, '') + '\n';

/**
 * Without the extension: Red Hat's yaml-language-server (what VS Code's YAML extension, Neovim, Helix
 * and others run) with the schemas associated the way the SchemaStore catalogue entry associates them,
 * by fileMatch. The schema URLs are served from the files here: tests do not use the network.
 */
describe('other editors validate agentdoc files with the published schemas (yaml-language-server)', function () {
  this.timeout(60000);
  let client: StdioLspClient;
  let dir: string;

  before(async () => {
    dir = tempTree({
      'good/.agentdoc.yaml': 'version: 1\nrules:\n  AD102: warning\npolicy:\n  evalMinimumCases: 200\n',
      'bad/.agentdoc.yaml': 'version: 1\nrules:\n  AD102: loud\npolicy:\n  evalMinimumCases: many\n',
      'complete.frontmatter.yaml': frontMatter(example('complete.agentdoc.md')),
      'broken.frontmatter.yaml': frontMatter(example('broken-schema.agentdoc.md')),
    });
    const [config, front] = catalog.schemas;
    const local = (file: string) => pathToFileURL(path.join(REPO_ROOT, 'schemas', file)).toString();
    assert.equal(
      config!.url,
      JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'config.schema.json'), 'utf8')).$id,
    );
    assert.equal(
      front!.url,
      JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'frontmatter.schema.json'), 'utf8')).$id,
    );
    const settings = {
      validate: true,
      schemaStore: { enable: false },
      // What a SchemaStore-aware editor does with the catalogue: each schema for its fileMatch names.
      schemas: {
        [local('config.schema.json')]: config!.fileMatch!,
        [local('frontmatter.schema.json')]: ['*.frontmatter.yaml'],
      },
    };
    client = new StdioLspClient([YAML_LS, '--stdio']);
    client.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => (item.section === 'yaml' ? settings : item.section === 'http' ? { proxy: '' } : {})),
    );
    client.connection.onRequest('client/registerCapability', () => null);
    await client.initialize(
      { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
      [dir],
    );
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  after(async () => {
    await client.close();
    removeTree(dir);
  });

  /** Diagnostics of a file; `expectSome` waits for a non-empty list (the settings arrive asynchronously). */
  async function diagnosticsOf(file: string, expectSome = false): Promise<string[]> {
    const uri = pathToFileURL(path.join(dir, file)).toString();
    await client.open(uri, fs.readFileSync(path.join(dir, file), 'utf8'), 1, 'yaml');
    const published = await client.diagnostics(uri, (params) => !expectSome || params.diagnostics.length > 0, 20000);
    return published.diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`);
  }

  it('.agentdoc.yaml: a wrong severity and a wrong number are reported, a valid config is clean', async () => {
    // The broken file first: once it is reported, the schemas are associated and a clean result means clean.
    const bad = await diagnosticsOf('bad/.agentdoc.yaml', true);
    assert.deepEqual(await diagnosticsOf('good/.agentdoc.yaml'), []);
    assert.ok(
      bad.some((d) => d.startsWith('3: ')),
      bad.join('\n'),
    );
    assert.ok(
      bad.some((d) => d.startsWith('5: ')),
      bad.join('\n'),
    );
  });

  it('front matter: the complete example is clean, "beta" as a stage is reported', async () => {
    const broken = await diagnosticsOf('broken.frontmatter.yaml', true);
    assert.deepEqual(await diagnosticsOf('complete.frontmatter.yaml'), []);
    const stageLine =
      frontMatter(example('broken-schema.agentdoc.md'))
        .split('\n')
        .findIndex((l) => l.startsWith('stage:')) + 1;
    assert.ok(
      broken.some((d) => d.startsWith(`${stageLine}: `)),
      broken.join('\n'),
    );
  });
});
