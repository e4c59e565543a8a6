/**
 * Measuring a built site in Chromium: what one page transfers, what a first
 * visit with the service worker costs, how fast search answers, and
 * (optionally) Lighthouse scores.
 */
import type { Browser, Page } from '@playwright/test';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { chromiumLaunchOptions } from '../../src/node/chromium.ts';
import { byteKind, compressedSize, type ByteKind } from './measure.ts';

/** What one page load transferred (service worker blocked: the page alone). */
export interface PageFigures {
  url: string;
  bytes: Record<ByteKind, number>;
  totalBytes: number;
  /** Compressed JavaScript loaded before any interaction. */
  jsBeforeInteraction: number;
  domElements: number;
}

/** Scores (0–100) Lighthouse gives, by category. */
export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Scores pages with Lighthouse's default (mobile) settings in the local Chromium. */
export async function lighthouseScores(urls: Record<string, string>, log: (message: string) => void): Promise<Record<string, Record<string, number>>> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const launch = chromiumLaunchOptions();
  const chrome = await chromeLauncher.launch({ chromePath: launch.executablePath, chromeFlags: ['--headless=new', ...(launch.args ?? [])] });
  const scores: Record<string, Record<string, number>> = {};
  try {
    for (const [name, url] of Object.entries(urls)) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...LIGHTHOUSE_CATEGORIES] });
      const categories = result?.lhr.categories ?? {};
      scores[name] = Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)]));
      const failing = Object.values(result?.lhr.audits ?? {}).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary');
      if (failing.length) log(`  Lighthouse ${name}: ${failing.map((a) => a.id).join(', ')} not passed`);
    }
  } finally {
    chrome.kill();
  }
  return scores;
}

/** Bytes and files under a folder. */
export async function outputSize(dir: string): Promise<{ bytes: number; files: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let bytes = 0;
  let files = 0;
  for (const entry of entries.filter((e) => e.isFile())) {
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

/**
 * Loads a page in a fresh context and adds up what it transferred, by kind,
 * compressed. The service worker is blocked: this is the page alone (the
 * first-visit figure counts what the worker adds).
 */
export async function measurePage(browser: Browser, url: string): Promise<PageFigures> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const bytes: Record<ByteKind, number> = { html: 0, css: 0, js: 0, font: 0, image: 0, other: 0 };
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    pending.push(
      (async () => {
        if (response.status() >= 300) return;
        const body = await response.body().catch(() => undefined);
        if (!body) return;
        const type = response.headers()['content-type'] ?? '';
        bytes[byteKind(response.request().resourceType(), type)] += compressedSize(body, type);
      })(),
    );
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  await Promise.all(pending);
  // Inline scripts run before interaction too.
  const inlineJs = await page.evaluate(() => [...document.querySelectorAll('script:not([src]):not([type="application/json"]):not([type="application/ld+json"])')].map((s) => s.textContent ?? '').join('\n'));
  const domElements = await page.evaluate(() => document.querySelectorAll('*').length);
  await context.close();
  const inlineCompressed = inlineJs ? compressedSize(new TextEncoder().encode(inlineJs), 'text/javascript') : 0;
  return {
    url,
    bytes,
    totalBytes: Object.values(bytes).reduce((a, b) => a + b, 0),
    jsBeforeInteraction: bytes.js + inlineCompressed,
    domElements,
  };
}

/** Types a query on Handrail's search page; counts the bytes search fetched and the time from the last key to results. */
export async function measureSearch(browser: Browser, baseUrl: string, query: string): Promise<{ firstQueryBytes: number; msToResults: number; query: string }> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page: Page = await context.newPage();
  await page.goto(`${baseUrl}search/`, { waitUntil: 'load' });
  let fetched = 0;
  page.on('response', async (response) => {
    if (!/\/pagefind\/|search-words\.json/.test(response.url())) return;
    const body = await response.body().catch(() => undefined);
    fetched += body?.length ?? 0;
  });
  const field = page.getByRole('searchbox', { name: 'Search the help center' });
  await field.click();
  // Results shown = the first change to the result list after the last key press.
  await page.evaluate(() => {
    const state = window as unknown as { lastKeyAt: number; shownAt?: number };
    state.lastKeyAt = 0;
    document.addEventListener('keydown', () => {
      state.lastKeyAt = performance.now();
      state.shownAt = undefined;
    }, true);
    new MutationObserver(() => {
      if (state.shownAt === undefined && state.lastKeyAt) state.shownAt = performance.now();
    }).observe(document.querySelector('[data-search-results]')!, { childList: true, subtree: true });
  });
  await field.pressSequentially(query, { delay: 80 });
  await page.waitForFunction(() => (window as unknown as { shownAt?: number }).shownAt !== undefined, null, { timeout: 30_000 });
  const { lastKeyAt, shownAt } = await page.evaluate(() => {
    const state = window as unknown as { lastKeyAt: number; shownAt: number };
    return { lastKeyAt: state.lastKeyAt, shownAt: state.shownAt };
  });
  await page.waitForTimeout(300);
  await context.close();
  return { firstQueryBytes: fetched, msToResults: Math.round(shownAt - lastKeyAt), query };
}

/**
 * Typed into an article page's header search, one after another: the first
 * is the page's first query, the rest are warm. Single words and questions,
 * common words ("bike", in most generated articles) and rare ones.
 */
export const SUGGESTION_QUERIES = ['battery', 'refund', 'how do i track my order', 'bike', 'replace brake pads', 'warranty claim'];

