/**
 * A second engine: HTML_CodeSniffer's WCAG2AA standard (src/node/audit/htmlcs.ts)
 * on one page of every template in every language, the articles that
 * between them hold every kind of Markdown content, a fallback article, the
 * 404 page and the search page with and without results: in light and dark,
 * at 1280 and 320 px. axe (every-page.spec.ts) covers every page; this covers
 * every kind of page, to keep CI time down. No error and no warning, less
 * the exceptions in src/node/audit/exceptions.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { test } from './audit-test.ts';
import { auditPageWithHtmlcs, formatHtmlcsReport, type HtmlcsFindings } from '../../src/node/audit/htmlcs.ts';
import { AUDIT_THEMES, AUDIT_WIDTHS } from '../../src/shared/audit-standard.ts';
import { distDir, languageOfPath, pagesInEveryLanguage, readSitemapPaths, siteLanguages, unlistedPages, type SitePage } from '../helpers/site.ts';

/** Markup an article may hold, each a different part of the render pipeline. */
const CONTENT_FEATURES = ['<table', '<pre', '<figure', 'class="callout', 'class="steps"', 'contains-task-list', 'data-footnotes', '<details', '<blockquote', '<img', 'alt=""'];

const htmlOf = (pagePath: string) => readFileSync(path.join(distDir, pagePath, 'index.html'), 'utf8');

/** The fewest default-language articles that between them hold every feature any article has (greedy). */
function articlesCoveringContent(articles: SitePage[]): SitePage[] {
  const features = new Map(articles.map((page) => [page, new Set(CONTENT_FEATURES.filter((f) => htmlOf(page.path).includes(f)))]));
  const missing = new Set([...features.values()].flatMap((set) => [...set]));
  const chosen: SitePage[] = [];
  while (missing.size > 0) {
    const best = articles.reduce((a, b) => ([...features.get(b)!].filter((f) => missing.has(f)).length > [...features.get(a)!].filter((f) => missing.has(f)).length ? b : a));
    chosen.push(best);
    for (const f of features.get(best)!) missing.delete(f);
  }
  return chosen;
}

/** One page of each kind in each language, the content-covering articles, a fallback article per other language, and search with a query. */
function samplePages(): SitePage[] {
  const all = [...pagesInEveryLanguage(), ...unlistedPages(true)];
  const [defaultLanguage, ...others] = siteLanguages().codes;
  const picked = new Map<string, SitePage>();
  for (const page of all) {
    const key = page.kind === 'other' ? page.path.replace(/^\/[a-z-]+\/(?=.+\/$)/, '/') : `${languageOfPath(page.path)} ${page.kind}`;
    if (page.kind === 'other' && languageOfPath(page.path) !== defaultLanguage) continue;
    if (!picked.has(key)) picked.set(key, page);
  }
  const articles = all.filter((page) => page.kind === 'article');
  for (const page of articlesCoveringContent(articles.filter((p) => languageOfPath(p.path) === defaultLanguage))) picked.set(page.path, page);
  // An untranslated article in another language: the original's text in a lang element, with a notice (not indexed).
  for (const code of others) {
    const fallback = articles.find((p) => languageOfPath(p.path) === code && !htmlOf(p.path).includes('data-pagefind-body'));
    if (fallback) picked.set(fallback.path, fallback);
  }
  const search = readSitemapPaths().find((p) => p.endsWith('/search/'))!;
  for (const query of ['refund', 'zzqxv']) picked.set(`search ${query}`, { path: `${search}?q=${query}`, kind: 'search', status: 200 });
  return [...new Map([...picked.values()].map((page) => [page.path, page])).values()];
}

