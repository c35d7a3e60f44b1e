import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXAMPLES_DIR } from '../helpers/fixtures';
import { StdioLspClient } from '../helpers/lspClient';

/** The editor's display language reaches the server as params.locale (VS Code sends it). */
describe('language server messages in the client language', () => {
  let client: StdioLspClient;
  beforeEach(() => {
    client = new StdioLspClient();
  });
  afterEach(async () => {
    await client.close();
  });

  async function diagnosticsFor(extra: {
    locale?: string;
    initializationOptions?: Record<string, unknown>;
  }): Promise<string[]> {
    const { initializationOptions, ...clientInfo } = extra;
    await client.initialize({}, [], initializationOptions, clientInfo);
    const file = path.join(EXAMPLES_DIR, 'broken.agentdoc.md');
    const uri = pathToFileURL(file).toString();
    await client.open(uri, fs.readFileSync(file, 'utf8'));
    return (await client.diagnostics(uri)).diagnostics.map((diagnostic) =>
      typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    );
  }

  it('publishes German diagnostics for locale de', async () => {
    const messages = (await diagnosticsFor({ locale: 'de' })).join('\n');
    assert.match(messages, /Der Abschnitt "Known limitations" ist leer/);
    assert.doesNotMatch(messages, /is empty:/);
  });

  it('publishes French diagnostics for locale fr-CA, and German when initializationOptions.locale says so', async () => {
    const messages = (await diagnosticsFor({ locale: 'fr-CA' })).join('\n');
    assert.match(messages, /La section « Known limitations » est vide/);
    await client.close();
    client = new StdioLspClient();
    const german = (await diagnosticsFor({ locale: 'fr', initializationOptions: { locale: 'de' } })).join('\n');
    assert.match(german, /Der Abschnitt "Known limitations" ist leer/);
  });

  it('stays English without a locale', async () => {
    const messages = (await diagnosticsFor({})).join('\n');
    assert.match(messages, /Section "Known limitations" is empty/);
  });
});
