// Renders the dashboard of the generated 200-agent, 3-repository portfolio (the one the tests
// use) and screenshots it in light and dark with headless Chromium (Debian's chromium package):
// `npm run build && npm run compile-tests && node scripts/portfolio-screenshots.mjs [outdir]`.
// Writes docs/images/portfolio-dashboard-{light,dark}.png by default.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { generatePortfolio, writeRepositories } = require(path.join(root, 'out/test/helpers/portfolioGenerator.js'));
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'images'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-screens-'));
const names = ['acme/finance-agents', 'acme/support-agents', 'acme/platform-agents'];
writeRepositories(work, generatePortfolio({ agents: 200, repositories: names }));
const cli = path.join(root, 'dist', 'cli.js');
const [local, ...others] = names;
const artefacts = others.map((name) => {
  const output = path.join(work, `${name.replace('/', '-')}.json`);
  try {
    execFileSync(
      process.execPath,
      [cli, 'check', '.', '--format', 'json', '--repository', name, '--today', '2026-11-23', '--output', output],
      { cwd: path.join(work, name) },
    );
  } catch (error) {
    if (error.status !== 1) throw error;
  }
  return output;
});
// The first repository is checked here, with a git history for the readiness-over-time chart:
// six monthly commits in which agents arrive and move up one stage a month to where they are now.
const repo = path.join(work, local);
const ladder = ['pilot', 'shadow', 'canary', 'production'];
const agentDir = path.join(repo, 'agents');
const docs = fs.readdirSync(agentDir).filter((name) => name.endsWith('.agentdoc.md'));
const finalText = new Map(docs.map((name) => [name, fs.readFileSync(path.join(agentDir, name), 'utf8')]));
const git = (args, date) =>
  execFileSync('git', ['-c', 'user.name=Programme lead', '-c', 'user.email=lead@example.com', ...args], {
    cwd: repo,
    env: { ...process.env, GIT_AUTHOR_DATE: `${date}T09:00:00Z`, GIT_COMMITTER_DATE: `${date}T09:00:00Z` },
  });
git(['init', '-q', '-b', 'main'], '2026-06-01');
for (const name of docs) fs.rmSync(path.join(agentDir, name));
const months = ['2026-06-05', '2026-07-06', '2026-08-05', '2026-09-07', '2026-10-05', '2026-11-05'];
months.forEach((date, month) => {
  docs.forEach((name, index) => {
    const arrives = Math.floor((index / docs.length) * months.length);
    if (arrives > month) return;
    const text = finalText.get(name);
    const stage = /^stage: (\w+)$/m.exec(text)?.[1] ?? 'pilot';
    const at = ladder.indexOf(stage);
    const now = month === months.length - 1 || at < 0 ? stage : ladder[Math.min(at, month - arrives)];
    fs.writeFileSync(path.join(agentDir, name), text.replace(/^stage: \w+$/m, `stage: ${now}`));
  });
  git(['add', '-A'], date);
  git(['commit', '-q', '-m', `Portfolio as of ${date}`], date);
});
const html = path.join(work, 'portfolio.html');
execFileSync(
  process.execPath,
  [
    cli,
    'portfolio',
    '.',
    ...artefacts,
    '--repository',
    local,
    '--history',
    '6',
    '--today',
    '2026-11-23',
    '--output',
    html,
  ],
  { cwd: repo },
);
for (const [scheme, flags] of [
  ['light', []],
  ['dark', ['--force-dark-mode', '--blink-settings=preferredColorScheme=0']],
]) {
  const png = path.join(outDir, `portfolio-dashboard-${scheme}.png`);
  execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--window-size=1280,2600',
      ...flags,
      `--screenshot=${png}`,
      `file://${html}`,
    ],
    { stdio: 'ignore' },
  );
  console.log(`wrote ${path.relative(root, png)}`);
}
fs.rmSync(work, { recursive: true, force: true });
