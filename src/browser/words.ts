/**
 * UI strings in the browser, the other half of the client helper (ui.ts):
 * the strings an element was given by the page, filled and pluralised by the
 * same code the build uses (src/shared/template.ts), so a sentence reads the
 * same whether the server or the browser wrote it.
 */
import { localiseNumbers, pluralKey } from '../shared/plural.ts';
import { fillTemplate, type TemplateValues } from '../shared/template.ts';

/**
 * UI strings an element was given by the page (a JSON object in its
 * `data-words` attribute, rendered at build time from the strings file), in
 * the page's language.
 */
export class Words {
  readonly #strings: Record<string, string>;
  /** The page's language, for plural forms, numbers and dates. */
  readonly locale: string;

  constructor(json: string | undefined, locale: string) {
    this.#strings = json ? (JSON.parse(json) as Record<string, string>) : {};
    this.locale = locale;
  }

  /** The string with its {placeholders} filled (numbers as the language writes them); an unknown key shows as itself, so it is noticed. */
  text(key: string, values: TemplateValues = {}): string {
    return fillTemplate(this.#strings[key] ?? key, localiseNumbers(values, this.locale));
  }

  /** The string for a count in the language's plural form: `<key>.one`, `<key>.few`, … or `<key>.other`. */
  plural(key: string, count: number, values: TemplateValues = {}): string {
    return this.text(
      pluralKey(key, count, this.locale, (candidate) => Object.hasOwn(this.#strings, candidate)),
      { count, ...values },
    );
  }
}

/** The strings of an element (its `data-words`), in the language of the page. */
export function wordsOf(element: HTMLElement): Words {
  return new Words(element.dataset.words, document.documentElement.lang || 'en');
}