/** The header's suggestions timed on an article page: the first query of the page, and later ones. */
export interface SuggestionFigures {
  /** Last key → suggestions for the typed text visible, on the page's first query (Pagefind fetched on focus), typed at 80 ms a key. */
  firstMs: number;
  /** The same for each later query on that page, in order; Pagefind, its wasm and the words searched before are warm. */
  warmMs: number[];
  /** The first query typed all at once right after focus (as fast as keys go): Pagefind has had no head start. */
  firstAtOnceMs?: number;
  queries: string[];
}

/** Times each query on a fresh article page, from its last key press to the list showing its options. */
async function timeSuggestions(browser: Browser, articleUrl: string, queries: string[], keyDelay: number): Promise<number[]> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page: Page = await context.newPage();
  try {
    await page.goto(articleUrl, { waitUntil: 'load' });
    const field = page.getByRole('banner').getByRole('combobox', { name: 'Search the help center' });
    await page.evaluate(() => {
      const state = window as unknown as { lastKeyAt: number; shownAt?: number };
      const input = document.querySelector<HTMLInputElement>('handrail-search-combobox input')!;
      const listbox = document.querySelector<HTMLElement>('handrail-search-combobox [role="listbox"]')!;
      state.lastKeyAt = 0;
      // When the key was pressed, not when the page got round to it: a busy page counts against itself.
      document.addEventListener('keydown', (event) => {
        state.lastKeyAt = event.timeStamp;
        state.shownAt = undefined;
      }, true);
      // Shown = the list visible with the options for what is in the field now; timed in the next frame, when it is painted.
      const isShown = () => state.shownAt === undefined && state.lastKeyAt > 0 && !listbox.hidden && listbox.dataset.query === input.value;
      new MutationObserver(() => {
        if (isShown()) requestAnimationFrame(() => isShown() && (state.shownAt = performance.now()));
      }).observe(listbox, { attributes: true, childList: true, subtree: true });
    });
    const times: number[] = [];
    for (const [i, query] of queries.entries()) {
      if (i === 0) await field.click();
      else {
        await field.fill('');
        await page.waitForTimeout(300);
      }
      await page.evaluate(() => ((window as unknown as { lastKeyAt: number }).lastKeyAt = 0));
      await field.pressSequentially(query, { delay: keyDelay });
      await page.waitForFunction(() => (window as unknown as { shownAt?: number }).shownAt !== undefined, null, { timeout: 30_000 });
      const { lastKeyAt, shownAt } = await page.evaluate(() => {
        const state = window as unknown as { lastKeyAt: number; shownAt: number };
        return { lastKeyAt: state.lastKeyAt, shownAt: state.shownAt };
      });
      times.push(Math.round(shownAt - lastKeyAt));
      await page.waitForTimeout(300);
    }
    return times;
  } finally {
    await context.close();
  }
}

/**
 * Types queries into an article page's header search, as a customer does
 * (80 ms between keys), and times each from its last key press to the list
 * showing the options for exactly the typed text. The page is fresh, with
 * no service worker: the field's focus is what fetches Pagefind and its
 * wasm, and the first query waits for them; the later ones are warm. Then,
 * on another fresh page, the first query typed all at once right after the
 * click, the hardest case for the first query.
 */
export async function measureSuggestions(browser: Browser, articleUrl: string, queries: string[]): Promise<SuggestionFigures> {
  const times = await timeSuggestions(browser, articleUrl, queries, 80);
  const [firstAtOnceMs] = await timeSuggestions(browser, articleUrl, queries.slice(0, 1), 0);
  return { firstMs: times[0]!, warmMs: times.slice(1), firstAtOnceMs, queries };
}

/**
 * Types a query into Starlight's search dialog (Pagefind's default UI) and
 * times the last key press to the first result, as for Handrail.
 */
export async function measureStarlightSearch(browser: Browser, baseUrl: string, query: string): Promise<{ firstQueryBytes: number; msToResults: number; query: string }> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(baseUrl, { waitUntil: 'load' });
  let fetched = 0;
  page.on('response', async (response) => {
    if (!/\/pagefind\//.test(response.url())) return;
    const body = await response.body().catch(() => undefined);
    fetched += body?.length ?? 0;
  });
  await page.locator('site-search button[data-open-modal]').first().click();
  const field = page.locator('dialog[open] input[type="text"], dialog[open] input[type="search"]').first();
  await field.waitFor();
  await page.evaluate(() => {
    const state = window as unknown as { lastKeyAt: number; shownAt?: number };
    state.lastKeyAt = 0;
    document.addEventListener('keydown', () => {
      state.lastKeyAt = performance.now();
      state.shownAt = undefined;
    }, true);
    new MutationObserver(() => {
      if (state.shownAt === undefined && state.lastKeyAt && document.querySelector('.pagefind-ui__result')) state.shownAt = performance.now();
    }).observe(document.querySelector('dialog')!, { childList: true, subtree: true });
  });
  await field.pressSequentially(query, { delay: 80 });
  await page.waitForFunction(() => (window as unknown as { shownAt?: number }).shownAt !== undefined, null, { timeout: 30_000 });
  const { lastKeyAt, shownAt } = await page.evaluate(() => {
    const state = window as unknown as { lastKeyAt: number; shownAt: number };
    return { lastKeyAt: state.lastKeyAt, shownAt: state.shownAt };
  });
  await page.waitForTimeout(300);
  await context.close();
  return { firstQueryBytes: fetched, msToResults: Math.round(shownAt - lastKeyAt), query };
}
