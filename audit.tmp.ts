import { chromium } from '@playwright/test';
import { auditPage } from './src/node/audit/audit.ts';
import { pagesInEveryLanguage, unlistedPages, languageOfPath } from './tests/helpers/site.ts';
const port = process.argv[2];
const langs = (process.argv[3] ?? 'ar,cy').split(',');
const width = Number(process.argv[4] ?? 1280);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const context = await browser.newContext({ serviceWorkers: 'block', bypassCSP: true });
const page = await context.newPage();
await page.setViewportSize({ width, height: 900 });
await page.emulateMedia({ colorScheme: (process.argv[5] ?? 'light') as 'light' | 'dark' });
const pages = [...pagesInEveryLanguage(), ...unlistedPages(true)].filter((p) => langs.includes(languageOfPath(p.path)));
const t0 = Date.now();
const summary = new Map<string, string[]>();
for (const p of pages) {
  await page.goto(`http://localhost:${port}${p.path}`);
  const v = await auditPage(page, p.path);
  for (const x of v) {
    const key = `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`;
    summary.set(key, [...(summary.get(key) ?? []), p.path]);
  }
}
console.log(`${pages.length} pages in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
for (const [k, v] of summary) console.log(k, '\n   ', v.length, v.slice(0, 4).join(' '));
await browser.close();
