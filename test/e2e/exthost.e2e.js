#!/usr/bin/env node
// Runs the extension-host mocha suite (test/exthost, compiled to out/test/exthost) inside a real VS Code
// (code-server) through the web workbench's own test hooks:
//   code-server --vscode-option enable-smoke-test-driver, and the URL `payload` with
//   extensionDevelopmentPath / extensionTestsPath / extensionEnvironment.
// When the test runner's run() settles, the workbench calls window.codeAutomationExit(code).
// The in-host runner writes a JSON summary to $E2E_RESULT_FILE (passed via extensionEnvironment).
//
// Usage: node test/e2e/exthost.e2e.js [extensionDevelopmentPath] [extensionTestsPath] [workspaceFolder]
//   defaults: <repo>, <repo>/out/test/exthost/index.js, a fresh copy of <repo>/examples
// Env: E2E_TIMEOUT_MS (default 180000), E2E_TEST_FILES (comma list of *.test.js to run; default all),
//      SHOTS/TAG (screenshot on failure), AGENTDOC_E2E_DIR.
// Prints the JSON summary and a final JSON line; exits 0 only if code 0 and >0 passed, 0 failed.
'use strict';
const fs = require('fs');
const path = require('path');
const lib = require('./lib');

const EXT = path.resolve(process.argv[2] || lib.REPO);
const TESTS = path.resolve(process.argv[3] || path.join(lib.REPO, 'out', 'test', 'exthost', 'index.js'));
const WS_ARG = process.argv[4] ? path.resolve(process.argv[4]) : null;
const TAG = process.env.TAG || 'exthost';
const TOTAL_MS = +(process.env.E2E_TIMEOUT_MS || 180000);

const { t0, marks, mark } = lib.timeline();
const mem = lib.memSampler();
let page = null;
let run = null;
let finished = false;

async function finish(result, extra = {}, error = null) {
  if (finished) return;
  finished = true;
  const out = { result, marks, ...extra };
  if (error) {
    console.error('FAIL:', error && (error.stack || error));
    out.error = String((error && error.message) || error).split('\n')[0];
  }
  if (result !== 'PASS') out.screenshot = await lib.screenshot(page, `${TAG}-FAIL`);
  await lib.finishRun(result, out, run, mem);
}

// Hard bound for hangs before the tests even start (the wait for codeAutomationExit has its own bound).
setTimeout(() => finish('FAIL', {}, new Error(`overall timeout of ${TOTAL_MS + 30000} ms exceeded`)), TOTAL_MS + 30000);

(async () => {
  lib.checkInstalled();
  for (const [p, what] of [
    [path.join(EXT, 'package.json'), 'extension manifest'],
    [TESTS, 'test entry'],
  ]) {
    if (!fs.existsSync(p)) throw new Error(`${what} not found: ${p}`);
  }
  run = lib.makeRun('exthost');
  console.log(`run dir: ${run.dir}`);
  let ws = WS_ARG;
  if (!ws) {
    ws = path.join(run.dir, 'ws');
    fs.cpSync(path.join(lib.REPO, 'examples'), ws, { recursive: true });
  }
  const resultFile = path.join(run.dir, 'ext-test-results.json');

  const cs = await lib.startCodeServer(run, { folder: ws, extraArgs: ['--vscode-option', 'enable-smoke-test-driver'] });
  mark(`code-server listening on 127.0.0.1:${cs.port}`);

  ({ page } = await lib.launchBrowser(run));
  // Extension-host output is forwarded to the page console in extension-development mode (not reliably).
  const noise =
    /INFO color|Failed to load resource|ERR_NAME_NOT_RESOLVED|open-vsx|iframe|authentication provider|Content Security Policy/;
  page.on('console', (m) => {
    const t = m.text();
    if (!noise.test(t)) console.log('[page]', t.slice(0, 2000));
  });
  const exited = new Promise((resolve) => {
    page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });

  const remote = (p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(EXT)],
    ['extensionTestsPath', remote(TESTS)],
    [
      'extensionEnvironment',
      JSON.stringify({ E2E_RESULT_FILE: resultFile, E2E_TEST_FILES: process.env.E2E_TEST_FILES || '' }),
    ],
  ]);
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
  mark('workbench loading with test payload');

  const remaining = Math.max(10000, TOTAL_MS - (Date.now() - t0));
  const code = await Promise.race([exited, lib.sleep(remaining).then(() => 'TIMEOUT')]);
  mark(`codeAutomationExit(${code})`);

  let summary = null;
  if (fs.existsSync(resultFile)) {
    const text = fs.readFileSync(resultFile, 'utf8');
    console.log(text);
    try {
      summary = JSON.parse(text);
    } catch {
      /* reported below */
    }
  } else {
    console.log(`no result file written (${resultFile})`);
  }
  const passed = summary ? summary.passed : 0;
  const failed = summary ? summary.failed : null;
  const ok = code === 0 && summary && passed > 0 && failed === 0;
  const extra = { exitCode: code, passed, failed };
  if (!ok && summary) extra.failures = (summary.results || []).filter((r) => r.state !== 'passed');
  await finish(
    ok ? 'PASS' : 'FAIL',
    extra,
    ok
      ? null
      : new Error(
          code === 'TIMEOUT'
            ? 'extension tests did not finish in time'
            : `exit code ${code}, ${passed} passed, ${failed} failed`,
        ),
  );
})().catch((e) => finish('FAIL', {}, e));
