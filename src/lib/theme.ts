import type { SiteData } from '../schemas/site.ts';

/**
 * CSS that applies the site's brand colours to both themes. The dark
 * colours apply when the reader chose dark, or when their system is dark
 * and they have not chosen light.
 */
export function themeCss(theme: SiteData['theme']): string {
  const vars = (c: { accent: string; accentText: string }) =>
    `--hr-accent:${c.accent};--hr-accent-text:${c.accentText};--hr-link:${c.accent};`;
  return [
    `:root{${vars(theme.light)}}`,
    `:root[data-theme='dark']{${vars(theme.dark)}}`,
    `@media (prefers-color-scheme: dark){:root:not([data-theme='light']){${vars(theme.dark)}}}`,
  ].join('');
}
