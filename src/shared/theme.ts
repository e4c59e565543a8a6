import type { SiteData } from '../schemas/site.ts';

/**
 * CSS that applies the site's brand colours to both themes: each property
 * holds its light and dark value, and light-dark() picks by color-scheme
 * (the reader's system, or their choice with the toggle).
 */
export function themeCss(theme: SiteData['theme']): string {
  const pair = (field: 'accent' | 'accentText') => `light-dark(${theme.light[field]},${theme.dark[field]})`;
  return `:root{--hr-accent:${pair('accent')};--hr-accent-text:${pair('accentText')};--hr-link:${pair('accent')}}`;
}

/** Where the reader's theme choice is kept (local storage): "dark" or "light"; none follows the system. */
export const THEME_STORAGE_KEY = 'handrail-theme';

/** The themes a reader can choose. */
export type ThemeChoice = 'dark' | 'light';

/** Whether a stored value is a theme choice (storage is shared with anything else on the origin). */
export function isThemeChoice(value: unknown): value is ThemeChoice {
  return value === 'dark' || value === 'light';
}
