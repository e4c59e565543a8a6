/**
 * README screenshots of the built demo (`npm run screenshots`): home,
 * article, search and contact, on a phone and at desktop width, in the
 * light and dark themes. Deterministic: a fixed clock (a Wednesday morning
 * in London, every staffed channel open), no animations, the service worker
 * blocked; PNGs are reduced to a palette so the README stays light.
 */
import { chromium } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { chromiumLaunchOptions } from './chromium.ts';
import { projectRoot } from './project-paths.ts';
import { readSiteSettings } from './site-settings.ts';
import { startStaticServer } from './static-server.ts';

/** The pages shown, by name, as paths under the base. */
export const SCREENSHOT_PAGES = {
  home: '',
  article: 'articles/get-a-refund/',
  search: 'search/?q=refund',
  contact: 'contact/',
} as const;

export const SCREENSHOT_VIEWPORTS = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 800 },
} as const;

const CLOCK = new Date('2026-11-25T10:00:00Z');

/** Takes every screenshot of the site built in `dir`, into `outDir`; returns the files written. */
export async function takeScreenshots(dir = 'dist', outDir = 'docs/screenshots'): Promise<string[]> {
  const out = path.resolve(projectRoot, outDir);
  await mkdir(out, { recursive: true });
  const base = process.env.HANDRAIL_BASE || readSiteSettings().basePath;
  const server = await startStaticServer({ root: path.resolve(projectRoot, dir), base, port: 0, compress: false });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const written: string[] = [];
  try {
    for (const [device, viewport] of Object.entries(SCREENSHOT_VIEWPORTS)) {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport, colorScheme: scheme, reducedMotion: 'reduce', serviceWorkers: 'block', timezoneId: 'Europe/London', locale: 'en-GB', deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.clock.setFixedTime(CLOCK);
        for (const [name, pagePath] of Object.entries(SCREENSHOT_PAGES)) {
          await page.goto(server.url + pagePath, { waitUntil: 'networkidle' });
          if (name === 'search') await page.locator('[data-search-results] li').first().waitFor();
          else await page.waitForTimeout(200);
          // No caret blinking into one shot and not the next.
          await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
          const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
          const file = path.join(out, `${name}-${device}-${scheme}.png`);
          await writeFile(file, await sharp(png).png({ palette: true, quality: 85, compressionLevel: 9, effort: 10 }).toBuffer());
          written.push(file);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return written;
}
