import type { Language } from '../schemas/site.ts';

/**
 * Addresses in several languages. The default language lives at the root
 * (/articles/refunds/) unless `prefixDefaultLanguage` is set; every other
 * language under its code (/cy/articles/refunds/). Paths here are
 * root-relative without the base path, like those from `routes`; `withBase`
 * adds it. Which languages a page exists in is always passed in, so
 * alternates and the picker never list a translation that does not exist.
 */

/** The part of the site settings that addresses depend on. */
export interface LanguageSettings {
  /** Declared languages, the default first. */
  languages: readonly Language[];
  /** Whether the default language has its own prefix too. */
  prefixDefaultLanguage: boolean;
}

/** The default language: the first declared. */
export function defaultLanguage(settings: LanguageSettings): Language {
  const first = settings.languages[0];
  if (!first) throw new Error('The site declares no language; content/site.yaml always resolves at least one.');
  return first;
}

/** A declared language by its code. */
export function findLanguage(settings: LanguageSettings, code: string): Language | undefined {
  return settings.languages.find((language) => language.code === code);
}

/** "" for the default language at the root, else "/<code>". */
export function languagePrefix(settings: LanguageSettings, code: string): string {
  return code === defaultLanguage(settings).code && !settings.prefixDefaultLanguage ? '' : `/${code}`;
}

/** The address of a page in a language: "/articles/refunds/" in Welsh is "/cy/articles/refunds/". */
export function localizedPath(settings: LanguageSettings, code: string, path: string): string {
  if (!path.startsWith('/')) return path;
  return `${languagePrefix(settings, code)}${path}`;
}

/**
 * The language an address is in, and the address without its prefix: the
 * inverse of `localizedPath`, for the 404 page, redirects and link rewriting.
 * An address without a declared prefix is in the default language.
 */
export function splitLocalizedPath(settings: LanguageSettings, path: string): { lang: string; path: string } {
  const match = /^\/([a-z0-9-]+)(\/.*)?$/.exec(path);
  if (match) {
    const language = findLanguage(settings, match[1]!);
    const isPrefixed = language && (language.code !== defaultLanguage(settings).code || settings.prefixDefaultLanguage);
    if (isPrefixed) return { lang: language.code, path: match[2] ?? '/' };
  }
  return { lang: defaultLanguage(settings).code, path };
}

/**
 * Which language's content a page shows to a reader of `requested`: their
 * own when it exists; else another declared variant of the same language
 * ("pt" for "pt-br"); else the default language, which always exists.
 * `fallback` is true when the reader gets another language than they asked
 * for, so the page says so and marks the text with its own lang and dir.
 */
export function contentLanguage(settings: LanguageSettings, requested: string, available: ReadonlySet<string>): { language: Language; fallback: boolean } {
  const exact = findLanguage(settings, requested);
  if (exact && available.has(exact.code)) return { language: exact, fallback: false };
  const base = requested.split('-')[0]!;
  const sibling = settings.languages.find((language) => language.code !== requested && language.code.split('-')[0] === base && available.has(language.code));
  if (sibling) return { language: sibling, fallback: true };
  return { language: defaultLanguage(settings), fallback: true };
}

/** The declared languages a page exists in, in the declared order. */
export function pageLanguages(settings: LanguageSettings, available: ReadonlySet<string>): Language[] {
  return settings.languages.filter((language) => available.has(language.code));
}

/** One `<link rel="alternate" hreflang>` of a page. */
export interface Alternate {
  /** A BCP 47 tag such as "en-GB", or "x-default". */
  hreflang: string;
  /** Root-relative address (the caller makes it absolute). */
  path: string;
}

/**
 * The `hreflang` alternates of a page: one per language it really exists
 * in, plus `x-default` (the default language's address). A page that
 * exists in one language only has none: there is nothing to choose between.
 */
export function alternates(settings: LanguageSettings, path: string, available: ReadonlySet<string>): Alternate[] {
  const languages = pageLanguages(settings, available);
  if (languages.length < 2) return [];
  const links = languages.map((language) => ({ hreflang: language.locale, path: localizedPath(settings, language.code, path) }));
  const fallback = defaultLanguage(settings);
  const xDefault = available.has(fallback.code) ? fallback : languages[0]!;
  return [...links, { hreflang: 'x-default', path: localizedPath(settings, xDefault.code, path) }];
}

/**
 * The canonical address of a page shown in `shownIn`: a fallback page
 * (English text at /cy/…) names the original's address, so search engines
 * index the English once, under English.
 */
export function canonicalPath(settings: LanguageSettings, path: string, shownIn: string): string {
  return localizedPath(settings, shownIn, path);
}

/** One entry of the language picker. */
export interface PickerEntry {
  code: string;
  /** BCP 47 tag, for the link's `hreflang` and `lang`. */
  locale: string;
  /** The language's own name, e.g. "Cymraeg". */
  name: string;
  dir: 'ltr' | 'rtl';
  /** The same page in that language. */
  path: string;
  /** The language being read. */
  isCurrent: boolean;
}

/**
 * The language picker of a page: the same page in each language it exists
 * in, so the reader stays on the article they were reading. Languages the
 * page is not translated into are left out rather than leading to a
 * fallback; none at all when the page exists in one language only.
 */
export function languagePicker(settings: LanguageSettings, path: string, current: string, available: ReadonlySet<string>): PickerEntry[] {
  const languages = pageLanguages(settings, available);
  if (languages.length < 2) return [];
  return languages.map((language) => ({
    code: language.code,
    locale: language.locale,
    name: language.name,
    dir: language.dir,
    path: localizedPath(settings, language.code, path),
    isCurrent: language.code === current,
  }));
}
