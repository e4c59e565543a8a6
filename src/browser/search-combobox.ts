/**
 * <handrail-search-combobox>: the header's search field, suggesting articles
 * as the customer types. This part runs on every page before any
 * interaction, so it only makes the field a combobox (the attributes come
 * from the component in `data-aria`: without this script they would promise
 * a list that never opens) and waits for focus; the suggestions and Pagefind
 * (search-suggestions.ts, search-engine.ts) load then. Without JavaScript,
 * or if they cannot load, the field is a plain search form.
 */
import suggestionsUrl from './search-suggestions.ts?on-demand';
import { define } from './ui.ts';

define(
  'handrail-search-combobox',
  class extends HTMLElement {
    connectedCallback() {
      const input = this.querySelector('input')!;
      for (const [name, value] of Object.entries(JSON.parse(this.dataset.aria!) as Record<string, string>)) input.setAttribute(name, value);
      input.addEventListener(
        'focus',
        () => void (import(/* @vite-ignore */ suggestionsUrl) as Promise<typeof import('./search-suggestions.ts')>).then((m) => m.enhance(this, input))
            // Not loaded (offline, never cached): the form still submits to the search page.
            .catch(() => undefined),
        { once: true },
      );
    }
  },
);
