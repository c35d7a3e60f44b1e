#!/usr/bin/env node
// The extension's details page in a real VS Code (code-server), as a user sees it after installing the .vsix:
//   1. install the packaged extension into a fresh extensions dir, start code-server, open headless Chromium
//   2. Extensions view (Ctrl+Shift+X) → search "@installed agentdoc" → open its details page
//   3. assert that the icon (from the VSIX) is shown, and that every README picture is there with the https
//      address the packaged README gives it: the npm package's copy on jsDelivr, pinned to this version
//      (VS Code shows README pictures only from https). Tests have no network, so the browser is served
//      those addresses from the repository's own files, which the npm package carries; the badges, from
//      img.shields.io, stay unloaded. Then a screenshot.
//
// Usage: node test/e2e/details.e2e.js [agentdoc.vsix] [workspaceFolder]
// Env: SHOTS (screenshot dir), E2E_TIMEOUT_MS (overall bound, default 180000), AGENTDOC_E2E_DIR.
// Prints a final JSON line {result, marks, ...}; exits non-zero on failure.
'use strict';
const fs = require('fs');
const path = require('path');
const lib = require('./lib');

const VSIX = path.resolve(process.argv[2] || path.join(lib.REPO, 'agentdoc.vsix'));
const WS = path.resolve(process.argv[3] || path.join(lib.REPO, 'examples'));
const TOTAL_MS = +(process.env.E2E_TIMEOUT_MS || 180000);
const MANIFEST = JSON.parse(fs.readFileSync(path.join(lib.REPO, 'package.json'), 'utf8'));
const CDN = `https://cdn.jsdelivr.net/npm/${MANIFEST.name}@${MANIFEST.version}/`;
const README_IMAGES = (
  fs.readFileSync(path.join(lib.REPO, 'README.md'), 'utf8').match(/\]\((docs\/images\/[^)]+)\)/g) || []
).map((link) => path.basename(link.slice(2, -1)));

const { marks, mark } = lib.timeline();
const mem = lib.memSampler();
let page = null;
let run = null;
let finished = false;
let lastFound = [];

async function finish(result, error) {
  if (finished) return;
  finished = true;
  const out = { result, marks };
  if (error) {
    console.error('FAIL:', error && (error.stack || error));
    out.error = String((error && error.message) || error).split('\n')[0];
    out.screenshot = await lib.screenshot(page, 'details-FAIL');
  }
  await lib.finishRun(result, out, run, mem);
}

const deadline = setTimeout(() => finish('FAIL', new Error(`overall timeout of ${TOTAL_MS} ms exceeded`)), TOTAL_MS);

/** Polls `probe` until it returns a value, or fails after `ms` saying what it waited for. */
async function waitForValue(probe, ms, what) {
  for (const end = Date.now() + ms; Date.now() < end; await lib.sleep(500)) {
    const value = await probe();
    if (value !== undefined) return value;
  }
  throw new Error(`timed out after ${ms / 1000} s waiting for ${typeof what === 'function' ? what() : what}`);
}

/** The README's pictures in the details page's webview: every frame's <img> elements. */
async function readmeImages() {
  const all = [];
  for (const frame of page.frames()) {
    const images = await frame
      .evaluate(() =>
        [...document.querySelectorAll('img')].map((img) => ({
          src: img.getAttribute('src') || '',
          loaded: img.complete && img.naturalWidth > 0,
          width: img.naturalWidth,
        })),
      )
      .catch(() => []);
    all.push(...images);
  }
  return all;
}

(async () => {
  lib.checkInstalled();
  if (!fs.existsSync(VSIX)) throw new Error(`no .vsix at ${VSIX} (run npm run package)`);
  if (README_IMAGES.length === 0) throw new Error('the README shows no pictures from docs/images');
  run = lib.makeRun('details');
  process.stdout.write(lib.installVsix(run, VSIX));
  mark('vsix installed');
  const cs = await lib.startCodeServer(run, { folder: WS });
  let ctx;
  ({ ctx, page } = await lib.launchBrowser(run));
  const served = [];
  await ctx.route(`${CDN}**`, (route) => {
    const file = path.join(
      lib.REPO,
      decodeURIComponent(new URL(route.request().url()).pathname.slice(new URL(CDN).pathname.length)),
    );
    served.push(path.relative(lib.REPO, file));
    if (!file.startsWith(lib.REPO + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({ status: 200, contentType: 'image/png', body: fs.readFileSync(file) });
  });
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(WS)}`);
  await page.locator('.monaco-workbench').waitFor();
  mark('workbench visible');

  // Extensions view (it lists what is installed) → agentdoc → its details page.
  const item = page.locator('.extensions-viewlet .extension-list-item', { hasText: 'agentdoc' }).first();
  for (let i = 0; i < 6 && !(await item.isVisible()); i++) {
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 300 } });
    await page.keyboard.press('Control+Shift+X');
    await item.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
  }
  await item.click();
  const editor = page.locator('.extension-editor').first();
  await editor.waitFor();
  mark('details page open');

  // The icon in the page's header is the VSIX's 128×128 PNG, and it loaded.
  const icon = editor.locator('.header .icon-container img, .header img.icon').first();
  await icon.waitFor();
  const iconState = await waitForValue(
    async () => {
      const state = await icon.evaluate((img) => ({ src: img.getAttribute('src'), width: img.naturalWidth }));
      return state.width > 0 ? state : undefined;
    },
    30000,
    'the icon to load',
  );
  if (!/icon\.png/.test(iconState.src)) throw new Error(`the header shows ${iconState.src}, not media/icon.png`);
  marks.icon = iconState;
  mark(`ASSERT 1 OK: icon ${iconState.width}px from ${path.basename(iconState.src)}`);

  // Every README picture from docs/images is in the webview and has loaded.
  const images = await waitForValue(
    async () => {
      const found = await readmeImages();
      lastFound = found;
      const ours = README_IMAGES.map((name) => found.find((image) => image.src === `${CDN}docs/images/${name}`));
      return ours.every((image) => image && image.loaded) ? ours : undefined;
    },
    60000,
    () => `the README pictures ${README_IMAGES.join(', ')} to load (found: ${JSON.stringify(lastFound)})`,
  );
  marks.served = served;
  marks.images = images.map((image) => `${path.basename(image.src.split('?')[0])} ${image.width}px`);
  mark(`ASSERT 2 OK: ${images.length} README pictures loaded`);
  await page.mouse.move(5, 5);
  await lib.sleep(500);
  await lib.screenshot(page, 'details-page');
  clearTimeout(deadline);
  await finish('PASS');
})().catch((e) => finish('FAIL', e));
