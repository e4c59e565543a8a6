/**
 * Counts in UI strings: plural forms by the CLDR rules every browser and
 * Node ship with Intl, and numbers as the language writes them. A string
 * with plural forms is written as `<key>.one`, `<key>.other` (and
 * `<key>.few`, `<key>.many`, … where the language has them). Apart from
 * template.ts so the code every page runs before any interaction, which
 * prints no counts, does not carry it.
 */
import type { TemplateValues } from './template.ts';

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The plural category of a count in a language ("one", "few", "many",
 * "other", …), from the CLDR rules every browser ships with Intl — English
 * has two forms, Welsh six, Arabic six, Polish four.
 */
export function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count);
}

/**
 * The string key for a count: `<key>.<category>` when the strings have that
 * form, otherwise `<key>.other`, which every plural string must have.
 */
export function pluralKey(key: string, count: number, locale: string, has: (key: string) => boolean): string {
  const exact = `${key}.${pluralCategory(locale, count)}`;
  return has(exact) ? exact : `${key}.other`;
}

/** Values with every number written the way the language writes it ("1,234", "1 234"). */
export function localiseNumbers(values: TemplateValues, locale: string): TemplateValues {
  const format = new Intl.NumberFormat(locale);
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'number' ? format.format(value) : value]));
}