for (const colorScheme of AUDIT_THEMES) {
  for (const width of AUDIT_WIDTHS) {
    test(`one page of every kind has no HTML_CodeSniffer errors or warnings: ${colorScheme} scheme, ${width} px wide`, async ({ auditPage: page }) => {
      const pages = samplePages();
      test.info().annotations.push({ type: 'pages', description: pages.map((p) => p.path).join(' ') });
      test.setTimeout(30_000 + pages.length * 3_000);
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      const findings: HtmlcsFindings[] = [];
      for (const { path: pagePath, status } of pages) {
        const response = await page.goto(pagePath);
        expect.soft(response?.status(), `status of ${pagePath}`).toBe(status);
        // Search results arrive after load: audit them, not the empty list.
        if (pagePath.includes('?q=')) await expect(page.locator('[data-search-results] a, [data-search-people]:not([hidden])').first()).toBeVisible();
        const messages = await auditPageWithHtmlcs(page, pagePath.replace(/\?.*$/, ''));
        if (messages.length) findings.push({ path: pagePath, theme: colorScheme, width, messages });
      }
      expect(findings, formatHtmlcsReport(findings)).toEqual([]);
    });
  }
}

test.describe('states a reader opens', () => {
  const article = () => readSitemapPaths().find((p) => p.includes('/articles/'))!;
  const search = () => readSitemapPaths().find((p) => p.endsWith('/search/'))!;

  for (const colorScheme of AUDIT_THEMES) {
    test(`every disclosure open (contact channels, message editor, notices, contents, search filter), and the header's suggestions open (${colorScheme})`, async ({ auditPage: page }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 1280, height: 900 });
      const findings: HtmlcsFindings[] = [];
      // Engines skip what a closed <details> hides, so open every one, as a reader might.
      for (const pagePath of [readSitemapPaths()[0]!, article(), `${search()}?q=refund`]) {
        await page.goto(pagePath);
        if (pagePath.includes('?q=')) await expect(page.locator('[data-search-results] a').first()).toBeVisible();
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        const messages = await auditPageWithHtmlcs(page, pagePath.replace(/\?.*$/, ''));
        if (messages.length) findings.push({ path: `${pagePath} with every disclosure open`, theme: colorScheme, width: 1280, messages });
      }
      await page.goto(article());
      await page.getByRole('combobox', { name: 'Search the help center' }).fill('refund');
      await expect(page.getByRole('option').first()).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await expect(page.locator('[role="option"][aria-selected="true"]')).toHaveCount(1);
      const messages = await auditPageWithHtmlcs(page, article());
      if (messages.length) findings.push({ path: `${article()} with the suggestions open`, theme: colorScheme, width: 1280, messages });
      expect(findings, formatHtmlcsReport(findings)).toEqual([]);
    });
  }
});

test('HTML_CodeSniffer catches a planted contrast failure in both themes, and an exception covers only its own elements', async ({ auditPage: page }) => {
  const home = readSitemapPaths()[0]!;
  for (const colorScheme of AUDIT_THEMES) {
    await page.emulateMedia({ colorScheme });
    await page.goto(home);
    await page.locator('main').evaluate((main) => main.insertAdjacentHTML('afterbegin', '<p id="planted" style="color: light-dark(#bbbbbb, #444444)">Planted low contrast</p>'));
    const found = await auditPageWithHtmlcs(page, home);
    const planted = found.filter((m) => m.selector === '#planted');
    const code = 'WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail';
    expect(planted.map((m) => [m.type, m.code]), colorScheme).toContainEqual(['error', code]);
    expect(formatHtmlcsReport([{ path: home, theme: colorScheme, width: 1280, messages: planted }])).toContain('→ #planted');
    const exception = { code, selector: '#planted', pages: new RegExp(`^${home}$`), reason: 'test', link: 'https://example.org' };
    const codesOnPlanted = async (pagePath: string) => (await auditPageWithHtmlcs(page, pagePath, [exception])).filter((m) => m.selector === '#planted').map((m) => m.code);
    expect(await codesOnPlanted(home)).not.toContain(code);
    expect(await codesOnPlanted('/elsewhere/')).toContain(code);
  }
});
