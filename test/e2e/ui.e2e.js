#!/usr/bin/env node
// UI end-to-end test in a real VS Code (code-server 4.139.1 = VS Code 1.139.1) driven by headless Chromium:
//   1. install the packaged extension (.vsix) with `code-server --install-extension` into a fresh extensions dir
//   2. start code-server on 127.0.0.1 (no auth) with the workspace folder
//   3. open the document with Quick Open (Ctrl+P), open the Problems panel (Ctrl+Shift+M)
//   4. assert that the expected diagnostics appear as rows of the Problems panel
//
// Usage: node test/e2e/ui.e2e.js [agentdoc.vsix] [workspaceFolder]
//   defaults: <repo>/agentdoc.vsix, <repo>/examples
// Env:
//   SHOTS            screenshot dir (default test-results/e2e); TAG prefix for screenshot names (default "ui")
//   E2E_FILE         document to open (default broken.agentdoc.md)
//   E2E_EXPECT       expected Problems rows: ";;"-separated list, each a "||"-separated list of alternatives
//                    (default: shadow: Runbook||Missing section "Runbook";;AD001||YAML)
//   E2E_TIMEOUT_MS   overall bound (default 180000); E2E_WAIT_MS bound per expected row (default 60000)
//   AGENTDOC_E2E_DIR cache dir of scripts/e2e-setup.sh (default <repo>/.e2e)
// Prints a final JSON line {result, marks, ...}; exits non-zero on failure.
'use strict';
const fs = require('fs');
const path = require('path');
const lib = require('./lib');

const VSIX = path.resolve(process.argv[2] || path.join(lib.REPO, 'agentdoc.vsix'));
const WS = path.resolve(process.argv[3] || path.join(lib.REPO, 'examples'));
const TAG = process.env.TAG || 'ui';
const FILE = process.env.E2E_FILE || 'broken.agentdoc.md';
const EXPECT = (process.env.E2E_EXPECT || 'shadow: Runbook||Missing section "Runbook";;AD001||YAML')
  .split(';;')
  .map((e) =>
    e
      .split('||')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .filter((a) => a.length);
const TOTAL_MS = +(process.env.E2E_TIMEOUT_MS || 180000);
const WAIT_MS = +(process.env.E2E_WAIT_MS || 60000);

const { marks, mark } = lib.timeline();
const mem = lib.memSampler();
let page = null;
let run = null;
let finished = false;

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (alts) => new RegExp(alts.map(escapeRe).join('|'));

async function finish(result, error) {
  if (finished) return;
  finished = true;
  const out = { result, marks };
  if (error) {
    console.error('FAIL:', error && (error.stack || error));
    out.error = String((error && error.message) || error).split('\n')[0];
    out.screenshot = await lib.screenshot(page, `${TAG}-FAIL`);
    try {
      const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
      out.problemsRows = rows.slice(0, 15).map((r) => r.replace(/\s+/g, ' ').trim());
      const panelMessage = page.locator('.markers-panel .message-box-container, .markers-panel .message').first();
      if (await panelMessage.isVisible()) out.problemsMessage = (await panelMessage.innerText()).trim();
      // The editor's language mode: the extension's document selector must match it.
      const mode = page.locator('.statusbar-item[id="status.editor.mode"]').first();
      if (await mode.isVisible()) out.languageMode = (await mode.innerText()).trim();
    } catch {
      /* no page */
    }
  }
  await lib.finishRun(result, out, run, mem);
}

const deadline = setTimeout(() => finish('FAIL', new Error(`overall timeout of ${TOTAL_MS} ms exceeded`)), TOTAL_MS);

// Presses `keys` until `target` becomes visible (the workbench sometimes swallows the first key press).
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

// Finds a Problems row matching one of `alts` within `ms`. Rows are virtualised (only the visible ones are in
// the DOM), so once the panel has rows but not the wanted one, narrow the list with the Problems filter box.
async function findProblemRow(markers, alts, ms) {
  const re = anyOf(alts);
  const row = markers.locator('.monaco-list-row', { hasText: re }).first();
  const text = async () => (await row.innerText()).replace(/\s+/g, ' ').trim();
  const filter = page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
  for (const end = Date.now() + ms; Date.now() < end; await lib.sleep(1000)) {
    if (await row.isVisible()) return text();
    if ((await markers.locator('.monaco-list-row').count()) === 0) continue; // no diagnostics yet
    if (!(await filter.isVisible())) continue;
    for (const alt of alts) {
      await filter.fill(alt.replace(/"/g, ''));
      const hit = await row.waitFor({ state: 'visible', timeout: 3000 }).then(
        () => true,
        () => false,
      );
      const t = hit ? await text() : null;
      await filter.fill('');
      if (t) {
        marks.filterUsed = (marks.filterUsed || 0) + 1;
        return t;
      }
    }
  }
  return null;
}

(async () => {
  lib.checkInstalled();
  if (!fs.existsSync(VSIX)) throw new Error(`no .vsix at ${VSIX} (run npm run package)`);
  if (!fs.existsSync(path.join(WS, FILE))) throw new Error(`${FILE} not found in workspace ${WS}`);
  run = lib.makeRun('ui');
  console.log(`run dir: ${run.dir}`);

  // 1. install the packaged extension exactly as a user would
  const installOut = lib.installVsix(run, VSIX);
  process.stdout.write(installOut);
  mark('vsix installed');

  // 2. code-server on loopback only
  const cs = await lib.startCodeServer(run, { folder: WS });
  mark(`code-server listening on 127.0.0.1:${cs.port}`);

  // 3. headless Chromium on the workbench
  ({ page } = await lib.launchBrowser(run));
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(WS)}`);
  await page.locator('.monaco-workbench').waitFor();
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first().waitFor();
  mark('workbench + explorer visible');

  // 4. Quick Open (Ctrl+P) -> FILE
  const quickInput = page.locator('.quick-input-widget');
  await pressUntilVisible(
    'Control+P',
    quickInput,
    () => page.locator('.monaco-workbench').click({ position: { x: 700, y: 300 } }),
    'quickOpen',
  );
  await page.keyboard.type(FILE, { delay: 20 });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: FILE }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: FILE }).first().waitFor();
  const editor = page.locator('.editor-instance .view-lines').first();
  await editor.waitFor();
  mark(`${FILE} open in editor`);

  // 5. Problems panel (Ctrl+Shift+M) and the expected rows
  const markers = page.locator('.markers-panel');
  await pressUntilVisible('Control+Shift+M', markers, () => editor.click(), 'problems');
  mark('Problems panel visible');
  const found = [];
  for (const [i, alts] of EXPECT.entries()) {
    const text = await findProblemRow(markers, alts, WAIT_MS);
    if (!text)
      throw new Error(
        `no Problems row containing ${alts.map((a) => JSON.stringify(a)).join(' or ')} within ${WAIT_MS / 1000} s`,
      );
    found.push(text);
    mark(`ASSERT ${i + 1} OK: Problems row ${JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text)}`);
  }
  marks.rows = found;
  await page.mouse.move(5, 5); // no hover tooltip over the rows
  await lib.sleep(300);
  await lib.screenshot(page, `${TAG}-problems`);
  clearTimeout(deadline);
  await finish('PASS');
})().catch((e) => finish('FAIL', e));
