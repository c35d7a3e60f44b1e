#!/usr/bin/env node
// The web extension (package.json `browser`, for vscode.dev and github.dev) in a real browser: code-server 4.139.1
// (VS Code 1.139.1) runs it in the workbench's web-worker extension host, and its language server in a web worker
// started from there (dist/web/server.js), reading the workspace through the editor's workspace API.
//   1. install the packaged .vsix; the user setting remote.extensionKind {"agentdoc.agentdoc": ["web"]} makes
//      code-server run it in the browser's web-worker extension host instead of its Node.js one (an extension kind
//      "web" is only honoured from that setting, and only for an extension with a `browser` entry)
//   2. open broken.agentdoc.md; the Problems panel shows its findings, and those of broken-schema.agentdoc.md,
//      which is never opened: the worker listed and read it through the client (agentdoc/fs/* requests)
//   3. no Node.js language server (dist/server.js) runs anywhere under code-server: the findings came from the
//      web worker
//   4. the agentdoc view's Readiness checklist has rows for the open document
//
// Usage: node test/e2e/web.e2e.js [agentdoc.vsix] [workspaceFolder]
// Env:   SHOTS, TAG (default "web"), E2E_TIMEOUT_MS (default 240000), E2E_WAIT_MS per expectation (default 90000)
// Prints a final JSON line {result, marks, ...}; exits non-zero on failure.
'use strict';
const fs = require('fs');
const path = require('path');
const lib = require('./lib');

const VSIX = path.resolve(process.argv[2] || path.join(lib.REPO, 'agentdoc.vsix'));
const WS = path.resolve(process.argv[3] || path.join(lib.REPO, 'examples'));
const TAG = process.env.TAG || 'web';
const TOTAL_MS = +(process.env.E2E_TIMEOUT_MS || 240000);
const WAIT_MS = +(process.env.E2E_WAIT_MS || 90000);
const OPENED = 'broken.agentdoc.md';
const UNOPENED = 'broken-schema.agentdoc.md';

process.env.E2E_EXTRA_SETTINGS = JSON.stringify({
  'remote.extensionKind': { 'agentdoc.agentdoc': ['web'] },
  // Problems lists every agent document, not only open ones: the unopened one shows the worker read it.
  'agentdoc.problems': 'workspace',
  'workbench.panel.opensMaximized': 'never',
  ...(process.env.E2E_EXTRA_SETTINGS ? JSON.parse(process.env.E2E_EXTRA_SETTINGS) : {}),
});

const { marks, mark } = lib.timeline();
const mem = lib.memSampler();
let page = null;
let run = null;
let finished = false;
const clean = (s) =>
  String(s || '')
    .replace(/\s+/g, ' ')
    .trim();

async function finish(result, error) {
  if (finished) return;
  finished = true;
  const out = { result, marks };
  if (error) {
    console.error('FAIL:', error && (error.stack || error));
    out.error = String((error && error.message) || error).split('\n')[0];
    out.screenshot = await lib.screenshot(page, `${TAG}-FAIL`);
    try {
      out.problemsRows = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts())
        .slice(0, 15)
        .map(clean);
      out.notifications = (await page.locator('.notification-toast').allInnerTexts()).map(clean);
    } catch {
      /* no page */
    }
  }
  await lib.finishRun(result, out, run, mem);
}

const deadline = setTimeout(() => finish('FAIL', new Error(`overall timeout of ${TOTAL_MS} ms exceeded`)), TOTAL_MS);

