import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DidCloseTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { analyze, type Finding } from '../../server/src/engine';
import { StdioLspClient } from '../helpers/lspClient';
import { excerpt, invariantViolations } from './invariants';
import { FUZZ_SEED, fuzzRuns, mutatedDocument } from './mutations';

/**
 * Mutated examples through the real server process (node dist/server.js --stdio): each is opened
 * (checked at once) or sent as a full-text change to one long-lived document (checked after the
 * debounce); the published diagnostics must keep the invariants and match the engine's findings.
 */
describe('fuzzing the language server over stdio (fast-check)', function () {
  const runs = fuzzRuns('AGENTDOC_FUZZ_SERVER_RUNS', 30);
  this.timeout(Math.max(60_000, runs * 1500));
  let client: StdioLspClient;
  before(async () => {
    client = new StdioLspClient();
    await client.initialize();
  });
  after(async () => {
    await client.close();
  });

  it(`publishes well-formed diagnostics for ${runs} mutated documents and stays up (seed ${FUZZ_SEED})`, async () => {
    const inputs = fc.sample(fc.tuple(mutatedDocument, fc.boolean()), { seed: FUZZ_SEED + 1, numRuns: runs });
    const changing = 'untitled:/fuzz-changing.agentdoc.md';
    await client.open(changing, '# start\n', 1);
    let version = 1;
    let maxMs = 0;
    const failures: string[] = [];
    for (const [n, [input, asChange]] of inputs.entries()) {
      const started = Date.now();
      let uri = changing;
      if (asChange) {
        await client.replace(changing, input.text, ++version);
      } else {
        uri = `untitled:/fuzz-${n}.agentdoc.md`;
        await client.open(uri, input.text, 1);
      }
      const expectedVersion = asChange ? version : 1;
      const published = await client.diagnostics(uri, (params) => params.version === expectedVersion, 20_000);
      maxMs = Math.max(maxMs, Date.now() - started);
      if (!asChange)
        await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      const findings = published.diagnostics.map(
        (diagnostic) =>
          ({ code: String(diagnostic.code), message: diagnostic.message, range: diagnostic.range }) as Finding,
      );
      const problems = invariantViolations(input.text, findings);
      // Workspace-wide findings (e.g. duplicate ids across the open copies) come on top of the engine's own.
      const engine = analyze(input.text).findings.map(
        (finding) => `${finding.code}@${finding.range.start.line}:${finding.range.start.character}`,
      );
      const served = findings
        .filter((finding) => !/^AD38\d$/.test(finding.code))
        .map((finding) => `${finding.code}@${finding.range.start.line}:${finding.range.start.character}`);
      if (JSON.stringify(served) !== JSON.stringify(engine))
        problems.push(`server and engine disagree: ${served.length} vs ${engine.length} findings`);
      if (problems.length > 0)
        failures.push(
          `${input.example} ${JSON.stringify(input.mutations).slice(0, 200)}\n  ${excerpt(input.text)}\n  ${problems.slice(0, 5).join('\n  ')}`,
        );
    }
    assert.equal(client.process.exitCode, null, `the server exited; stderr: ${client.stderr}`);
    console.log(
      `      fuzz server: ${runs} inputs, ${failures.length} crashes or broken invariants, slowest round trip ${maxMs} ms`,
    );
    assert.deepEqual(failures.slice(0, 3), []);
  });
});
