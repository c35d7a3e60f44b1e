import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { imagePin, isExactPin, npmPin, packagePin } from '../../server/src/engine/agentFiles/mcpPins';
import { kindFromName, modelKey, parseAgentFile } from '../../server/src/engine/agentFiles/parse';
import { readAgentFiles, resolveInside } from '../../server/src/engine/agentFiles/read';
import { applyTextEdits, recordHashEdits } from '../../server/src/engine/agentFiles/record';
import { contentHash } from '../../server/src/engine/agentFiles/hash';
import { buildModel } from '../../server/src/engine/model/documentModel';
import { allRules, bundledSchemas } from '../../server/src/engine';
import { FIXTURE_DIR, loadFixture } from '../helpers/fixtures';
import { memoryHost } from '../helpers/memoryHost';

const DOC = '/repo/agents/support.agentdoc.md';
const doc = (files: string[], extra = '') =>
  `---\nid: a\nname: A\nstage: pilot\nowner:\n  name: Ana Lima\nrisk:\n  personal_data: false\n  customer_facing: false\nagent_files:\n${files
    .map((file) => `  - path: ${file}\n`)
    .join('')}${extra}---\n# A\n`;

describe('agent files: reading inside the repository only', () => {
  it('resolves relative paths against the document and refuses absolute paths, URLs and climbing out', () => {
    assert.equal(resolveInside('/repo/agents', '../.vscode/mcp.json', '/repo'), '/repo/.vscode/mcp.json');
    assert.equal(resolveInside('/repo/agents', './prompts\\a.prompt.md', '/repo'), '/repo/agents/prompts/a.prompt.md');
    for (const hostile of [
      '/etc/passwd',
      'C:/Windows/win.ini',
      'file:///etc/passwd',
      'https://x.test/a',
      '~/.ssh/id_rsa',
      '../../etc/passwd',
    ])
      assert.equal(typeof resolveInside('/repo/agents', hostile, '/repo'), 'object', hostile);
  });

  it('never reads through a symbolic link on the way, nor a folder, FIFO or missing file', async () => {
    const host = memoryHost({
      '/repo/agents/support.agentdoc.md': '',
      '/repo/linked': { link: '/elsewhere' },
      '/repo/agents/prompt-link.md': { link: '/etc/passwd' },
      '/repo/agents/fifo.md': { special: true },
      '/repo/agents/dir/x': 'x',
      '/repo/agents/ok.prompt.md': 'Hello',
    });
    const paths = ['../linked/mcp.json', 'prompt-link.md', 'fifo.md', 'dir', 'missing.json', 'ok.prompt.md'];
    const set = await readAgentFiles(DOC, doc(paths), { host, root: '/repo' });
    const problems = paths.map((path) => {
      const read = set?.reads.get(path);
      return read && !read.ok ? read.problem : 'read';
    });
    assert.deepEqual(problems, [
      '"linked" on its path is a symbolic link, and agentdoc never follows links',
      'it is a symbolic link, and agentdoc never follows links',
      'it is not a regular file',
      'it is a folder',
      'it does not exist',
      'read',
    ]);
    assert.deepEqual(host.reads, ['/repo/agents/ok.prompt.md'], 'only the regular file inside the repository is read');
  });

  it('reads nothing for a document that names no agent files', async () => {
    const host = memoryHost({ '/repo/a.md': 'x' });
    assert.equal(await readAgentFiles(DOC, '# no front matter\n', { host, root: '/repo' }), undefined);
    assert.deepEqual(host.reads, []);
  });
});

