import type { APIRoute } from 'astro';
import { loadHelpCenter } from '../data/help-center.ts';

/** Allows everything and points crawlers at the sitemap. */
export const GET: APIRoute = async () => {
  const { site } = await loadHelpCenter();
  const sitemap = new URL(`${import.meta.env.BASE_URL.replace(/\/$/, '')}/sitemap.xml`, site.url).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
