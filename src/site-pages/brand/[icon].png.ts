import type { APIRoute, GetStaticPaths } from 'astro';
import { loadHelpCenter } from '../../data/help-center.ts';
import { APP_ICONS, appIconPng, type AppIconName } from '../../node/brand/icons.ts';

export const getStaticPaths = (() => Object.keys(APP_ICONS).map((icon) => ({ params: { icon } }))) satisfies GetStaticPaths;

/** An app icon (manifest, home screen), drawn from the brand in content/site.yaml. */
export const GET: APIRoute = async ({ params }) => {
  const { site } = await loadHelpCenter();
  const png = await appIconPng(site, params.icon as AppIconName);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
