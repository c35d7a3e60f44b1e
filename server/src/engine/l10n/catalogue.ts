import de from '../../../../schemas/l10n/de.json';
import fr from '../../../../schemas/l10n/fr.json';
import type { Locale } from './locale';

/** One translated text and the English it translates (a changed English text is not translated). */
export interface CatalogueEntry {
  en: string;
  text: string;
}

/** A language's catalogue: schemas/l10n/<locale>.json, validated by schemas/meta/l10n.schema.json. */
export interface MessageCatalogue {
  locale: string;
  messages: Record<string, CatalogueEntry>;
}

export const catalogues: Readonly<Record<Exclude<Locale, 'en'>, MessageCatalogue>> = {
  de: de as MessageCatalogue,
  fr: fr as MessageCatalogue,
};