describe('agent files: what a launch command pins', () => {
  it('reads npm, Python and container pins from the command line without running it', () => {
    assert.deepEqual(packagePin('npx', ['-y', '@scope/server@1.2.3']), {
      reference: '@scope/server',
      version: '1.2.3',
    });
    assert.deepEqual(packagePin('npx', ['-y', '@scope/server']), { reference: '@scope/server', version: undefined });
    assert.deepEqual(packagePin('npx', ['server@latest']), { reference: 'server', version: undefined });
    assert.deepEqual(packagePin('npx', ['-y', 'server@^1.2.0']), { reference: 'server', version: undefined });
    assert.deepEqual(packagePin('pnpm', ['dlx', 'server@2.0.0']), { reference: 'server', version: '2.0.0' });
    assert.deepEqual(packagePin('uvx', ['mcp-server-fetch==2025.4.7']), {
      reference: 'mcp-server-fetch',
      version: '2025.4.7',
    });
    assert.deepEqual(packagePin('uvx', ['--from', 'git-mcp@1.0.1', 'git-mcp']), {
      reference: 'git-mcp',
      version: '1.0.1',
    });
    assert.deepEqual(packagePin('docker', ['run', '-i', '--rm', '-e', 'TOKEN', 'ghcr.io/x/y:v0.5.0']), {
      reference: 'ghcr.io/x/y',
      version: 'v0.5.0',
    });
    assert.deepEqual(imagePin('ghcr.io/x/y'), { reference: 'ghcr.io/x/y', version: undefined });
    assert.deepEqual(imagePin('localhost:5000/y:latest'), { reference: 'localhost:5000/y', version: undefined });
    assert.equal(packagePin('node', ['./server.js']), undefined, 'local code is pinned by the repository');
    assert.deepEqual(npmPin('@scope/name'), { reference: '@scope/name', version: undefined });
  });

  it('tells an exact documented pin from none, "latest" or a range', () => {
    for (const pinned of ['1.2.3', 'v0.5.0', '@scope/x@1.2.3', 'img@sha256:' + 'a'.repeat(64), 'ghcr.io/x/y:1.0.0'])
      assert.ok(isExactPin(pinned), pinned);
    for (const loose of ['', 'latest', '^1.2.0', '1.x', '@scope/x', 'ghcr.io/x/y:latest', '-'])
      assert.ok(!isExactPin(loose), loose);
  });
});

describe('agent files: parsing each kind', () => {
  it('infers the kind from the name', () => {
    assert.deepEqual(
      [
        '.vscode/mcp.json',
        '.mcp.json',
        'tools.json',
        'a.agent.md',
        'x.chatmode.md',
        't.prompt.yml',
        'AGENTS.md',
        'p.prompt.md',
        'system.txt',
      ].map(kindFromName),
      ['mcp', 'mcp', 'tools', 'agent', 'agent', 'prompt-yml', 'instructions', 'prompt', 'prompt'],
    );
  });

  it('reads VS Code servers, Claude/Cursor mcpServers and settings mcp.servers, keeping no secret values', () => {
    const vscode = parseAgentFile(
      '.vscode/mcp.json',
      '// comment\n{ "servers": { "gh": { "type": "http", "url": "https://x.test/mcp", "headers": { "Authorization": "Bearer SECRET" } }, }, }',
      undefined,
    );
    assert.deepEqual(vscode.servers, [
      { name: 'gh', transport: 'http', pin: undefined, credentialNames: ['Authorization'] },
    ]);
    assert.ok(!JSON.stringify(vscode).includes('SECRET'));
    const claude = parseAgentFile(
      '.mcp.json',
      '{"mcpServers": {"fs": {"command": "npx", "args": ["-y", "fs-server@1.0.0"]}}}',
      undefined,
    );
    assert.deepEqual(claude.servers[0]?.pin, { reference: 'fs-server', version: '1.0.0' });
    const settings = parseAgentFile(
      'settings.json',
      '{"mcp": {"servers": {"s": {"type": "sse", "url": "https://x.test"}}}}',
      undefined,
    );
    assert.equal(settings.kind, 'mcp', 'an MCP block makes any JSON an MCP configuration');
    assert.equal(settings.servers[0]?.transport, 'sse');
  });

  it('reads OpenAI and Anthropic tool definitions, agent files and GitHub Models prompts', () => {
    const openai = parseAgentFile(
      't.json',
      '[{"type":"function","function":{"name":"a"}},{"type":"function","name":"b"}]',
      undefined,
    );
    assert.deepEqual(
      openai.tools.map((tool) => tool.name),
      ['a', 'b'],
    );
    const anthropic = parseAgentFile('t.json', '{"tools":[{"name":"c","input_schema":{}}]}', undefined);
    assert.deepEqual(
      anthropic.tools.map((tool) => tool.name),
      ['c'],
    );
    const agent = parseAgentFile(
      'x.agent.md',
      "---\nmodel: ['GPT-5 (copilot)', 'Claude Sonnet 4.5 (copilot)']\ntools: ['gh/*', 'gh/get_issue', 'search']\n---\nBody",
      undefined,
    );
    assert.deepEqual(agent.models, ['GPT-5 (copilot)', 'Claude Sonnet 4.5 (copilot)']);
    assert.deepEqual(agent.tools, [
      { name: '*', server: 'gh', wholeServer: true },
      { name: 'get_issue', server: 'gh', wholeServer: false },
      { name: 'search', server: undefined, wholeServer: false },
    ]);
    const subagent = parseAgentFile(
      '.claude/agents/reviewer.md',
      '---\nname: reviewer\ntools: Read, Grep, mcp__github__get_issue\nmodel: sonnet\n---\nReview.',
      undefined,
    );
    assert.deepEqual(
      subagent.tools.map((tool) => tool.name),
      ['Read', 'Grep', 'mcp__github__get_issue'],
    );
    assert.deepEqual(subagent.models, ['sonnet']);
    const yml = parseAgentFile('t.prompt.yml', 'model: openai/gpt-4.1\nmessages: []\n', undefined);
    assert.deepEqual(yml.models, ['openai/gpt-4.1']);
    assert.equal(modelKey('openai/gpt-4.1'), modelKey('GPT-4.1 (copilot)'));
  });

  it('reports broken files instead of throwing, also for YAML alias bombs', () => {
    assert.match(parseAgentFile('t.json', '{ "tools": [', undefined).problem ?? '', /not valid JSON/);
    assert.match(parseAgentFile('m.json', '{"x": 1}', 'mcp').problem ?? '', /no "servers" or "mcpServers"/);
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 12 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
      'model: x',
    ].join('\n');
    assert.match(parseAgentFile('t.prompt.yml', bomb, undefined).problem ?? '', /not valid YAML/);
  });

  it('hashes text with line endings and a BOM normalised', () => {
    assert.equal(contentHash('a\r\nb\r\n'), contentHash('a\nb\n'));
    assert.equal(contentHash('\uFEFFa\n'), contentHash('a\n'));
    assert.notEqual(contentHash('a\n'), contentHash('a \n'));
  });
});

