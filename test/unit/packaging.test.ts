import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/fixtures';
import { userEnv } from '../helpers/packed';

interface Manifest {
  name: string;
  publisher: string;
  homepage: string;
  repository: { url: string };
  bugs: { url: string };
  icon: string;
  browser: string;
  categories: string[];
  engines: { node: string };
  '//': string;
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', `${file} is not a PNG`);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('marketplace metadata and the VSIX (vsce ls)', function () {
  this.timeout(120000);

  it('the public home is set once in package.json, and marked as a placeholder while it is one', () => {
    const urls = [manifest.homepage, manifest.repository.url, manifest.bugs.url].map((url) => new URL(url));
    assert.equal(new Set(urls.map((url) => url.host)).size, 1, 'homepage, repository and bugs name one home');
    if (urls[0]!.hostname.endsWith('.invalid')) assert.match(manifest['//'], /placeholders/);
    assert.ok(manifest.categories.length > 0 && manifest.categories.length <= 3);
  });

  it('README badges name this extension and package (publisher and name from package.json)', () => {
    const badges = [...readme.matchAll(/\[!\[[^\]]*\]\((https:\/\/img\.shields\.io\/[^)]+)\)\]\(([^)]+)\)/g)];
    assert.ok(badges.length >= 3);
    const id = `${manifest.publisher}.${manifest.name}`;
    const expected = [
      `visual-studio-marketplace/v/${id}`,
      `itemName=${id}`,
      `open-vsx/v/${manifest.publisher}/${manifest.name}`,
      `open-vsx.org/extension/${manifest.publisher}/${manifest.name}`,
      `npm/v/${manifest.name}`,
      `npmjs.com/package/${manifest.name}`,
    ];
    const text = badges.map((badge) => `${badge[1]} ${badge[2]}`).join('\n');
    for (const part of expected) assert.ok(text.includes(part), `no badge with ${part}`);
  });

  it('the README keeps the two commands a new user runs, and the Node version package.json requires', () => {
    assert.ok(readme.includes('npm ci && npm run check-examples'));
    assert.match(readme, /^npm test +#/m);
    assert.equal(manifest.engines.node, '>=20.19');
    assert.ok(readme.includes('Node.js 20.19 or newer'));
  });

  it('the icon is a 128×128 PNG', () => {
    assert.deepEqual(pngSize(path.join(REPO_ROOT, manifest.icon)), [128, 128]);
  });

  it('vsce ls: the bundles the extension runs, the docs it opens, and no CLI, sources or maps', () => {
    const listed = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'package-vsix.mjs'), '--ls'], {
      cwd: REPO_ROOT,
      env: userEnv(),
      encoding: 'utf8',
    });
    assert.equal(listed.status, 0, listed.stderr);
    const files = listed.stdout.split('\n').filter(Boolean).sort();
    // docs/format.md: agentdoc.openFormatGuide; docs/rules.md: every diagnostic's code links to it;
    // dist/web/: the web extension (package.json `browser`) and its language server's worker.
    const needed = [
      'dist/client.js',
      'dist/server.js',
      'dist/server-main.js',
      // The workspace indexing's worker thread (node/indexWorkers.ts): the CLI's worker and its loader.
      'dist/cli-worker.js',
      'dist/cli-worker-main.js',
      'dist/tokenizer.js',
      manifest.browser,
      'dist/web/server.js',
      'docs/format.md',
      'docs/rules.md',
    ].map((file) => file.replace(/^\.\//, ''));
    for (const file of [...needed, 'schemas/config.schema.json', manifest.icon, 'README.md', 'CHANGELOG.md'])
      assert.ok(files.includes(file), `${file} is not in the VSIX`);
    assert.deepEqual(
      files.filter((file) =>
        /\.map$|^(test|server|client|bench|examples|scripts)\/|^dist\/cli(-main)?\.js$/.test(file),
      ),
      [],
    );
    // The details page shows pictures only from https (its README links the npm package's copies).
    assert.deepEqual(
      files.filter((file) => file.startsWith('docs/images/')),
      [],
    );
  });
});
