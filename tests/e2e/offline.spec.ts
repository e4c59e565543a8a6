import { expect, test } from '../helpers/browser-test.ts';
import type { Page } from '@playwright/test';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAxe } from '../../src/node/audit/audit.ts';
import { addOfflineSupport } from '../../src/node/integration/offline.ts';
import { readSiteStrings } from '../../src/node/site-settings.ts';
import { formatBytes, isInCopy, type OfflineManifest, type OfflineSummary } from '../../src/shared/offline.ts';
import { createTranslator } from '../../src/shared/strings.ts';
import { contentDir } from '../helpers/site.ts';
import { startStaticServer } from '../../src/node/static-server.ts';
import { projectRoot } from '../../src/node/project-paths.ts';

/** Waits until the service worker controls the page and has finished installing. */
async function waitForWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}

async function articlePaths(): Promise<string[]> {
  const sitemap = await readFile(path.join(projectRoot, 'dist/sitemap.xml'), 'utf8');
  return [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/articles\/[^<]+)<\/loc>/g)].map((m) => m[1]!);
}

async function expectAxeClean(page: Page) {
  const violations = await runAxe(page);
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('offline', () => {
  test('a first visit fetches the page and a fixed app shell, never the search index', async ({ page, context }) => {
    const fetched: string[] = [];
    context.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto('/articles/get-a-refund/');
    await waitForWorker(page);
    await expect.poll(() => page.evaluate(async () => Boolean(await caches.match('/offline/index.html', { ignoreSearch: true })))).toBe(true);
    expect(fetched.filter((p) => p.startsWith('/pagefind/') || p === '/search-words.json')).toEqual([]);
    expect(fetched.filter((p) => p.startsWith('/articles/') && p !== '/articles/get-a-refund/')).toEqual([]);
  });

  test('the first page, visited pages, the home, contact and A–Z pages, and searches already made work offline', async ({ page, context }) => {
    // The first page is loaded before the worker exists; the worker keeps a copy of it anyway.
    await page.goto('/articles/get-a-refund/');
    await waitForWorker(page);
    await expect.poll(() => page.evaluate(async () => Boolean(await caches.match('/articles/get-a-refund/')))).toBe(true);
    await page.goto('/search/?q=battery');
    await expect(page.locator('[data-search-results] li').first()).toBeVisible();
    // Only what that search used is kept, not the whole index.
    const { cached, total } = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((k) => k.startsWith('handrail-search-'));
      const keys = (await Promise.all(names.map(async (n) => (await caches.open(n)).keys()))).flat().map((r) => r.url);
      const manifest = (await (await fetch('/offline-manifest.json')).json()) as { files: { url: string }[] };
      return { cached: keys.filter((k) => k.includes('/pagefind/fragment/')).length, total: manifest.files.filter((f) => f.url.includes('/pagefind/fragment/')).length };
    });
    expect(cached).toBeGreaterThan(0);
    expect(cached).toBeLessThan(total);
    await context.setOffline(true);

    await page.goto('/articles/get-a-refund/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/refund/i);
    await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toHaveText(/You are offline\. This copy was saved on .+\./);
    await expectAxeClean(page);

    for (const [url, heading] of [['/contact/', 'Contact a person'], ['/a-z/', 'All articles A–Z'], ['/', 'Larkspur Bikes Help']] as const) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    }
    // The contact details work offline: the links and the weekly hours are there.
    await page.goto('/contact/');
    await expect(page.locator('main a[href^="tel:"]').first()).toHaveAttribute('href', 'tel:+442079460321');
    await expect(page.locator('main .channel__hours').first()).toContainText('09:00–17:30');

    // The search made online works offline.
    await page.goto('/search/?q=battery');
    const results = page.locator('[data-search-results] li');
    await expect(results.first()).toBeVisible();
    // A result never visited needs a connection, and says how to call instead.
    const uncached = results.filter({ hasNotText: 'refund' }).first();
    await expect(uncached).toContainText('Needs a connection to open. Or call us on 020 7946 0321.');

    await page.goto('/articles/service-prices/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not saved for offline use');
    await expect(page.locator('#contact-panel a[href^="tel:"]').first()).toBeVisible();
    await expectAxeClean(page);
  });

  test('a saved copy served because the network failed says so, even while the browser says it is online', async ({ page, context }) => {
    // A connection without internet: the browser reports online, but the page cannot be fetched.
    await page.goto('/articles/get-a-refund/');
    await waitForWorker(page);
    await expect.poll(() => page.evaluate(async () => Boolean(await caches.match('/articles/get-a-refund/')))).toBe(true);
    await context.route('**/articles/get-a-refund/', (route) => route.abort('internetdisconnected'));
    await page.goto('/articles/get-a-refund/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/refund/i);
    expect(await page.evaluate(() => navigator.onLine)).toBe(true);
    await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toHaveText(/You are offline\. This copy was saved on .+\./);
    // A page the network still serves is not marked.
    await context.unroute('**/articles/get-a-refund/');
    await page.goto('/articles/get-a-refund/');
    await expect(page.locator('handrail-offline-notice')).not.toHaveAttribute('data-saved-copy');
    await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toHaveCount(0);
  });

  test('"Save for offline" shows the size, reports progress, and then every article opens offline', async ({ page, context }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await waitForWorker(page);
    const section = page.getByRole('region', { name: 'Use this help center offline' });
    await expect(section).toContainText(/Save every article (in this language )?on this device \(\d+(\.\d)? (KB|MB)\)/);
    const progressSteps: string[] = [];
    await page.exposeFunction('recordStatus', (text: string) => progressSteps.push(text));
    await page.evaluate(() => {
      const status = document.querySelector('handrail-save-offline [data-status]')!;
      new MutationObserver(() => (window as unknown as { recordStatus(t: string): void }).recordStatus(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await section.getByRole('button', { name: 'Save for offline' }).click();
    await expect(section.getByRole('status')).toHaveText(/Saved for offline use on .+\./, { timeout: 60_000 });
    expect(progressSteps.filter((s) => s.endsWith('% saved'))).toEqual(['25% saved', '50% saved', '75% saved', '100% saved']);
    await expect(section.getByRole('button', { name: 'Remove the offline copy' })).toBeFocused();
    await expectAxeClean(page);

    await context.setOffline(true);
    for (const url of await articlePaths()) {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await expect(page.getByRole('heading', { level: 1 }), url).not.toHaveText('This page is not saved for offline use');
    }
    // The saved copy has the whole search index: a search never made before works, and every result opens.
    await page.goto('/search/?q=puncture');
    await expect(page.locator('[data-search-results] li').first()).toBeVisible();
    await expect(page.locator('.search-result__offline')).toHaveCount(0);
    await context.setOffline(false);
    await page.goto('/');
    await page.getByRole('button', { name: 'Remove the offline copy' }).click();
    await expect(page.getByRole('region', { name: 'Use this help center offline' }).getByRole('status')).toHaveText('The offline copy was removed.');
  });

  test('"Save for offline" on a Welsh page saves the Welsh copy only, says its size in Welsh first, and Welsh reading and search work offline', async ({ page, context }) => {
    test.setTimeout(120_000);
    const summary = JSON.parse(await readFile(path.join(projectRoot, 'dist/offline-summary.json'), 'utf8')) as OfflineSummary;
    const manifest = JSON.parse(await readFile(path.join(projectRoot, 'dist/offline-manifest.json'), 'utf8')) as OfflineManifest;
    test.skip(!summary.languages?.cy, 'the demo declares Welsh');
    const cy = createTranslator('cy', readSiteStrings(contentDir));
    const welshCopy = manifest.files.filter((file) => isInCopy(file, 'cy')).map((file) => file.url);
    // The Welsh copy is smaller than everything, and holds no page of another language.
    expect(summary.languages.cy!.bytes).toBeLessThan(summary.bytes);
    expect(welshCopy.filter((url) => /^\/(ar\/|articles\/|categories\/)/.test(url))).toEqual([]);

    await page.goto('/cy/');
    await waitForWorker(page);
    const section = page.getByRole('region', { name: cy.t('offline.saveHeading') });
    await expect(section).toContainText(cy.t('offline.saveBodyLanguage', { size: formatBytes(summary.languages.cy!.bytes, 'cy') }));
    await section.getByRole('button', { name: cy.t('offline.saveButton') }).click();
    const [before, after] = cy.t('offline.saved').split('{date}') as [string, string];
    await expect(section.getByRole('status')).toContainText(before, { timeout: 60_000 });
    await expect(section.getByRole('status')).toContainText(after);

    // One saved cache, the Welsh one, with exactly the Welsh copy's files.
    const saved = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((k) => k.startsWith('handrail-saved-'));
      const urls = names.length === 1 ? (await (await caches.open(names[0]!)).keys()).map((r) => new URL(r.url).pathname) : [];
      return { names, urls };
    });
    expect(saved.names).toEqual([`handrail-saved-cy-${summary.release}`]);
    expect(saved.urls.sort()).toEqual([...welshCopy].sort());

    await context.setOffline(true);
    const welshArticle = welshCopy.find((url) => url.startsWith('/cy/articles/'))!;
    await page.goto(welshArticle, { waitUntil: 'domcontentloaded' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(cy.t('offline.pageTitle'));
    // The Welsh search index came with it: a Welsh word finds Welsh articles without a connection.
    const words = JSON.parse(await readFile(path.join(projectRoot, 'dist/cy/search-words.json'), 'utf8')) as Record<string, number>;
    const english = JSON.parse(await readFile(path.join(projectRoot, 'dist/search-words.json'), 'utf8')) as Record<string, number>;
    const welshWord = Object.entries(words).filter(([word, n]) => n >= 2 && word.length >= 5 && !(word in english)).sort((a, b) => b[1] - a[1])[0]![0];
    await page.goto(`/cy/search/?q=${encodeURIComponent(welshWord)}`);
    await expect(page.locator('[data-search-results] a').first()).toHaveAttribute('href', /^\/cy\/articles\//);
    await expect(page.locator('.search-result__offline')).toHaveCount(0);
    await context.setOffline(false);
    await page.goto('/cy/');
    await page.getByRole('region', { name: cy.t('offline.saveHeading') }).getByRole('button', { name: cy.t('offline.remove') }).click();
    expect(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('handrail-saved-')))).toEqual([]);
  });

  test('saving can be cancelled, and nothing is kept', async ({ page }) => {
    await page.goto('/');
    await waitForWorker(page);
    // Slow every file down so there is time to cancel.
    await page.route('**/articles/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    const section = page.getByRole('region', { name: 'Use this help center offline' });
    await section.getByRole('button', { name: 'Save for offline' }).click();
    await expect(section.getByRole('progressbar', { name: 'Saving for offline use' })).toBeVisible();
    await expectAxeClean(page);
    await section.getByRole('button', { name: 'Cancel' }).click();
    await expect(section.getByRole('status')).toHaveText('Saving was cancelled. Nothing was kept.');
    expect(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('handrail-saved-')))).toEqual([]);
  });

  test('the site works fully with the service worker blocked', async ({ browser }) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/articles/get-a-refund/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto('/search/?q=refund');
    await expect(page.locator('[data-search-results] li').first()).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a broken service worker does not break the site', async ({ page }) => {
    await page.route('**/sw.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("broken worker")' }));
    await page.goto('/articles/get-a-refund/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.reload();
    await expect(page.locator('#contact-panel a[href^="tel:"]').first()).toBeVisible();
  });

  test('the app can be installed: manifest with name, icons and theme colour', async ({ page, request }) => {
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await request.get(href!)).json();
    expect(manifest).toMatchObject({ name: 'Larkspur Bikes Help', start_url: '/', display: 'standalone', theme_color: '#0b5d3b' });
    for (const icon of manifest.icons as { src: string }[]) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });

  test('a new release replaces the old cached files', async ({ browser }) => {
    // A copy of the site on its own server, so it can be "released" again.
    const siteDir = path.join(await mkdtemp(path.join(tmpdir(), 'handrail-release-')), 'site');
    await cp(path.join(projectRoot, 'dist'), siteDir, { recursive: true, dereference: true });
    const server = await startStaticServer({ root: siteDir, base: '/', port: 0 });
    const context = await browser.newContext({ baseURL: server.url });
    try {
      const page = await context.newPage();
      await page.goto('/');
      await waitForWorker(page);
      await page.goto('/articles/get-a-refund/');
      await page.goto('/search/?q=refund');
      await expect(page.locator('[data-search-results] li').first()).toBeVisible();
      const before = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('handrail-')));
      expect(before.map((k) => k.replace(/-[0-9a-f]+$/, '')).sort()).toEqual(['handrail-pages', 'handrail-search']);

      // Release 2: the article changes, and the worker is rebuilt with it.
      const file = path.join(siteDir, 'articles/get-a-refund/index.html');
      await writeFile(file, (await readFile(file, 'utf8')).replace('</h1>', ' (updated)</h1>'));
      const release = await addOfflineSupport(siteDir, '/');
      await page.goto('/');
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await expect.poll(async () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('handrail-pages-'))), { timeout: 20_000 }).toEqual([`handrail-pages-${release.release}`]);
      // The old release's search files went with it.
      expect(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('handrail-search-')))).not.toContain(before.find((k) => k.startsWith('handrail-search-')));
      await page.goto('/articles/get-a-refund/');
      await context.setOffline(true);
      await page.goto('/articles/get-a-refund/');
      await expect(page.getByRole('heading', { level: 1 })).toContainText('(updated)');
    } finally {
      await context.close();
      await server.close();
    }
  });
});