describe('recording agent file hashes', () => {
  it('adds a missing hash under its path, replaces a stale one, keeps CRLF, and leaves unreadable files alone', async () => {
    const text = doc(['a.prompt.md', 'b.prompt.md', 'gone.md'])
      .replace('  - path: b.prompt.md\n', '  - path: b.prompt.md\n    sha256: ' + 'f'.repeat(64) + '\n')
      .replace(/\n/g, '\r\n');
    const host = memoryHost({ '/repo/agents/a.prompt.md': 'A\n', '/repo/agents/b.prompt.md': 'B\n' });
    const set = await readAgentFiles(DOC, text, { host, root: '/repo' });
    const recording = recordHashEdits(buildModel(text, bundledSchemas), set);
    assert.deepEqual(recording.recorded, ['a.prompt.md', 'b.prompt.md']);
    assert.deepEqual(recording.skipped, ['gone.md (it does not exist)']);
    const updated = applyTextEdits(text, recording.edits);
    assert.ok(updated.includes(`  - path: a.prompt.md\r\n    sha256: ${contentHash('A\n')}\r\n`));
    assert.ok(updated.includes(`    sha256: ${contentHash('B\n')}\r\n`));
    assert.ok(!/[^\r]\n/.test(updated), 'every line break stays CRLF');
    const again = recordHashEdits(
      buildModel(updated, bundledSchemas),
      await readAgentFiles(DOC, updated, { host, root: '/repo' }),
    );
    assert.deepEqual(again.edits, [], 'recording twice changes nothing');
  });
});

describe('rules AD400-AD429', () => {
  it('each has sources, a how-to-fix, a default severity and a fixture that expects it', () => {
    const dir = path.join(FIXTURE_DIR, 'rules');
    const expected = new Set(
      fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.agentdoc.md'))
        .flatMap((name) => loadFixture(path.join(dir, name)).expectations.map((expectation) => expectation.code)),
    );
    const ours = allRules.filter((rule) => /^AD4[0-2]\d$/.test(rule.code));
    assert.ok(ours.length >= 16);
    for (const rule of ours) {
      assert.ok(rule.sources.length > 0 && rule.howToFix.length > 20 && rule.rationale.length > 60, rule.code);
      assert.ok(expected.has(rule.code), `${rule.code} has no fixture`);
    }
  });
});

describe('agent files: hostile content', () => {
  it('deeply nested JSON and huge files are findings, never a crash', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const parsed = parseAgentFile('tools.json', deep, undefined);
    assert.ok(parsed.problem, 'a problem is reported');
    const host = memoryHost({ '/repo/agents/big.prompt.md': 'x'.repeat(1_000_001) });
    const set = await readAgentFiles(DOC, doc(['big.prompt.md']), { host, root: '/repo' });
    const read = set?.reads.get('big.prompt.md');
    assert.ok(read && !read.ok && /larger than 1,000,000 characters/.test(read.problem));
  });
});
