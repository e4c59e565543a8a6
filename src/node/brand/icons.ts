/**
 * The site's favicon and app icons, drawn at build time (and on request in
 * the dev server) from content/site.yaml: the logo when there is one,
 * otherwise the accent colour with the name's initial. Nothing to export
 * by hand when the brand changes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { SiteData } from '../../schemas/site.ts';
import { initialIconSvg, initialOf } from '../../shared/brand.ts';
import { publicDir } from '../project-paths.ts';

/** The app icons, by file name: size in pixels, and whether the platform may cut its own shape. */
export const APP_ICONS = {
  'icon-192': { size: 192, maskable: false },
  'icon-512': { size: 512, maskable: false },
  'icon-maskable-512': { size: 512, maskable: true },
  'apple-touch-icon': { size: 180, maskable: true },
} as const;
export type AppIconName = keyof typeof APP_ICONS;

async function logoFile(site: SiteData): Promise<Buffer | undefined> {
  if (!site.logo) return undefined;
  return readFile(path.join(publicDir, site.logo.src.replace(/^\/+/, ''))).catch(() => undefined);
}

/** The favicon as SVG: an SVG logo as it is, otherwise the initial on the accent. */
export async function faviconSvg(site: SiteData): Promise<string> {
  const logo = await logoFile(site);
  if (logo && site.logo!.src.endsWith('.svg')) return logo.toString('utf8');
  const { accent, accentText } = site.theme.light;
  return initialIconSvg({ initial: initialOf(site.name, site.locale), accent, accentText });
}

/** One app icon as PNG: the logo centred on white with room around it, or the initial on the accent. */
export async function appIconPng(site: SiteData, name: AppIconName): Promise<Buffer> {
  const { size, maskable } = APP_ICONS[name];
  const logo = await logoFile(site);
  if (logo) {
    // Maskable icons keep their content in the central 80 %; the others get a little margin too.
    const inner = Math.round(size * (maskable ? 0.62 : 0.8));
    const fitted = await sharp(logo, { density: 300 }).resize(inner, inner, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } }).png().toBuffer();
    return sharp({ create: { width: size, height: size, channels: 4, background: '#ffffff' } })
      .composite([{ input: fitted, gravity: 'center' }])
      .png({ compressionLevel: 9 })
      .toBuffer();
  }
  const { accent, accentText } = site.theme.light;
  const svg = initialIconSvg({ initial: initialOf(site.name, site.locale), accent, accentText, maskable });
  return sharp(Buffer.from(svg), { density: 72 * (size / 512) * 4 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
}
