import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { catalogues, type MessageCatalogue } from '../../server/src/engine/l10n';
import { analyze, setLocale } from '../../server/src/engine';
import { allTexts, placeholders } from '../helpers/l10nCatalogue';
import { checkWithAgentFiles, FIXTURE_DIR, loadFixture } from '../helpers/fixtures';

const REPO = path.resolve(__dirname, '../../..');
const LANGUAGES = ['de', 'fr'] as const;

/**
 * Every text the engine shows goes through msg() (or schemaText() for guidance in schemas/), and
 * German and French translate all of them. The catalogues keep the English they translate, so a
 * changed English text fails here until it is translated again.
 */
describe('message catalogue (schemas/l10n)', () => {
  const { texts, problems } = allTexts();

  it('finds every engine text with a literal id, a literal English template and exactly its placeholders', () => {
    assert.deepEqual(problems, []);
    assert.ok(texts.length > 250, `only ${texts.length} texts found`);
  });

  for (const locale of LANGUAGES) {
    describe(locale, () => {
      const catalogue: MessageCatalogue = catalogues[locale];

      it('is valid against schemas/meta/l10n.schema.json', () => {
        const meta = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas/meta/l10n.schema.json'), 'utf8')) as object;
        const file = JSON.parse(fs.readFileSync(path.join(REPO, `schemas/l10n/${locale}.json`), 'utf8')) as unknown;
        const ajv = new Ajv({ strict: true, allErrors: true });
        const valid = ajv.validate(meta, file);
        assert.ok(valid, ajv.errorsText());
        assert.equal(catalogue.locale, locale);
      });

      it('translates every text, from the English the code has now', () => {
        const missing = texts
          .filter((text) => !catalogue.messages[text.id])
          .map((text) => `${text.id} (${text.where})`);
        const outdated = texts
          .filter((text) => catalogue.messages[text.id] && catalogue.messages[text.id]!.en !== text.en)
          .map((text) => `${text.id}: the English is now "${text.en}"`);
        assert.deepEqual(
          { missing, outdated },
          { missing: [], outdated: [] },
          'run `npm run compile-tests && node scripts/l10n-missing.mjs` for what to translate',
        );
      });

      it('keeps the placeholders of the English in every translation', () => {
        const wrong = Object.entries(catalogue.messages)
          .filter(([, entry]) => placeholders(entry.text).join() !== placeholders(entry.en).join())
          .map(
            ([id, entry]) =>
              `${id}: {${placeholders(entry.text).join(', ')}} vs {${placeholders(entry.en).join(', ')}}`,
          );
        assert.deepEqual(wrong, []);
      });

      it('has no entry the engine no longer uses', () => {
        const known = new Set(texts.map((text) => text.id));
        assert.deepEqual(
          Object.keys(catalogue.messages).filter((id) => !known.has(id)),
          [],
        );
      });

      it('keeps the keys and names the document uses as they are (front matter keys, code examples)', () => {
        const keys = (text: string) =>
          [...text.matchAll(/\b[a-z_]+\.[a-z_]+(?:\.[a-z_]+)*\b/g)]
            .map((m) => m[0])
            .filter((key) => key !== 'e.g')
            .sort();
        const changed = Object.entries(catalogue.messages)
          .filter(([, entry]) => keys(entry.en).some((key) => !keys(entry.text).includes(key)))
          .map(([id]) => id);
        assert.deepEqual(changed, []);
      });
    });
  }
});

/**
 * Under the pseudo-locale every catalogued text comes out as ⟦…⟧: a finding message, related
 * message or fix title that comes out bare was written without msg(), so it would stay English.
 */
describe('no engine text bypasses the catalogue (pseudo-locale over every rule fixture)', () => {
  after(() => setLocale('en'));
  const dir = path.join(FIXTURE_DIR, 'rules');
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.agentdoc.md'))
    .sort();
  it('wraps every message, related message and fix title', async () => {
    setLocale('qps');
    const bare: string[] = [];
    const wrapped = (text: string) => text.startsWith('⟦') || /^AD\d{3} ⟦/.test(text);
    for (const name of files) {
      const fixture = loadFixture(path.join(dir, name));
      for (const finding of await checkWithAgentFiles(fixture.text, path.join(dir, name))) {
        if (!wrapped(finding.message)) bare.push(`${name} ${finding.code}: ${finding.message}`);
        for (const related of finding.related ?? [])
          if (!wrapped(related.message)) bare.push(`${name} ${finding.code} related: ${related.message}`);
        for (const fix of finding.fixes ?? [])
          if (!wrapped(fix.title)) bare.push(`${name} ${finding.code} fix: ${fix.title}`);
      }
    }
    setLocale('en');
    assert.deepEqual([...new Set(bare)], []);
  });

  it('speaks German and French with the same findings as English', async () => {
    const file = path.join(dir, 'dpia.agentdoc.md');
    const fixture = loadFixture(fs.existsSync(file) ? file : path.join(dir, files[0]!));
    const run = async (locale: string) => {
      setLocale(locale);
      const findings = await checkWithAgentFiles(fixture.text, file);
      setLocale('en');
      return findings;
    };
    const [en, de, fr] = [await run('en'), await run('de-DE'), await run('fr_FR.UTF-8')];
    const shape = (findings: typeof en) => findings.map((f) => `${f.code}@${f.range.start.line}/${f.severity}`);
    assert.deepEqual(shape(de), shape(en));
    assert.deepEqual(shape(fr), shape(en));
    assert.notDeepEqual(
      de.map((f) => f.message),
      en.map((f) => f.message),
    );
    assert.notDeepEqual(
      fr.map((f) => f.message),
      en.map((f) => f.message),
    );
  });

  it("quotes a schema's description in the finding's language, with the language's punctuation", () => {
    const text = fs
      .readFileSync(path.join(REPO, 'examples', 'pilot.agentdoc.md'), 'utf8')
      .replace(/^(\s+since:).*$/m, '$1 March');
    const message = (locale: string) => {
      setLocale(locale);
      const found = analyze(text, { today: '2026-11-30' }).findings.find((f) => f.message.includes('owner.since'));
      setLocale('en');
      return found?.message;
    };
    assert.equal(message('en'), '"March" is not a valid owner.since: a calendar date, YYYY-MM-DD.');
    assert.equal(
      message('de'),
      '"March" ist kein gültiger Wert für owner.since: ein Kalenderdatum im Format JJJJ-MM-TT.',
    );
    assert.equal(
      message('fr'),
      '"March" n\'est pas une valeur valide pour owner.since : une date au format AAAA-MM-JJ.',
    );
  });

  it('says the verdict in the chosen language (status bar, checklist, CLI header)', () => {
    const text = fs.readFileSync(path.join(REPO, 'examples', 'pilot.agentdoc.md'), 'utf8');
    const phrase = (locale: string) => {
      setLocale(locale);
      const { verdict } = analyze(text, { today: '2026-11-30' });
      setLocale('en');
      return verdict.phrase;
    };
    assert.match(phrase('en'), /^Pilot · \d+ findings block shadow$/);
    assert.match(phrase('de'), /^Pilot · \d+ Befunde blockieren shadow$/);
    assert.match(phrase('fr'), /^Pilot · \d+ constats bloquent shadow$/);
    setLocale('de');
    const unknown = analyze(text.replace(/^stage: .*$/m, 'stage: beta'), { today: '2026-11-30' }).verdict.phrase;
    setLocale('en');
    assert.equal(unknown, 'Phase unbekannt');
  });
});
