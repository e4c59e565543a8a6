import type { APIRoute } from 'astro';
import { loadHelpCenter } from '../data/help-center.ts';
import { defaultShortName } from '../shared/brand.ts';

/** The web app manifest: installable, with the site's name, colours and icons. */
export const GET: APIRoute = async () => {
  const { site } = await loadHelpCenter();
  const base = import.meta.env.BASE_URL;
  const manifest = {
    name: site.name,
    short_name: site.shortName ?? defaultShortName(site.name),
    description: site.tagline,
    lang: site.locale,
    start_url: base,
    scope: base,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: site.theme.light.accent,
    icons: [
      // Drawn from the logo, or the accent and the name's initial (src/node/brand/icons.ts).
      { src: `${base}brand/icon-192.png`, sizes: '192x192', type: 'image/png' },
      { src: `${base}brand/icon-512.png`, sizes: '512x512', type: 'image/png' },
      { src: `${base}brand/icon-maskable-512.png`, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: `${base}brand/favicon.svg`, sizes: 'any', type: 'image/svg+xml' },
    ],
  };
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'Content-Type': 'application/manifest+json' } });
};