async function pressUntilVisible(keys, target, focus, label) {
  for (let i = 1; i <= 6; i++) {
    if (await target.isVisible()) return;
    marks[`${label}Attempts`] = i;
    if (focus) await focus().catch(() => {});
    await page.keyboard.press(keys);
    if (
      await target.waitFor({ state: 'visible', timeout: 4000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  throw new Error(`${label}: ${keys} did not show ${target}`);
}

async function waitFor(what, probe, ms) {
  for (const end = Date.now() + ms; Date.now() < end; await lib.sleep(1000)) {
    const value = await probe();
    if (value) return value;
  }
  throw new Error(`${what} did not appear within ${ms / 1000} s`);
}

// Problems rows are virtualised: the file's findings are brought into view by filtering on its name.
async function problemRows(filterText) {
  const filter = page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
  if (await filter.isVisible()) await filter.fill(filterText);
  await lib.sleep(500);
  return (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(clean);
}

// Command lines of every process under this test (code-server, its extension hosts, chromium).
function commandLines() {
  return lib.descendants(process.pid).flatMap((pid) => {
    try {
      return [fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')];
    } catch {
      return [];
    }
  });
}

(async () => {
  lib.checkInstalled();
  if (!fs.existsSync(VSIX)) throw new Error(`no .vsix at ${VSIX} (run npm run package)`);
  for (const file of [OPENED, UNOPENED])
    if (!fs.existsSync(path.join(WS, file))) throw new Error(`${file} not found in workspace ${WS}`);
  run = lib.makeRun('web');
  console.log(`run dir: ${run.dir}`);
  process.stdout.write(lib.installVsix(run, VSIX));
  mark('vsix installed');
  const cs = await lib.startCodeServer(run, { folder: WS });
  mark(`code-server listening on 127.0.0.1:${cs.port}`);
  ({ page } = await lib.launchBrowser(run));
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(WS)}`);
  await page.locator('.monaco-workbench').waitFor();
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: OPENED }).first().waitFor();
  mark('workbench + explorer visible');

  const quickInput = page.locator('.quick-input-widget');
  await pressUntilVisible(
    'Control+P',
    quickInput,
    () => page.locator('.monaco-workbench').click({ position: { x: 700, y: 300 } }),
    'quickOpen',
  );
  await page.keyboard.type(OPENED, { delay: 20 });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: OPENED }).first().waitFor();
  await page.keyboard.press('Enter');
  const editor = page.locator('.editor-instance .view-lines').first();
  await editor.waitFor();
  mark(`${OPENED} open in editor`);

  await pressUntilVisible('Control+Shift+M', page.locator('.markers-panel'), () => editor.click(), 'problems');
  // The open document: its front-matter error (AD001, the apostrophe in a single-quoted name), from the text the
  // editor sent.
  const opened = await waitFor(
    `an AD001 row of ${OPENED} in the Problems panel`,
    async () => (await problemRows('AD001')).find((row) => /AD001/.test(row) && /"name"/.test(row)),
    WAIT_MS,
  );
  mark(`ASSERT open document: ${JSON.stringify(opened.slice(0, 100))}`);
  // The unopened document: its invalid stage "beta" (AD003), read by the worker through the client.
  const unopened = await waitFor(
    `the "beta" row of ${UNOPENED} (never opened) in the Problems panel`,
    async () => (await problemRows('beta')).find((row) => /"beta" is not a valid stage/.test(row)),
    WAIT_MS,
  );
  mark(`ASSERT unopened document: ${JSON.stringify(unopened.slice(0, 100))}`);
  const headers = (await problemRows('')).filter((row) => /\.agentdoc\.md \d+$/.test(row));
  marks.fileRows = headers;
  if (!headers.some((row) => row.startsWith(UNOPENED)))
    throw new Error(`no Problems group for ${UNOPENED}: ${JSON.stringify(headers)}`);

  const nodeServers = commandLines().filter((line) => /dist[\\/]server\.js/.test(line));
  if (nodeServers.length) throw new Error(`a Node.js language server runs: ${nodeServers.join(' | ')}`);
  mark('ASSERT no Node.js language server (dist/server.js) under code-server');
  await lib.screenshot(page, `${TAG}-problems`);

  // The views work over the same server: the checklist of the open document has rows.
  const icon = page.locator('.activitybar .action-label[aria-label="agentdoc"]').first();
  await icon.click();
  const header = page.locator('.sidebar .pane-header', { hasText: /Readiness Checklist/i }).first();
  await header.waitFor();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await editor.click();
  const rows = page
    .locator('.sidebar .pane', { has: page.locator('.pane-header', { hasText: /Readiness Checklist/i }) })
    .locator('.pane-body .monaco-list-row');
  const count = await waitFor('rows in the Readiness checklist', async () => rows.count(), WAIT_MS);
  mark(`ASSERT Readiness checklist has ${count} rows`);
  await page.mouse.move(5, 990);
  await lib.sleep(400);
  await lib.screenshot(page, `${TAG}-checklist`);
  clearTimeout(deadline);
  await finish('PASS');
})().catch((e) => finish('FAIL', e));
