/**
 * <handrail-theme-toggle>: the dark-theme switch. Its button says whether the
 * dark theme is on (aria-pressed), follows the system until the reader
 * chooses, and remembers the choice (the head script applies it before the
 * first paint of the next page).
 */
import { isThemeChoice, THEME_STORAGE_KEY } from '../shared/theme.ts';
import { define, part, writeStored } from './ui.ts';

class HandrailThemeToggle extends HTMLElement {
  readonly #system = matchMedia('(prefers-color-scheme: dark)');
  readonly #show = () => this.#sync();

  connectedCallback() {
    part(this, 'theme-toggle').addEventListener('click', () => {
      const next = this.#current() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset.theme = next;
      writeStored('localStorage', THEME_STORAGE_KEY, next);
      this.#sync();
    });
    this.#system.addEventListener('change', this.#show);
    this.#sync();
  }

  disconnectedCallback() {
    this.#system.removeEventListener('change', this.#show);
  }

  #current() {
    const chosen = document.documentElement.dataset.theme;
    return isThemeChoice(chosen) ? chosen : this.#system.matches ? 'dark' : 'light';
  }

  #sync() {
    part(this, 'theme-toggle').setAttribute('aria-pressed', String(this.#current() === 'dark'));
  }
}

define('handrail-theme-toggle', HandrailThemeToggle);
