import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES_DIR } from '../helpers/fixtures';
import { StdioLspClient } from '../helpers/lspClient';

/**
 * An opened document is checked at once: the debounce is for typing. The protocol library reports
 * an open as a content change as well; that change must not turn the open's check into a debounced
 * one (it did: every first check waited agentdoc.debounceMs).
 */
describe('language server: the first check of an opened document is not debounced', () => {
  let client: StdioLspClient;
  afterEach(async () => {
    await client.close();
  });

  it('publishes for the open even with a debounce far longer than the test may wait', async () => {
    client = new StdioLspClient();
    client.useSettings({ debounceMs: 600_000 });
    await client.initialize();
    const uri = 'untitled:/first-check.agentdoc.md';
    await client.open(uri, fs.readFileSync(path.join(EXAMPLES_DIR, 'broken.agentdoc.md'), 'utf8'));
    const published = await client.diagnostics(uri);
    assert.ok(published.diagnostics.length > 0, 'the broken example has findings');
  });
});
