import type { APIRoute } from 'astro';
import { loadHelpCenter } from '../../data/help-center.ts';
import { faviconSvg } from '../../node/brand/icons.ts';

/** The favicon, drawn from the brand in content/site.yaml (src/node/brand/icons.ts). */
export const GET: APIRoute = async () => {
  const { site } = await loadHelpCenter();
  return new Response(await faviconSvg(site), { headers: { 'Content-Type': 'image/svg+xml' } });
};
