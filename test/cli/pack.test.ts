import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { example, exampleEvidence, runCli } from '../helpers/cli';
import { FIXTURE_TODAY, REPO_ROOT } from '../helpers/fixtures';
import { relativeLinks } from '../helpers/markdownLinks';
import { packAndInstall, userEnv, type PackedPackage } from '../helpers/packed';

const SHIPPED = [
  /^package\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^CONTRIBUTING\.md$/,
  /^LICENSE$/,
  // The CLI and its worker: each a loader (the V8 code cache) and its bundle.
  /^dist\/(cli|cli-main|cli-worker|cli-worker-main|sqlite-export)\.js$/,
  /^schemas\/(meta\/)?[a-z0-9.-]+\.json$/,
  // The message catalogues (German, French), also bundled into the CLI; they come with the schemas.
  /^schemas\/l10n\/[a-z]+\.json$/,
  // Published schemas the exports are validated against, each with its licence (schemas/vendor/*/SOURCE.md).
  /^schemas\/vendor\/[a-z0-9-]+\/([A-Za-z0-9.-]+\.json|LICENSE)$/,
  /^docs\/[a-z-]+\.md$/,
  /^docs\/images\/[a-z-]+\.png$/,
];

describe('the npm package: npm pack, installed offline into an empty project', function () {
  this.timeout(300000);
  let pkg: PackedPackage;

  before(() => {
    pkg = packAndInstall();
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
    console.log(
      `      npm package: ${pkg.files.length} files, ${mb(pkg.size)} packed, ${mb(pkg.unpackedSize)} unpacked`,
    );
  });

  it('holds the CLI bundles, the schemas and the docs the README links, and nothing else', () => {
    assert.deepEqual(
      pkg.files.filter((file) => !SHIPPED.some((pattern) => pattern.test(file))),
      [],
    );
    for (const needed of [
      'dist/cli.js',
      'dist/cli-main.js',
      'dist/cli-worker.js',
      'dist/cli-worker-main.js',
      'schemas/config.schema.json',
      'schemas/frontmatter.schema.json',
    ])
      assert.ok(pkg.files.includes(needed), `${needed} is missing`);
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    assert.deepEqual(
      relativeLinks(readme).filter((target) => !pkg.files.includes(path.posix.normalize(target))),
      [],
      'README links files the package does not carry',
    );
  });

  it('pulls in no dependencies: everything it runs is bundled', () => {
    const installed = fs.readdirSync(path.join(pkg.project, 'node_modules')).filter((name) => !name.startsWith('.'));
    assert.deepEqual(installed, ['agentdoc']);
    const manifest = JSON.parse(
      fs.readFileSync(path.join(pkg.project, 'node_modules', 'agentdoc', 'package.json'), 'utf8'),
    ) as { dependencies?: unknown };
    assert.equal(manifest.dependencies, undefined);
  });

  it('npx agentdoc check gives the same findings as the repository build, also with worker threads', () => {
    const agents = path.join(pkg.project, 'agents');
    fs.mkdirSync(path.join(agents, 'evidence'), { recursive: true });
    for (const name of ['broken.agentdoc.md', 'complete.agentdoc.md'])
      fs.writeFileSync(path.join(agents, name), example(name));
    for (const [name, text] of Object.entries(exampleEvidence())) {
      fs.mkdirSync(path.dirname(path.join(agents, name)), { recursive: true });
      fs.writeFileSync(path.join(agents, name), text);
    }
    const npx = (args: string[]) =>
      spawnSync('npx', ['--offline', 'agentdoc', ...args], {
        cwd: pkg.project,
        env: userEnv(),
        encoding: 'utf8',
        timeout: 120000,
      });

    const version = npx(['--version']);
    assert.equal(
      version.stdout.trim(),
      JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version,
    );
    const args = ['check', 'agents', '--format', 'json', '--today', FIXTURE_TODAY];
    const installed = npx(args);
    assert.equal(installed.status, 1, installed.stderr);
    assert.equal(installed.stdout, runCli(args, { cwd: pkg.project }).stdout);
    assert.match(installed.stdout, /"rule": "AD001"/);
    const threaded = npx([...args, '--jobs', '2']);
    assert.equal(threaded.stdout, installed.stdout, threaded.stderr);
    const clean = npx(['check', 'agents/complete.agentdoc.md', '--today', FIXTURE_TODAY]);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  });
});
