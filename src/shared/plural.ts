/**
 * Counts in UI strings in the browser: plural forms by the CLDR rules every
 * browser and Node ship with Intl, and numbers as the language writes them.
 * A string with plural forms is an object of forms (`{"one": …, "other": …}`,
 * and `few`, `many`, … where the language has them; see src/shared/i18n.ts).
 * Apart from template.ts so the code every page runs before any
 * interaction, which prints no counts, does not carry it.
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

/** Values with every number written the way the language writes it ("1,234", "1 234"). */
export function localiseNumbers(values: TemplateValues, locale: string): TemplateValues {
  const format = new Intl.NumberFormat(locale);
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'number' ? format.format(value) : value]));
}
