import { catalogues } from './catalogue';
import { PSEUDO_LOCALE, resolveLocale, type Locale } from './locale';

export { LOCALES, PSEUDO_LOCALE, resolveLocale, localeFromEnvironment, type Locale } from './locale';
export { catalogues, type CatalogueEntry, type MessageCatalogue } from './catalogue';

/** Values as a template literal would print them (undefined prints "undefined", as before). */
export type MessageArgs = Readonly<Record<string, string | number | boolean | undefined | null>>;

/**
 * The process speaks one language: the CLI sets it from --lang or the environment, the language
 * server from the client's locale, before any document is checked.
 */
let current: Locale | typeof PSEUDO_LOCALE = 'en';

export function setLocale(tag: string | undefined): Locale | typeof PSEUDO_LOCALE {
  current = resolveLocale(tag);
  return current;
}

export function currentLocale(): Locale | typeof PSEUDO_LOCALE {
  return current;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

function fill(template: string, args: MessageArgs | undefined): string {
  if (!args) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole,
  );
}

/**
 * A user-visible engine text. `id` is stable and unique (module name, dot, what it says), `en` is
 * the English template with {named} placeholders. Other languages come from schemas/l10n/<locale>.json;
 * a missing or outdated translation (its `en` differs) falls back to English, and the l10n test
 * fails on both, so a catalogue cannot drift silently.
 */
export function msg(id: string, en: string, args?: MessageArgs): string {
  if (current === 'en') return fill(en, args);
  if (current === PSEUDO_LOCALE) return `⟦${fill(en, args)}⟧`;
  const entry = catalogues[current].messages[id];
  return fill(entry && entry.en === en ? entry.text : en, args);
}

/**
 * Guidance that lives in schemas/ (gate item titles and hints, section guidance): the key names
 * where it lives, e.g. "gates.owner-named.hint". Same catalogue and fallback as msg().
 */
export function schemaText(key: string, en: string): string {
  return msg(`schema:${key}`, en);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a text contains the message `id` in the current language, whatever its placeholders
 * hold: for the few places that recognise a finding by what it says. Same id and English as the
 * msg() call that makes it (the l10n test checks).
 */
export function matchesMsg(text: string, id: string, en: string): boolean {
  const template = msg(id, en, {});
  const pattern = escapeRegExp(template).replace(/\\\{[A-Za-z][A-Za-z0-9]*\\\}/g, '[\\s\\S]*?');
  return new RegExp(pattern).test(text);
}
