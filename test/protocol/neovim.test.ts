import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { evidenceChecker } from '../../server/src/node/evidenceFiles';
import { EXAMPLES_DIR, REPO_ROOT } from '../helpers/fixtures';

interface NeovimDiagnostic {
  code: string;
  line: number;
  col: number;
  severity: number;
  source: string;
  message: string;
}

/** A second, independent LSP client: Neovim's built-in one, headless (Debian package neovim). */
describe("a second editor: Neovim's built-in LSP client over stdio", () => {
  it('receives the same diagnostics for the broken example as the engine computes', function () {
    this.timeout(60000);
    const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(nvim.status, 0, 'Neovim is required (apt-get install neovim; .ci/run installs it)');
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-nvim-')), 'diagnostics.json');
    const file = path.join(EXAMPLES_DIR, 'broken.agentdoc.md');
    const run = spawnSync(
      'nvim',
      [
        '--headless',
        '--clean',
        '-n',
        '-c',
        `luafile ${path.join(REPO_ROOT, 'test', 'neovim', 'collect-diagnostics.lua')}`,
      ],
      {
        encoding: 'utf8',
        timeout: 45000,
        env: {
          ...process.env,
          AGENTDOC_SERVER: path.join(REPO_ROOT, 'dist', 'server.js'),
          AGENTDOC_FILE: file,
          AGENTDOC_OUT: out,
          XDG_STATE_HOME: path.dirname(out),
          XDG_DATA_HOME: path.dirname(out),
        },
      },
    );
    assert.ok(fs.existsSync(out), `Neovim wrote no result (exit ${run.status}): ${run.stderr}`);
    const received = (JSON.parse(fs.readFileSync(out, 'utf8')) as { diagnostics: NeovimDiagnostic[] }).diagnostics;
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
    const expected = analyze(fs.readFileSync(file, 'utf8'), { fileExists: evidenceChecker(file, []) }).findings;
    // The example is ASCII, so Neovim's byte columns equal LSP's UTF-16 columns.
    const key = (code: string, line: number, col: number) => `${code}@${line}:${col}`;
    assert.deepEqual(
      received.map((d) => key(String(d.code), d.line, d.col)).sort(),
      expected.map((f) => key(f.code, f.range.start.line, f.range.start.character)).sort(),
    );
    assert.ok(received.every((d) => d.source === 'agentdoc'));
    assert.ok(received.some((d) => d.code === 'AD001') && received.some((d) => d.code === 'AD100'));
  });
});
