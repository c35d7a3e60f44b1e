import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compactResult, createAgentdocService, type DocumentCheck, type ListedFile } from '../../server/src/engine';
import type { WorkerIndexRun } from '../../server/src/lsp/platform';
import { checkOnDisk, detached, inSlices, SLICE_MS } from '../../server/src/lsp/workspaceChecking';
import { createEditorService } from '../../server/src/lsp/editorService';
import { indexInWorkers, WORKER_INDEX_THRESHOLD } from '../../server/src/node/indexWorkers';
import { nodeHost, toEnginePath } from '../../server/src/node/nodeHost';
import { nodePlatform } from '../../server/src/node/nodePlatform';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');
const EXAMPLE = path.join(EXAMPLES, 'complete.agentdoc.md');

function checkExample(): DocumentCheck {
  const text = fs.readFileSync(EXAMPLE, 'utf8');
  const service = createAgentdocService({ host: nodeHost, roots: [toEnginePath(path.dirname(EXAMPLE))] });
  return service.checkTextWith(toEnginePath(EXAMPLE), text, { path: undefined, text: undefined, loaded: undefined });
}

/** Every object reachable from a value (arrays, plain objects, maps, sets). */
function objectsOf(value: unknown, seen = new Set<object>()): Set<object> {
  if (value === null || typeof value !== 'object' || seen.has(value)) return seen;
  seen.add(value);
  const children =
    value instanceof Map
      ? [...value.keys(), ...value.values()]
      : value instanceof Set
        ? [...value]
        : Object.values(value);
  for (const child of children) objectsOf(child, seen);
  return seen;
}

describe('workspace index entries (documents not open in the editor)', () => {
  it('keep the compact result and the identity, and no model, readiness items or fixes', () => {
    const check = checkExample();
    assert.ok(check.result.model, 'the analysis itself has a model');
    const entry = detached(check);
    assert.equal(entry.result.model, undefined);
    assert.equal(entry.result.readiness, undefined);
    assert.ok(entry.result.findings.every((finding) => finding.fixes === undefined));
    assert.deepEqual(entry.result, compactResult(check.result));
    assert.deepEqual(entry.identity, check.identity);
    assert.equal(entry.path, check.path);
    assert.equal(entry.config, check.config, 'the config (with its schemas) stays shared');
  });

  it('share no object with the analysis they came from, so none of it (text, trees) stays alive', () => {
    const check = checkExample();
    const analysed = objectsOf({ result: check.result, identity: check.identity });
    const kept = objectsOf({ result: detached(check).result, identity: detached(check).identity });
    const shared = [...kept].filter((object) => analysed.has(object));
    assert.deepEqual(shared, []);
  });
});

describe('inSlices', () => {
  it('runs every item in order and yields only when a slice is used up', async () => {
    let clock = 0;
    const order: string[] = [];
    await inSlices(
      ['a', 'b', 'c', 'd', 'e'],
      (item) => {
        order.push(item);
        // 'b' and 'd' are slow: each ends a slice.
        clock += item === 'b' || item === 'd' ? SLICE_MS : 1;
      },
      () => {
        order.push('yield');
        return Promise.resolve();
      },
      () => clock,
    );
    assert.deepEqual(order, ['a', 'b', 'yield', 'c', 'd', 'yield', 'e']);
  });

  it('lets messages queued meanwhile in before the list is done', async () => {
    let clock = 0;
    const seen: string[] = [];
    const done = inSlices(
      [1, 2, 3, 4],
      (item) => {
        seen.push(`item ${item}`);
        clock += SLICE_MS;
      },
      () => new Promise((resolve) => setImmediate(resolve)),
      () => clock,
    );
    setImmediate(() => seen.push('hover'));
    await done;
    assert.ok(seen.indexOf('hover') > 0 && seen.indexOf('hover') < seen.length - 1, seen.join(', '));
  });
});

