// Prints, for each language, the catalogue entries that are missing or outdated (their English
// changed), as JSON ready to translate and paste into schemas/l10n/<locale>.json. Needs compiled
// tests: npm run compile-tests && node scripts/l10n-missing.mjs [de|fr]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { allTexts } = require('../out/test/helpers/l10nCatalogue.js');
const locales = process.argv.slice(2).length ? process.argv.slice(2) : ['de', 'fr'];
const { texts, problems } = allTexts();
for (const problem of problems) console.error(problem);
for (const locale of locales) {
  const catalogue = JSON.parse(readFileSync(new URL(`../schemas/l10n/${locale}.json`, import.meta.url), 'utf8'));
  const todo = {};
  for (const { id, en } of texts) {
    const entry = catalogue.messages[id];
    if (!entry || entry.en !== en) todo[id] = { en, text: entry?.text ?? '' };
  }
  const known = new Set(texts.map((text) => text.id));
  const stale = Object.keys(catalogue.messages).filter((id) => !known.has(id));
  console.log(JSON.stringify({ locale, todo, stale }, null, 2));
}
