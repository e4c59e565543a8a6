/**
 * Layout figures of a built site (issue 13): where each page's answer
 * starts, and how much room the way to a person takes. Per page type, on a
 * 375×812 phone and at 1280 px: y of the h1, height of the contact block
 * (the panel every page has) and of any people section inside the page
 * (a dead end's hand-over), the header's height and the whole page's.
 *
 *   npm run bench:layout                                  measures dist/, prints a table
 *   npm run bench:layout -- --out reports/layout-after.json
 *   npm run bench:layout -- --compare reports/layout-before.json   prints before → after
 *
 * The clock is fixed (a Wednesday morning in the site's busy season, with
 * the demo's notice showing), so two runs measure the same page.
 */
import { chromium } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumLaunchOptions } from '../src/node/chromium.ts';
import { projectRoot } from '../src/node/project-paths.ts';
import { readSiteSettings } from '../src/node/site-settings.ts';
import { startStaticServer } from '../src/node/static-server.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'reports/layout.json' },
    compare: { type: 'string' },
    article: { type: 'string', default: 'get-a-refund' },
    category: { type: 'string', default: 'billing' },
  },
});

/** The page of each type that is measured, as a path under the base. */
const PAGES: Record<string, string> = {
  home: '',
  article: `articles/${values.article}/`,
  category: `categories/${values.category}/`,
  search: 'search/?q=refund',
  'search-none': 'search/?q=zzzqqq',
  contact: 'contact/',
  '404': 'no-such-page/',
  'a-z': 'a-z/',
};
const VIEWPORTS = [
  { name: 'phone', width: 375, height: 812 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;
/** Wednesday 25 November 2026, 10:00 in London: every staffed channel open, the demo notice showing. */
const CLOCK = new Date('2026-11-25T10:00:00Z');

/** What is measured on one page at one width. */
interface LayoutFigures {
  h1y: number | null;
  contactH: number | null;
  peopleInMainH: number | null;
  headerH: number;
  pageH: number;
}

const base = process.env.HANDRAIL_BASE || readSiteSettings().basePath;
const server = await startStaticServer({ root: path.resolve(projectRoot, values.dir!), base, port: 0, compress: false });
const browser = await chromium.launch(chromiumLaunchOptions());
const figures: Record<string, LayoutFigures> = {};
try {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport, serviceWorkers: 'block', timezoneId: 'Europe/London', locale: 'en-GB', reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.clock.setFixedTime(CLOCK);
    for (const [kind, pagePath] of Object.entries(PAGES)) {
      await page.goto(server.url + pagePath, { waitUntil: 'networkidle' });
      // Search results and live statuses arrive after load.
      await page.waitForTimeout(kind.startsWith('search') ? 1_500 : 300);
      figures[`${kind}@${viewport.width}`] = await page.evaluate(() => {
        const height = (el: Element | null) => (el ? Math.round(el.getBoundingClientRect().height) : null);
        const h1 = document.querySelector('h1');
        // A dead end's hand-over to people inside the page (the 404 and empty-search sections before issue 13 too).
        const people = [...document.querySelectorAll('main [data-people], main [data-search-people], main [aria-labelledby="not-found-people"]')].find((el) => (el as HTMLElement).checkVisibility());
        return {
          h1y: h1 ? Math.round(h1.getBoundingClientRect().top + scrollY) : null,
          contactH: height(document.querySelector('[data-contact-panel]')),
          peopleInMainH: height(people ?? null),
          headerH: height(document.querySelector('body > header')) ?? 0,
          pageH: document.documentElement.scrollHeight,
        };
      });
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const out = path.resolve(projectRoot, values.out!);
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), clock: CLOCK.toISOString(), figures }, null, 2)}\n`);

if (values.compare) {
  const before = (JSON.parse(await readFile(path.resolve(projectRoot, values.compare), 'utf8')) as { figures: Record<string, LayoutFigures> }).figures;
  const arrow = (a: number | null | undefined, b: number | null) => `${a ?? '–'} → ${b ?? '–'}`;
  console.table(
    Object.fromEntries(
      Object.entries(figures).map(([key, after]) => {
        const was = before[key];
        return [key, { h1y: arrow(was?.h1y, after.h1y), contactH: arrow(was?.contactH, after.contactH), headerH: arrow(was?.headerH, after.headerH), pageH: arrow(was?.pageH, after.pageH) }];
      }),
    ),
  );
} else console.table(figures);
console.log(`Figures written to ${path.relative(projectRoot, out)}.`);