describe('indexing on worker threads (node/indexWorkers.ts)', () => {
  const WORKER = path.join(__dirname, '..', '..', '..', 'dist', 'cli-worker.js');
  let root: string;
  let files: ListedFile[];

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-index-'));
    // The files the documents name, so where each side looks for them shows in the results: the
    // evidence but one (a broken link, AD365) and the prompt file (read, not reported missing,
    // AD420); the MCP configuration they also name is missing. Half the documents sit one folder
    // down and link up to them: found inside the workspace folder, not inside their own folder.
    fs.cpSync(path.join(EXAMPLES, 'evidence'), path.join(root, 'evidence'), { recursive: true });
    fs.rmSync(path.join(root, 'evidence', 'handover-2026-09.md'));
    fs.cpSync(path.join(EXAMPLES, 'prompts'), path.join(root, 'prompts'), { recursive: true });
    fs.mkdirSync(path.join(root, 'team'));
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const climbing = text.replace(/\bevidence\//g, '../evidence/').replace(/ prompts\//g, ' ../prompts/');
    files = [];
    for (let index = 0; index < WORKER_INDEX_THRESHOLD; index++) {
      // Every tenth is plain Markdown without the agentdoc marker: listed, but no agent document.
      const down = index % 2 === 1;
      const name = index % 10 ? `agent-${index}.agentdoc.md` : `notes-${index}.md`;
      const file = down ? path.join(root, 'team', name) : path.join(root, name);
      const own = (down ? climbing : text).replace(/^id: .*$/m, `id: agent-${index}`);
      fs.writeFileSync(file, index % 10 ? own : '# not an agent doc\n');
      files.push({ path: toEnginePath(file), kind: 'file', explicit: false });
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  function run(onCheck: WorkerIndexRun['onCheck'], list = files): WorkerIndexRun {
    const service = createAgentdocService({ host: nodeHost, roots: [toEnginePath(root)] });
    return {
      files: list,
      roots: [toEnginePath(root)],
      configFor: (file) => service.configs.forFile(file),
      onCheck,
      isCancelled: () => false,
    };
  }

  it('gives every file the result the server would keep for it, checking it itself', async function () {
    this.timeout(120000);
    assert.ok(fs.existsSync(WORKER), 'npm run build makes dist/cli-worker.js');
    const got = new Map<string, DocumentCheck | undefined>();
    assert.equal(
      await indexInWorkers(
        run((file, check) => got.set(file.path, check)),
        WORKER,
      ),
      true,
    );
    assert.equal(got.size, files.length);
    // The server's own service, built as AgentdocServer builds it on Node (nodePlatform): the
    // workers must give what the server's own thread gives (workspaceChecking.ts checkOnDisk).
    const service = createEditorService(nodePlatform, [toEnginePath(root)]);
    const codes = new Set<string>();
    for (const file of files) {
      const own = await checkOnDisk(service, file);
      const theirs = got.get(file.path);
      assert.deepEqual(theirs?.result, own?.result, file.path);
      assert.deepEqual(theirs?.identity, own?.identity, file.path);
      assert.deepEqual(theirs?.agentFiles, own?.agentFiles, file.path);
      for (const finding of own?.result.findings ?? []) codes.add(`${finding.code} ${finding.message}`);
    }
    // Not a comparison of two blind checks: the evidence and agent files were looked for inside
    // the workspace folder, and the ones there were found, from either folder.
    const messages = [...codes];
    assert.deepEqual(
      messages
        .filter((code) => /^AD365 /.test(code))
        .map((code) => /"(.*?)"/.exec(code)?.[1])
        .sort(),
      ['../evidence/handover-2026-09.md', 'evidence/handover-2026-09.md'],
    );
    assert.deepEqual(
      messages.filter((code) => /^AD420 /.test(code)).map((code) => /"(.*?)"/.exec(code)?.[1]),
      ['.vscode/mcp.json'],
    );
  });

  it('checks a file listed twice (nested workspace folders) both times', async function () {
    this.timeout(120000);
    const twice = files.flatMap((file) => [file, file]);
    const checked: Array<DocumentCheck | undefined> = [];
    assert.equal(
      await indexInWorkers(
        run((_file, check) => checked.push(check), twice),
        WORKER,
      ),
      true,
    );
    assert.equal(checked.length, twice.length);
    const agentDocs = files.filter((_file, index) => index % 10).length;
    assert.equal(checked.filter(Boolean).length, 2 * agentDocs);
  });

  it('leaves small workspaces and failed workers to the server itself', async () => {
    const checked: string[] = [];
    const few = run((file) => checked.push(file.path), files.slice(0, WORKER_INDEX_THRESHOLD - 1));
    assert.equal(await indexInWorkers(few, WORKER), false);
    const broken = path.join(root, 'broken-worker.js');
    fs.writeFileSync(broken, 'throw new Error("no engine here");\n');
    assert.equal(
      await indexInWorkers(
        run((file) => checked.push(file.path)),
        broken,
      ),
      false,
    );
    assert.deepEqual(checked, []);
  });
});
