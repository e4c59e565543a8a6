import type { APIRoute } from 'astro';
import { loadHelpCenter } from '../data/help-center.ts';
import { isoDate } from '../shared/help-center.ts';
import { sitemapEntries, sitemapXml } from '../shared/sitemap.ts';

/** Every public page, for search engines and for the accessibility audit. */
export const GET: APIRoute = async () => {
  const { site, categories, articles } = await loadHelpCenter();
  const entries = sitemapEntries(categories, articles).map((entry) => ({
    loc: new URL(`${import.meta.env.BASE_URL.replace(/\/$/, '')}${entry.path}`, site.url).href,
    lastmod: entry.updated ? isoDate(entry.updated) : undefined,
  }));
  return new Response(sitemapXml(entries), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
