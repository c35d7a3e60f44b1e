/** The languages agentdoc speaks. English is the source; the others come from schemas/l10n/. */
export const LOCALES = ['en', 'de', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * A pseudo-locale for tests only: every catalogued text comes out wrapped in ⟦…⟧, so a test can
 * see which texts bypassed the catalogue (they come out bare).
 */
export const PSEUDO_LOCALE = 'qps';

/**
 * The language for a BCP 47 tag ("de-CH"), a POSIX locale ("fr_FR.UTF-8", "C") or a --lang value;
 * anything we have no catalogue for is English.
 */
export function resolveLocale(tag: string | undefined): Locale | typeof PSEUDO_LOCALE {
  const base =
    (tag ?? '')
      .trim()
      .toLowerCase()
      .split(/[-_.@]/)[0] ?? '';
  if (base === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'en';
}

/**
 * The locale from a process environment the way gettext reads it: LC_ALL, then LC_MESSAGES, then
 * LANG (LANGUAGE lists preferences and is only read when one of those is set to something else than C).
 */
export function localeFromEnvironment(env: Record<string, string | undefined>): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return value;
  }
  return undefined;
}
