import type { APIRoute, GetStaticPaths } from 'astro';
import { languageParams, usePageLanguage } from '../../data/page-language.ts';
import { defaultShortName } from '../../shared/brand.ts';
import { routes } from '../../shared/routes.ts';

/** One manifest per language, beside that language's pages: an app installed from a Welsh page is named and described in Welsh. */
export const getStaticPaths = (async () => (await languageParams()).map(({ lang, code }) => ({ params: { lang }, props: { code } }))) satisfies GetStaticPaths;

/** The web app manifest: installable, with the site's name in the language, its colours and icons. */
export const GET: APIRoute = async ({ params, props }) => {
  const code = (props as { code: string }).code;
  const { page, center } = await usePageLanguage({ params, locals: {} as App.Locals }, code);
  const { site } = center;
  const base = import.meta.env.BASE_URL;
  const manifest = {
    name: site.name,
    short_name: site.shortName ?? defaultShortName(site.name),
    description: site.tagline,
    lang: page.language.locale,
    dir: page.language.dir,
    // Opens on this language's home page; the app covers every language's pages.
    start_url: page.link(routes.home),
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
