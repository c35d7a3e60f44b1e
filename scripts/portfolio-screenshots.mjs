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
const artefacts = names.map((name) => {
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
// A readiness history to show: the portfolio's own repository sampled at its last commits is not
// the generated one, so the dashboard is rendered from a throwaway git history of the first repository.
const html = path.join(work, 'portfolio.html');
execFileSync(process.execPath, [cli, 'portfolio', ...artefacts, '--today', '2026-11-23', '--output', html], {
  cwd: work,
});
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
