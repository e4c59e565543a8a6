import en from '../translations/en.json' with { type: 'json' };
import ar from '../translations/ar.json' with { type: 'json' };
import cy from '../translations/cy.json' with { type: 'json' };
import de from '../translations/de.json' with { type: 'json' };
import es from '../translations/es.json' with { type: 'json' };
import fr from '../translations/fr.json' with { type: 'json' };
import { createCatalogTranslator, isPluralForms, type Catalog, type CatalogLayer, type StringEntry, type StringValues, type Translator } from './i18n.ts';
import { canonicalTag, textDirection } from './language-tags.ts';

/** A key of the UI strings file. */
export type StringKey = keyof typeof en;

/** The language every other falls back to, and the one `en.json` is written in. */
export const SOURCE_LANGUAGE = 'en';

/**
 * A shipped strings file as a catalog: keys starting with "_" (the `_meta`
 * review note) are not strings, and anything that is neither text nor
 * plural forms is dropped rather than shown (the unit tests catch it).
 */
function catalogOf(json: Readonly<Record<string, unknown>>): Catalog {
  return Object.fromEntries(Object.entries(json).filter(([key, entry]) => !key.startsWith('_') && (typeof entry === 'string' || isPluralForms(entry)))) as Catalog;
}

/** The interface languages that ship with Handrail, by code: src/translations/<code>.json. */
export const shippedCatalogs: Readonly<Record<string, Catalog>> = { en: catalogOf(en), ar: catalogOf(ar), cy: catalogOf(cy), de: catalogOf(de), es: catalogOf(es), fr: catalogOf(fr) };

/** The review note a shipped strings file carries, e.g. that a machine wrote it and no native speaker has checked it. */
export interface CatalogReviewNote {
  /** Written by a machine and not yet checked by a fluent speaker. */
  machineMade: boolean;
  /** Who should review it, and how to mark keys as reviewed. */
  note: string;
  /** Keys a fluent speaker has checked. */
  reviewed: string[];
}

/** The `_meta` note of each shipped strings file that has one. */
export const shippedReviewNotes: Readonly<Record<string, CatalogReviewNote>> = Object.fromEntries(
  Object.entries({ ar, cy, de, es, fr }).map(([code, json]) => [code, (json as { _meta: CatalogReviewNote })._meta]),
);

/**
 * Codes to look up for a language, most specific first: "pt-br" then "pt",
 * so a regional variant uses its base language's strings where it has none.
 */
export function lookupChain(code: string): string[] {
  const chain = [code];
  const base = code.split('-')[0]!;
  if (base !== code) chain.push(base);
  if (!chain.includes(SOURCE_LANGUAGE)) chain.push(SOURCE_LANGUAGE);
  return chain;
}

/**
 * The UI strings of a language: the site's own (content/translations/<lang>.yaml,
 * passed as `overrides` by language code) over the shipped file, then the
 * base language, then English, so a missing string is never blank.
 */
export function createTranslator(
  language: string | { code: string; locale: string; dir: 'ltr' | 'rtl' },
  overrides: Readonly<Record<string, Catalog>> = {},
): Translator<StringKey> {
  const resolved = typeof language === 'string' ? { code: language, locale: canonicalTag(language) ?? language, dir: textDirection(language) } : language;
  const layers: CatalogLayer[] = [];
  for (const code of lookupChain(resolved.code)) {
    const locale = code === resolved.code ? resolved.locale : (canonicalTag(code) ?? code);
    const site = overrides[code];
    if (site) layers.push({ lang: code, locale, strings: site });
    const shipped = shippedCatalogs[code];
    if (shipped) layers.push({ lang: code, locale, strings: shipped });
  }
  return createCatalogTranslator<StringKey>(resolved, layers);
}

const english = createTranslator(SOURCE_LANGUAGE);

/**
 * A UI string in English, with {placeholders} filled in. Every visible
 * label and ARIA name comes from here so that a translation is one file.
 * Pages in other languages use `createTranslator(language).t` instead.
 */
export function t(key: StringKey, values: StringValues = {}): string {
  return english.t(key, values);
}

/**
 * UI strings for a browser script, as the page embeds them (`data-words`):
 * each entry as written, placeholders unfilled and every plural form kept,
 * so the script fills and picks them with the same rules (src/browser/words.ts).
 */
export function wordsFor(keys: readonly StringKey[], translator: Translator<StringKey> = english): Record<string, StringEntry> {
  return Object.fromEntries(keys.flatMap((key) => {
    const entry = translator.entry(key);
    return entry === undefined ? [] : [[key, entry]];
  }));
}
