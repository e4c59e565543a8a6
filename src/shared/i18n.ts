/**
 * Interface text in the reader's language: strings with {placeholders},
 * plurals by the language's own rules, and dates, times, numbers and lists
 * through Intl. Pure and catalog-free, so a browser script can build one
 * from the strings a page embeds without shipping every language.
 */

/** CLDR plural categories, in CLDR's order. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
/** One CLDR plural category. */
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/**
 * The forms of a string that depends on a number, by CLDR category. Only
 * `other` is always needed; which others a language needs is what
 * `Intl.PluralRules` says it uses (Welsh and Arabic use all six).
 */
export type PluralForms = Partial<Record<PluralCategory, string>> & { other: string };

/** One UI string: plain text, or plural forms chosen by `count`. */
export type StringEntry = string | PluralForms;

/** A language's UI strings by key. */
export type Catalog = Readonly<Record<string, StringEntry>>;

/** Values for {placeholders}; numbers are formatted the language's way. */
export type StringValues = Readonly<Record<string, string | number>>;

/** Whether a catalog entry is a set of plural forms rather than plain text. */
export function isPluralForms(entry: unknown): entry is PluralForms {
  return typeof entry === 'object' && entry !== null && !Array.isArray(entry) && typeof (entry as { other?: unknown }).other === 'string';
}

/** The plural categories a language uses, e.g. ["one", "other"] for English. */
export function pluralCategoriesOf(locale: string): PluralCategory[] {
  const used = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
  return PLURAL_CATEGORIES.filter((category) => used.has(category));
}

/** The {placeholder} names an entry uses, in any of its forms, sorted. */
export function placeholdersOf(entry: StringEntry): string[] {
  const texts = typeof entry === 'string' ? [entry] : Object.values(entry).filter((text): text is string => typeof text === 'string');
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/\{(\w+)\}/g)) names.add(match[1]!);
  return [...names].sort();
}

/** Fills {placeholders}; a name without a value stays as written, so a browser script can fill it later. */
export function fillPlaceholders(text: string, values: StringValues, formatNumber: (n: number) => string): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    if (!(name in values)) return match;
    const value = values[name]!;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** The UI strings of one language, with English (or any fallback) behind them. */
export interface Translator<Key extends string = string> {
  /** The language code, e.g. "cy". */
  readonly lang: string;
  /** The BCP 47 tag used with Intl, e.g. "cy" or "en-GB". */
  readonly locale: string;
  /** Reading direction of the language. */
  readonly dir: 'ltr' | 'rtl';
  /**
   * A string with {placeholders} filled. A plural entry picks its form by
   * `values.count` with the rules of the language the text is in; without a
   * count it gives the `other` form, placeholders left for the caller.
   */
  t(key: Key, values?: StringValues): string;
  /**
   * The entry itself, placeholders unfilled: plain text, or every plural
   * form, for a browser script that fills it in later (see src/browser/words.ts).
   */
  entry(key: Key): StringEntry | undefined;
  /** Whether the key has text in this language itself (not only in a fallback). */
  has(key: string): boolean;
  /** The language the text of a key comes from: this one, or a fallback's code (to mark it with `lang`). */
  languageOf(key: Key): string | undefined;
  /** The CLDR category of a number in this language. */
  plural(count: number): PluralCategory;
  /** A number the language's way: "1,234" in English, "1.234" in German. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A calendar date (stored as UTC midnight), e.g. "3 Tachwedd 2026". */
  date(value: Date, options?: Intl.DateTimeFormatOptions): string;
  /** A moment in a time zone, e.g. "17:30" or "5:30 PM", the language's way. */
  time(value: Date, timeZone: string, options?: Intl.DateTimeFormatOptions): string;
  /** A list: "phone, chat and email" or, with "disjunction", "… or …". */
  list(items: readonly string[], type?: Intl.ListFormatType): string;
}

/** One catalog in the fallback chain, and the language its text is in. */
export interface CatalogLayer {
  /** Language code of the text. */
  lang: string;
  /** Tag for that language's plural rules. */
  locale: string;
  strings: Catalog;
}

/**
 * A translator over catalogs tried in order: the language's own first,
 * then its fallbacks (ending in English). Keys beginning with "_" (such as
 * a catalog's `_meta` review note) are never text.
 */
export function createCatalogTranslator<Key extends string = string>(
  language: { code: string; locale: string; dir: 'ltr' | 'rtl' },
  layers: readonly CatalogLayer[],
): Translator<Key> {
  const { code, locale, dir } = language;
  // Intl objects are costly to make and pages format many values.
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Map<string, Intl.PluralRules>();
  const rulesFor = (tag: string) => plurals.get(tag) ?? plurals.set(tag, new Intl.PluralRules(tag)).get(tag)!;
  const formatNumber = (n: number) => numbers.format(n);
  const find = (key: string): { entry: StringEntry; layer: CatalogLayer } | undefined => {
    if (key.startsWith('_')) return undefined;
    for (const layer of layers) {
      const entry = Object.hasOwn(layer.strings, key) ? layer.strings[key] : undefined;
      if (typeof entry === 'string' || isPluralForms(entry)) return { entry, layer };
    }
    return undefined;
  };
  return {
    lang: code,
    locale,
    dir,
    t(key, values = {}) {
      const found = find(key);
      if (!found) return key;
      const { entry, layer } = found;
      let text: string;
      if (typeof entry === 'string') text = entry;
      else {
        const count = values.count;
        const category = typeof count === 'number' ? rulesFor(layer.locale).select(count) : 'other';
        text = entry[category] ?? entry.other;
      }
      return fillPlaceholders(text, values, formatNumber);
    },
    entry(key) {
      return find(key)?.entry;
    },
    has(key) {
      return find(key)?.layer.lang === code;
    },
    languageOf(key) {
      return find(key)?.layer.lang;
    },
    plural(count) {
      return rulesFor(locale).select(count);
    },
    number(value, options) {
      return options ? new Intl.NumberFormat(locale, options).format(value) : formatNumber(value);
    },
    date(value, options = { day: 'numeric', month: 'long', year: 'numeric' }) {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(value);
    },
    time(value, timeZone, options = { hour: 'numeric', minute: '2-digit' }) {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(value);
    },
    list(items, type = 'conjunction') {
      return new Intl.ListFormat(locale, { type }).format(items);
    },
  };
}
