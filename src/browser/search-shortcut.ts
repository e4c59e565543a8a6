/**
 * <handrail-search-form>: "/" anywhere outside a text field jumps to the
 * search field (announced to assistive technology by aria-keyshortcuts on
 * the field). With two forms on a page, the one in the main content wins.
 */
import { define } from './ui.ts';

class HandrailSearchForm extends HTMLElement {
  readonly #onKey = (event: KeyboardEvent) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (!this.closest('main') && document.querySelector('main handrail-search-form')) return;
    const field = this.querySelector('input');
    if (!field) return;
    event.preventDefault();
    field.focus();
  };

  connectedCallback() {
    document.addEventListener('keydown', this.#onKey);
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this.#onKey);
  }
}

define('handrail-search-form', HandrailSearchForm);
