import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundledSchemas } from '../../server/src/engine';
import { validatorsFor } from '../../server/src/engine/evaluation/validators';
import { EXAMPLES_DIR, REPO_ROOT } from '../helpers/fixtures';
import { StdioLspClient } from '../helpers/lspClient';
import { installNetworkTrap } from './trapNetwork';

const TRAP = path.join(__dirname, 'trapNetwork.js');
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function runCli(prefix: string[], env: NodeJS.ProcessEnv = process.env) {
  const [command, ...args] = [...prefix, process.execPath, CLI, 'check', 'examples', '--format', 'json'];
  const result = spawnSync(command!, args, { cwd: REPO_ROOT, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, error: result.error };
}

/** `unshare -n` (a new, empty network namespace) needs root or user namespaces; used when it works. */
const unshareWorks = spawnSync('unshare', ['-n', 'true']).status === 0;

describe('no network: the CLI and the server never reach out', function () {
  this.timeout(60_000);
  let log: string;
  beforeEach(() => {
    log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-net-')), 'attempts.log');
  });
  const attempts = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '');

  it('the trap works: a process that does reach out is recorded', () => {
    const probe =
      'try { fetch("https://example.com"); } catch {} try { require("node:https").get("https://example.com"); } catch {}';
    spawnSync(process.execPath, ['-e', probe], {
      env: { ...process.env, AGENTDOC_NET_LOG: log, NODE_OPTIONS: `--require ${TRAP}` },
    });
    assert.match(attempts(), /fetch https:\/\/example\.com[\s\S]*https\.get https:\/\/example\.com/);
  });

  it('CLI: the same output and exit code with every network call trapped, and no attempt made', () => {
    const plain = runCli([]);
    const trapped = runCli([], { ...process.env, AGENTDOC_NET_LOG: log, NODE_OPTIONS: `--require ${TRAP}` });
    assert.equal(attempts(), '');
    assert.deepEqual(
      { status: trapped.status, stdout: trapped.stdout },
      { status: plain.status, stdout: plain.stdout },
    );
    assert.ok(plain.stdout.length > 100, 'the CLI printed its report');
  });

  (unshareWorks ? it : it.skip)(
    'CLI: the same output inside a network namespace with no interfaces (unshare -n)',
    () => {
      const plain = runCli([]);
      const isolated = runCli(['unshare', '-n']);
      assert.deepEqual(
        { status: isolated.status, stdout: isolated.stdout },
        { status: plain.status, stdout: plain.stdout },
      );
    },
  );

  it('server: diagnoses an example with every network call trapped, the same as untrapped, and no attempt made', async () => {
    const file = path.join(EXAMPLES_DIR, 'broken.agentdoc.md');
    const uri = pathToFileURL(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    const diagnose = async (trapped: boolean) => {
      const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, AGENTDOC_NET_LOG: process.env.AGENTDOC_NET_LOG };
      if (trapped) Object.assign(process.env, { NODE_OPTIONS: `--require ${TRAP}`, AGENTDOC_NET_LOG: log });
      const client = new StdioLspClient(); // inherits the environment when it spawns the server
      for (const [key, value] of Object.entries(saved))
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      try {
        await client.initialize();
        await client.open(uri, text);
        return (await client.diagnostics(uri)).diagnostics.map(
          (diagnostic) =>
            `${String(diagnostic.code)}@${diagnostic.range.start.line}:${diagnostic.range.start.character}`,
        );
      } finally {
        await client.close();
      }
    };
    const plain = await diagnose(false);
    const trapped = await diagnose(true);
    assert.equal(attempts(), '');
    assert.ok(plain.length > 0);
    assert.deepEqual(trapped, plain);
  });

  it('a schema with a remote $ref fails to compile, without any network attempt', () => {
    const seen: string[] = [];
    const restore = installNetworkTrap((what) => seen.push(what));
    try {
      const remote = { ...bundledSchemas, frontMatter: { $ref: 'https://schemas.example.com/agent.json' } };
      assert.throws(
        () => validatorsFor(remote as typeof bundledSchemas),
        /can't resolve reference https:\/\/schemas\.example\.com\/agent\.json/,
      );
    } finally {
      restore();
    }
    assert.deepEqual(seen, []);
  });
});
