import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { runCli } from '../helpers/cli';
import { FIXTURE_TODAY, REPO_ROOT } from '../helpers/fixtures';
import { generatePortfolio, writeRepositories } from '../helpers/portfolioGenerator';

// Regenerate the golden summary with `npm run golden:update` (sets AGENTDOC_UPDATE_GOLDEN=1).
const UPDATE = process.env['AGENTDOC_UPDATE_GOLDEN'] === '1';
const REPOSITORIES = ['acme/finance-agents', 'acme/support-agents', 'acme/platform-agents'];

interface PortfolioJson {
  duplicates: Array<{ id: string; places: Array<{ repository: string; path: string }> }>;
  agents: Array<Record<string, string | number | null>>;
  history: Array<{ commit: string; date: string; agents: number; stages: Record<string, number>; blockers: number }>;
}

/**
 * The CI recipe end to end: three repositories checked on their own (`check --format json
 * --repository`), their JSON merged by `agentdoc portfolio`, 200 agents in all.
 */
describe('agentdoc portfolio across repositories (200 generated agents)', function () {
  this.timeout(180000);
  let root: string;
  let artefacts: string[];

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-portfolio-'));
    const repos = generatePortfolio({ agents: 200, repositories: REPOSITORIES });
    writeRepositories(root, repos);
    artefacts = REPOSITORIES.map((name) => {
      const output = path.join(root, `${name.replace('/', '-')}.json`);
      // As a scheduled CI job runs it: at the repository's root.
      const result = runCli(
        ['check', '.', '--format', 'json', '--repository', name, '--today', FIXTURE_TODAY, '--output', output],
        { cwd: path.join(root, name) },
      );
      assert.ok(result.code === 0 || result.code === 1, result.stderr);
      return output;
    });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('summarises the merged portfolio in Markdown for a PR comment (golden: test/golden/portfolio.md)', () => {
    const result = runCli(['portfolio', ...artefacts, '--format', 'markdown', '--today', FIXTURE_TODAY], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    const golden = path.join(REPO_ROOT, 'test', 'golden', 'portfolio.md');
    if (UPDATE || !fs.existsSync(golden)) {
      fs.writeFileSync(golden, result.stdout);
      if (!UPDATE) assert.fail('portfolio.md did not exist and was written; check it in and re-run');
    }
    assert.equal(
      result.stdout,
      fs.readFileSync(golden, 'utf8'),
      'if the change is intended, run npm run golden:update',
    );
    assert.match(result.stdout, /200 agents in 3 repositories/);
    assert.ok(result.stdout.length < 65_536, 'a PR comment holds at most 65,536 characters');
  });

  it('reports an id used in two repositories, on stderr and in the output', () => {
    const result = runCli(['portfolio', ...artefacts, '--format', 'json', '--today', FIXTURE_TODAY], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    const merged = JSON.parse(result.stdout) as PortfolioJson;
    assert.equal(merged.agents.length, 200);
    assert.deepEqual(
      merged.duplicates.map((duplicate) => [duplicate.id, duplicate.places.map((where) => where.repository)]),
      [['shared-kyc-check', ['acme/support-agents', 'acme/platform-agents']]],
    );
    assert.match(result.stderr, /agent id "shared-kyc-check" is used 2 times: acme\/support-agents: /);
    assert.equal(merged.agents.filter((agent) => agent['duplicate_id'] === 1).length, 2);
  });

  it('renders a self-contained dashboard: no script, nothing fetched, every chart inline SVG', () => {
    const result = runCli(['portfolio', ...artefacts, '--today', FIXTURE_TODAY], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    const html = result.stdout;
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\(|\bsrc=|\bhref=/i);
    // The only URL is the SVG namespace, which is a name, not a fetch.
    assert.deepEqual([...new Set(html.match(/https?:\/\/[^"\s)]+/g) ?? [])], ['http://www.w3.org/2000/svg']);
    for (const chart of [
      'Agents per stage',
      'Agents per tier and stage',
      'Agents blocked per gate item',
      'Agents per owner by stage',
      'Agents per type',
    ])
      assert.ok(html.includes(`aria-label="${chart}"`), chart);
    assert.match(html, /prefers-color-scheme:dark/);
    assert.match(html, /@media print/);
  });

  it('exports a SQLite database that answers queries', async () => {
    const database = path.join(root, 'portfolio.db');
    const result = runCli(
      ['portfolio', ...artefacts, '--format', 'sqlite', '--output', database, '--today', FIXTURE_TODAY],
      {
        cwd: root,
      },
    );
    assert.equal(result.code, 0, result.stderr);
    const merged = JSON.parse(
      runCli(['portfolio', ...artefacts, '--format', 'json', '--today', FIXTURE_TODAY], { cwd: root }).stdout,
    ) as PortfolioJson;
    const initSqlJs = require('sql.js') as (config?: object) => Promise<SqlJsStatic>;
    const SQL = await initSqlJs();
    const db = new SQL.Database(fs.readFileSync(database));
    try {
      const rows = (sql: string): unknown[][] => db.exec(sql)[0]?.values ?? [];
      assert.deepEqual(rows('SELECT COUNT(*) FROM agents'), [[200]]);
      const byStage = Object.fromEntries(
        rows('SELECT stage, COUNT(*) FROM agents GROUP BY stage') as Array<[string, number]>,
      );
      const expected: Record<string, number> = {};
      for (const agent of merged.agents) expected[String(agent['stage'])] = (expected[String(agent['stage'])] ?? 0) + 1;
      assert.deepEqual(byStage, expected);
      const blockers = rows('SELECT SUM(blockers) FROM agents')[0]?.[0];
      assert.equal(
        blockers,
        merged.agents.reduce((sum, agent) => sum + Number(agent['blockers']), 0),
      );
      assert.deepEqual(rows('SELECT COUNT(*) FROM blockers'), [[blockers]]);
      const heavy = rows(
        "SELECT owner, COUNT(*) AS n FROM agents WHERE stage <> 'retired' GROUP BY owner HAVING n > 5 ORDER BY n DESC",
      );
      assert.ok(heavy.length > 0, 'some owners carry more than five agents');
      const byRepository = rows('SELECT repository, COUNT(*) FROM agents GROUP BY repository ORDER BY repository');
      assert.deepEqual(
        byRepository.map((row) => row[0]),
        [...REPOSITORIES].sort(),
      );
      assert.deepEqual(rows("SELECT value FROM about WHERE key = 'as_of'"), [[FIXTURE_TODAY]]);
    } finally {
      db.close();
    }
  });

  it('exports CSV: a header and one row per agent, formulas escaped', () => {
    const result = runCli(['portfolio', ...artefacts, '--format', 'csv', '--today', FIXTURE_TODAY], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^repository,path,id,name,type,tier,stage,/);
    assert.equal(lines.length, 201);
  });

  it('refuses JSON that is not check output, with the reason', () => {
    const bogus = path.join(root, 'bogus.json');
    fs.writeFileSync(bogus, '{"findings": 3}');
    const result = runCli(['portfolio', bogus], { cwd: root });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /bogus\.json: it is not the output of `agentdoc check --format json`/);
  });
});
