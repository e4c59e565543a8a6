import type { APIRoute } from 'astro';
import { loadHelpCenter } from '../data/help-center.ts';
import { loadLanguages } from '../data/translations.ts';
import { isoDate } from '../shared/help-center.ts';
import { sitemapEntriesByLanguage, sitemapXml } from '../shared/sitemap.ts';

/**
 * Every public page in every language, for search engines and for the
 * accessibility audit. A language lists only the articles translated into
 * it: a fallback page (the original's text at /cy/…) is the original's
 * page, named once under its own language.
 */
export const GET: APIRoute = async () => {
  const { site, categories, articles } = await loadHelpCenter();
  const { settings, articleLanguages } = await loadLanguages();
  const entries = sitemapEntriesByLanguage(settings, categories, articles, articleLanguages).map((entry) => ({
    loc: new URL(`${import.meta.env.BASE_URL.replace(/\/$/, '')}${entry.path}`, site.url).href,
    lastmod: entry.updated ? isoDate(entry.updated) : undefined,
  }));
  return new Response(sitemapXml(entries), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
