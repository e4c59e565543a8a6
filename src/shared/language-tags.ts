/**
 * Language tags, as writers type them in file names and settings. A leaf
 * module (no imports) so that schemas may use it, like hours.ts: the schema
 * and the pages then agree on what a language code is and which way it reads.
 */

/**
 * A language code as it appears in file names and addresses: a lower-case
 * BCP 47 tag such as "cy", "ar", "es" or "pt-br". Lower case because file
 * systems and URLs differ on case, and one spelling avoids two addresses.
 */
export const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

/**
 * Languages written right to left, for engines without `Intl.Locale`
 * text info (Firefox before 2025 has neither `getTextInfo()` nor `textInfo`).
 * Base languages only: a script subtag ("pa-arab", "az-arab") decides by itself.
 */
const RIGHT_TO_LEFT = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'khw', 'ks', 'nqo', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
const RIGHT_TO_LEFT_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg']);

interface TextInfoLocale {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
}

/** The canonical form of a tag ("pt-br" → "pt-BR"), or undefined when it is not a well-formed BCP 47 tag. */
export function canonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * Whether a tag names a language the platform knows ("cy", "pt-br"), not
 * just a well-formed tag ("cyy", "english"): a misspelt code must fail the
 * check rather than build a site in a language no one reads.
 */
export function isKnownLanguage(tag: string): boolean {
  const canonical = canonicalTag(tag);
  if (!canonical) return false;
  const language = new Intl.Locale(canonical).language;
  return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(language) !== undefined;
}

/** "ltr" or "rtl" for a language, from Intl where the engine knows, else from a known list. */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  const canonical = canonicalTag(tag);
  if (!canonical) return 'ltr';
  const locale = new Intl.Locale(canonical) as Intl.Locale & TextInfoLocale;
  const direction = locale.getTextInfo?.().direction ?? locale.textInfo?.direction;
  if (direction === 'rtl' || direction === 'ltr') return direction;
  const script = locale.script?.toLowerCase();
  if (script) return RIGHT_TO_LEFT_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RIGHT_TO_LEFT.has(locale.language) ? 'rtl' : 'ltr';
}

/**
 * The name a language gives itself ("Cymraeg", "العربية"), for the language
 * picker: a reader looks for their own language in their own words. The
 * first letter is capitalised the language's way ("Español", not "español").
 */
export function nativeLanguageName(tag: string): string {
  const canonical = canonicalTag(tag) ?? tag;
  const name = new Intl.DisplayNames([canonical], { type: 'language' }).of(canonical) ?? canonical;
  return name.charAt(0).toLocaleUpperCase(canonical) + name.slice(1);
}

/** The English name of a language ("Welsh"), for messages to writers. */
export function englishLanguageName(tag: string): string {
  const canonical = canonicalTag(tag) ?? tag;
  return new Intl.DisplayNames(['en'], { type: 'language' }).of(canonical) ?? tag;
}
