import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { example, runCli } from '../helpers/cli';
import { FIXTURE_TODAY } from '../helpers/fixtures';

interface Point {
  commit: string;
  date: string;
  subject: string;
  agents: number;
  stages: Record<string, number>;
  blockers: number;
  ready: number;
}

const complete = example('complete.agentdoc.md');
const pilot = example('pilot.agentdoc.md');

function atStage(text: string, stage: string): string {
  return text.replace(/^stage: \w+$/m, `stage: ${stage}`);
}

/** A throwaway repository whose history moves two agents through the stages. */
const COMMITS: Array<{ date: string; subject: string; files: Record<string, string | null> }> = [
  { date: '2026-06-01', subject: 'AP triage pilot', files: { 'agents/ap.agentdoc.md': atStage(complete, 'pilot') } },
  {
    date: '2026-07-01',
    subject: 'AP triage to shadow; reply drafter pilot',
    files: { 'agents/ap.agentdoc.md': atStage(complete, 'shadow'), 'agents/reply.agentdoc.md': pilot },
  },
  { date: '2026-08-01', subject: 'README only', files: { 'README.md': '# Agents\n' } },
  {
    date: '2026-09-01',
    subject: 'Reply drafter to canary, too early',
    files: { 'agents/reply.agentdoc.md': atStage(pilot, 'canary') },
  },
  { date: '2026-10-01', subject: 'AP triage to production', files: { 'agents/ap.agentdoc.md': complete } },
];

describe('readiness over time from git history (agentdoc portfolio --history)', function () {
  this.timeout(120000);
  let repo: string;
  const snapshots: Array<Record<string, string>> = [];

  before(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-history-'));
    const git = (args: string[], date?: string): string =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
        cwd: repo,
        env: {
          ...process.env,
          ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}),
        },
        encoding: 'utf8',
      });
    git(['init', '-q', '-b', 'main']);
    let tree: Record<string, string> = {};
    for (const commit of COMMITS) {
      for (const [name, text] of Object.entries(commit.files)) {
        const target = path.join(repo, ...name.split('/'));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        if (text === null) fs.rmSync(target);
        else fs.writeFileSync(target, text);
      }
      tree = {
        ...tree,
        ...(Object.fromEntries(Object.entries(commit.files).filter(([, text]) => text !== null)) as Record<
          string,
          string
        >),
      };
      snapshots.push(tree);
      git(['add', '-A']);
      git(['commit', '-q', '-m', commit.subject], commit.date);
    }
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  function history(args: string[] = []): Point[] {
    const result = runCli(['portfolio', '.', '--format', 'json', '--today', FIXTURE_TODAY, ...args], { cwd: repo });
    assert.equal(result.code, 0, result.stderr);
    return (JSON.parse(result.stdout) as { history: Point[] }).history;
  }

  /** What `agentdoc check` says about the tree of one commit, checked out on its own, as of that day. */
  function checkedAt(index: number): { stages: Record<string, number>; blockers: number } {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-snapshot-'));
    try {
      for (const [name, text] of Object.entries(snapshots[index]!)) {
        fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
        fs.writeFileSync(path.join(folder, name), text);
      }
      const result = runCli(['check', '.', '--format', 'json', '--today', COMMITS[index]!.date], { cwd: folder });
      const files = (JSON.parse(result.stdout) as { files: Array<{ readiness: { stage: string; blockers: number } }> })
        .files;
      const stages: Record<string, number> = {};
      for (const file of files) stages[file.readiness.stage] = (stages[file.readiness.stage] ?? 0) + 1;
      return { stages, blockers: files.reduce((sum, file) => sum + file.readiness.blockers, 0) };
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }

  it('samples the commits that touched agent documents, oldest first, and counts each as check would', () => {
    const points = history();
    const touched = [0, 1, 3, 4];
    assert.deepEqual(
      points.map((point) => [point.date, point.subject]),
      touched.map((index) => [COMMITS[index]!.date, COMMITS[index]!.subject]),
    );
    assert.deepEqual(
      points.map((point) => point.stages),
      [{ pilot: 1 }, { shadow: 1, pilot: 1 }, { shadow: 1, canary: 1 }, { production: 1, canary: 1 }],
    );
    touched.forEach((commit, index) => {
      const expected = checkedAt(commit);
      assert.deepEqual(points[index]!.stages, expected.stages, COMMITS[commit]!.subject);
      assert.equal(points[index]!.blockers, expected.blockers, COMMITS[commit]!.subject);
    });
    // The reply drafter moved to canary without the work: blockers rise, then the AP agent is ready.
    assert.ok(points[2]!.blockers > points[1]!.blockers);
  });

  it('keeps the oldest and the newest when it samples fewer, and --since cuts the start', () => {
    assert.deepEqual(
      history(['--history', '2']).map((point) => point.date),
      ['2026-06-01', '2026-10-01'],
    );
    assert.deepEqual(
      history(['--since', '2026-08-15']).map((point) => point.date),
      ['2026-09-01', '2026-10-01'],
    );
    assert.deepEqual(history(['--history', '0']), []);
  });

  it('draws the chart in the dashboard, with the first and last commit named', () => {
    const result = runCli(['portfolio', '.', '--today', FIXTURE_TODAY], { cwd: repo });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /aria-label="Agents per stage and blockers per sampled commit"/);
    assert.match(result.stdout, /4 sampled commits from 2026-06-01 \([0-9a-f]{7}\) to 2026-10-01/);
  });
});
