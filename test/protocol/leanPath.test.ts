import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES_DIR } from '../helpers/fixtures';
import { StdioLspClient } from '../helpers/lspClient';

/**
 * The per-keystroke path sends only what changed: an edit that leaves the findings and the
 * readiness as they were publishes no diagnostics and no readiness or portfolio notification.
 * agentdoc/checked (asked for with initializationOptions.reportChecks) says when a version's
 * check is done, so "nothing was sent" is observed, not waited for.
 */
describe('language server: only what changed is sent', () => {
  let client: StdioLspClient;
  const uri = 'untitled:/lean-path.agentdoc.md';
  const text = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');
  const counts = () => ({
    diagnostics: client.allDiagnostics(uri).length,
    readiness: client.notifications.filter((entry) => entry.method === 'agentdoc/readinessChanged').length,
    portfolio: client.notifications.filter((entry) => entry.method === 'agentdoc/portfolioChanged').length,
  });
  const checked = (version: number) =>
    client.notification(
      (method, params) =>
        method === 'agentdoc/checked' &&
        (params as { uri: string }).uri === uri &&
        (params as { version: number }).version === version,
    );

  beforeEach(() => {
    client = new StdioLspClient();
  });
  afterEach(async () => {
    await client.close();
  });

  it('sends nothing for an edit that changes no finding, and diagnostics for one that does', async () => {
    await client.initialize({}, [], { reportChecks: true });
    await client.open(uri, text);
    await checked(1);
    const opened = counts();
    assert.equal(opened.diagnostics, 1, 'the open publishes once');
    assert.equal(opened.readiness, 1, 'the open announces the readiness once');

    // A word added to prose: same findings, same readiness.
    const prose = text.replace(/^(# .*)$/m, '$1 (edited)');
    assert.notEqual(prose, text);
    await client.replace(uri, prose, 2);
    await checked(2);
    assert.deepEqual(counts(), opened, 'an edit that changes nothing sends nothing');

    // A stage that does not exist: a new finding, so diagnostics (of that version) go out.
    const broken = prose.replace(/^stage: .*$/m, 'stage: nowhere');
    assert.notEqual(broken, prose);
    await client.replace(uri, broken, 3);
    await checked(3);
    const after = counts();
    assert.equal(after.diagnostics, opened.diagnostics + 1);
    assert.equal(client.allDiagnostics(uri).at(-1)?.version, 3);
    assert.equal(after.portfolio, opened.portfolio, 'no cross-document change, no portfolio notification');
  });

  it('warms up after initialize without publishing anything', async () => {
    await client.initialize({}, [], { reportChecks: true });
    // The warm-up runs when the server is idle after initialize; a request answered after it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await client.request('agentdoc/portfolio', {});
    await client.open(uri, text);
    await checked(1);
    assert.deepEqual(client.publishedUris(), [uri], 'only the opened document gets diagnostics');
    assert.deepEqual(
      client.notifications
        .filter((entry) => entry.method === 'agentdoc/readinessChanged')
        .map((entry) => (entry.params as { uri: string }).uri),
      [uri],
    );
  });

  it('sends agentdoc/checked only to a client that asked for it', async () => {
    await client.initialize();
    await client.open(uri, text);
    await client.diagnostics(uri);
    await client.replace(uri, `${text}\n`, 2);
    // The next request is answered after the change was taken in; give the check time to finish.
    await client.request('agentdoc/portfolio', {});
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(client.notifications.filter((entry) => entry.method === 'agentdoc/checked').length, 0);
  });
});
