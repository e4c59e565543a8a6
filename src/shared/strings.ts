import en from '../translations/en.json' with { type: 'json' };
import { localiseNumbers, pluralKey } from './plural.ts';
import { fillTemplate, type TemplateValues } from './template.ts';

/** A key of the UI strings file. */
export type StringKey = keyof typeof en;

/** A string with plural forms: the strings file has `<key>.other` (and `<key>.one`, … as the language needs). */
export type PluralStringKey = StringKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

/**
 * A UI string, with {placeholders} filled in. Every visible label and ARIA
 * name comes from here so that a translation is one file.
 */
export function t(key: StringKey, values: TemplateValues = {}): string {
  return fillTemplate(en[key], values);
}

/** A UI string for a count, in the plural form the site's language uses for it ("1 article", "2 articles"). */
export function tPlural(key: PluralStringKey, count: number, locale: string, values: TemplateValues = {}): string {
  const chosen = pluralKey(key, count, locale, (candidate) => Object.hasOwn(en, candidate)) as StringKey;
  return fillTemplate(en[chosen], localiseNumbers({ count, ...values }, locale));
}
