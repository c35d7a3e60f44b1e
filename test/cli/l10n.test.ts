import * as assert from 'node:assert/strict';
import { runCli } from '../helpers/cli';

const BROKEN = 'examples/broken.agentdoc.md';

/** The CLI's language: --lang first, then LC_ALL, LC_MESSAGES and LANG as gettext reads them; else English. */
describe('CLI messages in German and French', () => {
  it('speaks German with --lang de, with the same findings as in English', () => {
    const english = runCli(['check', '--format', 'json', BROKEN]);
    const german = runCli(['check', '--lang', 'de', '--format', 'json', BROKEN]);
    assert.equal(german.code, english.code);
    type Json = { files: Array<{ findings: Array<{ code: string; message: string; range: unknown }> }> };
    const [en, de] = [JSON.parse(english.stdout) as Json, JSON.parse(german.stdout) as Json];
    const shape = (json: Json) => json.files.flatMap((file) => file.findings.map((f) => [f.code, f.range]));
    assert.deepEqual(shape(de), shape(en));
    const messages = de.files.flatMap((file) => file.findings.map((f) => f.message)).join('\n');
    assert.match(messages, /Der Abschnitt "Known limitations" ist leer/);
    assert.match(
      messages,
      /Fehlende Abschnitte und unbearbeitete Vorlagen: Die Schnellkorrektur fügt die 4 fehlenden ein, und einer enthält nur seine Vorlage\. Für shadow: Runbook \(fehlt\), Compliance; für canary: Operations \(fehlt\)/,
    );
  });

  it('speaks French from LANG=fr_FR.UTF-8', () => {
    const result = runCli(['check', BROKEN], { env: { LANG: 'fr_FR.UTF-8' } });
    assert.match(result.stdout, /La section « Known limitations » est vide/);
    assert.match(result.stdout, /entre apostrophes et contient une apostrophe/);
  });

  it('lets LC_ALL win over LANG, and --lang over both', () => {
    const lcAll = runCli(['check', BROKEN], { env: { LANG: 'fr_FR.UTF-8', LC_ALL: 'de_DE.UTF-8' } });
    assert.match(lcAll.stdout, /Der Abschnitt "Known limitations" ist leer/);
    const flag = runCli(['check', '--lang=en', BROKEN], { env: { LC_ALL: 'de_DE.UTF-8' } });
    assert.match(flag.stdout, /Section "Known limitations" is empty/);
    assert.doesNotMatch(flag.stdout, /ist leer/);
  });

  it('speaks English for C, POSIX and languages it has no catalogue for', () => {
    for (const LANG of ['C.UTF-8', 'POSIX', 'ja_JP.UTF-8']) {
      const result = runCli(['check', BROKEN], { env: { LANG } });
      assert.match(result.stdout, /Section "Known limitations" is empty/, LANG);
    }
  });

  it('passes the language to its worker threads (many files)', () => {
    const result = runCli(['check', '--lang', 'de', '--jobs', '2', 'examples', 'test/fixtures/rules']);
    assert.doesNotMatch(result.stdout, /YAML syntax error|is empty:/);
    assert.match(result.stdout, /ist leer: Schreiben Sie/);
  });
});
