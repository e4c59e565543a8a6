/**
 * UI strings in the browser, the other half of the client helper (ui.ts):
 * the strings an element was given by the page, filled and pluralised by the
 * same rules the build uses (src/shared/template.ts, src/shared/plural.ts),
 * so a sentence reads the same whether the server or the browser wrote it.
 */
import type { StringEntry } from '../shared/i18n.ts';
import { localiseNumbers, pluralCategory } from '../shared/plural.ts';
import { fillTemplate, type TemplateValues } from '../shared/template.ts';

/**
 * UI strings an element was given by the page (a JSON object in its
 * `data-words` attribute, rendered at build time by `wordsFor` in
 * src/shared/strings.ts), in the page's language. An entry is plain text,
 * or plural forms by CLDR category (`{"one": …, "other": …}`).
 */
export class Words {
  readonly #strings: Record<string, StringEntry>;
  /** The page's language, for plural forms, numbers and dates. */
  readonly locale: string;

  constructor(json: string | undefined, locale: string) {
    this.#strings = json ? (JSON.parse(json) as Record<string, StringEntry>) : {};
    this.locale = locale;
  }

  /**
   * The string with its {placeholders} filled (numbers as the language
   * writes them). A plural entry picks its form by `values.count`. An
   * unknown key shows as itself, so it is noticed.
   */
  text(key: string, values: TemplateValues = {}): string {
    const entry = this.#strings[key];
    const count = values.count;
    const text = entry === undefined ? key : typeof entry === 'string' ? entry : (entry[pluralCategory(this.locale, typeof count === 'number' ? count : NaN)] ?? entry.other);
    return fillTemplate(text, localiseNumbers(values, this.locale));
  }

  /** The string for a count, in the language's plural form ("1 result", "2 results"). */
  plural(key: string, count: number, values: TemplateValues = {}): string {
    return this.text(key, { count, ...values });
  }
}

/** The strings of an element (its `data-words`), in the language of the page. */
export function wordsOf(element: HTMLElement): Words {
  return new Words(element.dataset.words, document.documentElement.lang || 'en');
}
