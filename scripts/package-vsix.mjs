// `npm run package`: builds the production bundles and writes agentdoc.vsix.
//
// The VSIX and the npm package carry different files (the extension needs the client, the language
// server and its tokenizer; the npm package needs the command line and its worker), but vsce refuses a
// .vscodeignore next to package.json's `files`, which is the npm package's list. So the VSIX is packed
// from a staging folder holding exactly VSIX_FILES, with a copy of package.json whose `files` says the
// same. `node scripts/package-vsix.mjs --ls` lists the VSIX's files instead (vsce ls).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stage = path.join(root, '.vsix-stage');
const listOnly = process.argv.includes('--ls');

/**
 * What the extension needs at run time (docs/format.md is the format guide it opens, docs/rules.md what
 * each diagnostic's code links to) and the README, CHANGELOG and licence its details page shows:
 * scripts/vsix-files.json (checked by test/unit/packaging.test.ts).
 */
const VSIX_FILES = JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'vsix-files.json'), 'utf8'));

/** The files under root matching one VSIX_FILES pattern: a path, `dir/*.ext` or `dir/**\/*.ext`. */
function expand(pattern) {
  const star = pattern.indexOf('*');
  if (star < 0) return fs.existsSync(path.join(root, pattern)) ? [pattern] : [];
  const base = pattern.slice(0, pattern.lastIndexOf('/', star));
  const recursive = pattern.includes('**');
  const suffix = pattern.slice(pattern.lastIndexOf('*') + 1);
  const dir = path.join(root, base);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

if (!listOnly)
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production'], { stdio: 'inherit' });

fs.rmSync(stage, { recursive: true, force: true });
for (const pattern of VSIX_FILES) {
  const files = expand(pattern);
  if (files.length === 0) throw new Error(`package-vsix: nothing matches ${pattern} (run npm run build first?)`);
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(stage, file));
  }
}
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
manifest.files = VSIX_FILES;
delete manifest.bin; // the command line is the npm package's, not the extension's
fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
// VS Code's details page shows README pictures only from https URLs (its webview allows img-src https:
// and data:, and its sanitizer drops relative paths), so the packaged README points at the npm
// package's own files on jsDelivr, pinned to this version: they are there once this version is on npm
// (publish to npm first; CONTRIBUTING.md). The npm package carries every file the README links.
const CONTENT_BASE = `https://cdn.jsdelivr.net/npm/${manifest.name}@${manifest.version}/`;
const args = listOnly
  ? ['ls', '--no-dependencies']
  : [
      'package',
      '--no-dependencies',
      '--baseContentUrl',
      CONTENT_BASE,
      '--baseImagesUrl',
      CONTENT_BASE,
      '-o',
      path.join(root, 'agentdoc.vsix'),
    ];
try {
  execFileSync(process.execPath, [vsce, ...args], { cwd: stage, stdio: 'inherit' });
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
