/**
 * `npm run dev` is the writer's preview, and it has what the build has:
 * search, the content check in the page (same words as `npm run check`),
 * changes — a fix, a renamed file — on the next reload, no 404s, no
 * telemetry notice. Runs on a copy of the valid fixture (never the demo
 * content), on a free port, in real Chromium.
 */
import assert from 'node:assert/strict';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page, type WebSocketRoute } from '@playwright/test';
import { chromiumLaunchOptions } from '../../src/node/chromium.ts';
import { startDevServer, type DevServer } from '../../src/node/dev-server-process.ts';
import { ContentProblemsError } from '../../src/node/integration/content-problems.ts';
import { INDEXER_REQUEST_HEADER } from '../../src/node/integration/dev-state.ts';
import type { Problem } from '../../src/shared/problems.ts';
import { fixtureContent } from '../unit/fixture-content.ts';

let serverOutput = () => '';

/** Waits for a condition the page reaches by itself (the dev server reloads it after a save). */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // Without the lines every poll adds (a 404 and its warning, the icon), which would push out what led up to it.
  const said = serverOutput()
    .split('\n')
    .filter((line) => line.trim() && !/\[(200|404)\]|no matching static path|Possible dynamic routes/.test(line));
  assert.fail(`timed out waiting until ${what}; the server said (requests and 404 warnings left out):\n${said.slice(-150).join('\n')}`);
}

/**
 * Opens a page. The dev server reloads open pages when the content changes,
 * and a reload that lands during a navigation aborts it: try again.
 */
async function open(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      // The page's HTML is what counts here; a request of the dev server's own can hang for a while
      // after a file is renamed (see DEVELOPERS.md), and waiting for "load" would wait for it.
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 5 || !/ERR_ABORTED|interrupted by another navigation|Timeout/.test(String(error))) throw error;
    }
  }
}

/** The message in Astro's error overlay (in its shadow root, which locators pierce), or '' when there is none. */
async function overlayText(page: Page): Promise<string> {
  const message = page.locator('vite-error-overlay #message-content');
  return (await message.count()) ? ((await message.textContent()) ?? '') : '';
}

describe('npm run dev', { concurrency: false, timeout: 240_000 }, () => {
  let contentDir: string;
  let server: DevServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    contentDir = await fixtureContent();
    await writeFile(path.join(contentDir, 'redirects.yaml'), 'redirects:\n  - from: /hc/en-us/articles/360001234-Welcome\n    to: /articles/welcome/\n');
    server = await startDevServer({ contentDir });
    serverOutput = server.output;
    browser = await chromium.launch(chromiumLaunchOptions());
    page = await browser.newPage();
    page.on('console', (message) => {
      // While the content has errors, pages answer 500 on purpose, with the overlay.
      if (message.type() === 'error' && !/status of 500/.test(message.text())) problems.push(`console: ${message.text()} (${message.location().url})`);
    });
    page.on('response', (response) => {
      if (response.status() === 404) problems.push(`404: ${response.url()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('an old address of content/redirects.yaml is a redirect page, as in the build', async () => {
    const response = await fetch(`${server.url}hc/en-us/articles/360001234-Welcome/`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<meta http-equiv="refresh" content="0; url=\/articles\/welcome\/">/);
    assert.match(html, /<a href="\/articles\/welcome\/">Go to “Welcome”<\/a>/);
    // In a page of its own, so the forward cannot land in another test's page.
    const own = await browser.newPage();
    await open(own, `${server.url}hc/en-us/articles/360001234-Welcome/`);
    await own.waitForURL(/\/articles\/welcome\/$/);
    await own.close();
  });

  test('search finds articles, from an index of the pages as the dev server renders them', async () => {
    await page.goto(`${server.url}search/?q=invoice`);
    const result = page.locator('[data-search-results] a', { hasText: 'Pay an invoice' });
    await result.waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('[data-search-unavailable]').isVisible(), false, 'search says it is unavailable');
  });

  test('search in every declared language: Welsh and Arabic find their own articles, a translation saved now is found, and a search that finds nothing offers the default language', async (t) => {
    // Welsh has a translation in the fixture; Arabic gets one while the server runs, as a writer would add it.
    const arabic = path.join(contentDir, 'articles/getting-started/welcome.ar.md');
    t.after(() => rm(arabic, { force: true }));
    await writeFile(arabic, '---\ntitle: مرحبا\ndescription: الغرض من مركز المساعدة هذا.\n---\n\nاقرأ عن [دفع فاتورة](/articles/pay-an-invoice/).\n');

    await open(page, `${server.url}cy/search/?q=croeso`);
    const welsh = page.locator('[data-search-results] a', { hasText: 'Croeso' });
    await welsh.waitFor({ timeout: 30_000 });
    assert.equal(await welsh.getAttribute('href'), '/cy/articles/welcome/');

    await until('the Arabic translation saved a moment ago is found in Arabic', async () => {
      await open(page, `${server.url}ar/search/?q=${encodeURIComponent('مرحبا')}`);
      const found = page.locator('[data-search-results] a', { hasText: 'مرحبا' });
      await found.waitFor({ timeout: 3_000 });
      return (await found.getAttribute('href')) === '/ar/articles/welcome/';
    }, 30_000);
    // Arabic searches the Arabic index only: the English title is not among its results.
    assert.equal(await page.locator('[data-search-results] a', { hasText: 'Welcome' }).count(), 0);

    // Nothing Welsh says "invoice": the English article is offered, labelled, at its Welsh address.
    await open(page, `${server.url}cy/search/?q=invoice`);
    const offered = page.locator('[data-search-fallback-results] a', { hasText: 'Pay an invoice' });
    await offered.waitFor({ timeout: 30_000 });
    assert.equal(await offered.getAttribute('href'), '/cy/articles/pay-an-invoice/');
    assert.equal(await page.locator('[data-search-fallback-results]').getAttribute('lang'), 'en-GB');
    assert.equal(await page.locator('[data-search-results] a').count(), 0, 'the Welsh results list stays empty');

    // Removed again, and settled before the next test edits the same article: the Arabic page falls back to English.
    await rm(arabic);
    await until('the Arabic page shows the English original again', async () => {
      await open(page, `${server.url}ar/articles/welcome/`);
      return (await page.locator('h1').textContent()) === 'Welcome';
    });
  });

  test('a broken front matter shows the checker\'s message in the page, and fixing it clears it', async (t) => {
    const file = path.join(contentDir, 'articles/getting-started/welcome.md');
    const original = await readFile(file, 'utf8');
    // Whatever happens, the next test starts from the valid fixture.
    t.after(() => writeFile(file, original));
    // The page's latest connection to the dev server's updates, to send it a message of the server's.
    let hmr: WebSocketRoute | undefined;
    let connections = 0;
    await page.routeWebSocket(/./, (ws) => {
      ws.connectToServer();
      hmr = ws;
      connections++;
    });
    await open(page, `${server.url}articles/welcome/`);
    assert.equal(await page.locator('h1').textContent(), 'Welcome');

    // English pages in the preview's search index (a request for it waits for any rebuild under way;
    // the test before this one changed only the Arabic pages).
    const indexed = async () => {
      const entry = (await (await fetch(`${server.url}pagefind/pagefind-entry.json`)).json()) as { languages: Record<string, { page_count: number }> };
      return Object.entries(entry.languages).find(([lang]) => lang.startsWith('en'))?.[1].page_count;
    };
    const indexedBefore = await indexed();
    await writeFile(file, original.replace('title: Welcome', 'tittle: Welcome'));
    await until('the overlay shows the problem', async () => (await overlayText(page)).includes('is not a field of article front matter'));
    const text = await overlayText(page);
    for (const phrase of ['welcome.md:2 error: "tittle": is not a field of article front matter', 'Received: "Welcome"', 'Allowed:  title, description', 'Fix:      Did you mean "title"?']) {
      assert.ok(text.includes(phrase), `the overlay should say ${phrase}; it says:\n${text}`);
    }
    // A page opened now shows it too.
    await open(page, `${server.url}articles/welcome/`);
    await until('a fresh page shows the problem', async () => (await overlayText(page)).includes('"tittle"'));

    // The preview's search indexer is turned away quietly: its requests neither log the list
    // again nor send an error to the open pages' overlays (one could land on a page that had
    // just reloaded after the fix). The same request without its header logs the error.
    const beforeRequests = server.output().length;
    const indexer = await fetch(`${server.url}articles/welcome/`, { headers: { [INDEXER_REQUEST_HEADER]: '1' } });
    assert.equal(indexer.status, 503);
    assert.doesNotMatch(server.output().slice(beforeRequests), /tittle/);
    assert.equal((await fetch(`${server.url}articles/welcome/`)).status, 500);
    await until('a plain request logs the problem', async () => /tittle/.test(server.output().slice(beforeRequests)));

    // The index is left alone while every page shows the problem: it used to be made again
    // without the broken article and its translations.
    assert.equal(await indexed(), indexedBefore);

    const beforeFix = server.output().length;
    await writeFile(file, original);
    await until('the page renders again by itself', async () => (await overlayText(page)) === '' && (await page.locator('h1').textContent()) === 'Welcome');
    await until('the search index of the preview is made again', async () => server.output().slice(beforeFix).includes('Search index for the preview'));
    assert.doesNotMatch(server.output().slice(beforeFix), /could not be rendered/);

    // A content error that reaches the page after the fix is put away, without a reload: Astro
    // sends an error's overlay only once it has highlighted its code (seconds, on a loaded
    // machine), and Vite hands an error sent while no page was connected to the next page that
    // connects, so one from before the fix could land on the fixed page and stay.
    const problem: Problem = { file: 'content/articles/getting-started/welcome.md', line: 2, severity: 'error', message: 'a problem from before the fix' };
    const late = new ContentProblemsError([problem], '/', 'dev');
    const lateError = JSON.stringify({ type: 'error', err: { name: late.name, message: late.message, hint: late.hint, stack: '', loc: {} } });
    // Sent once to each page load, over its own connection (a reload of the page's own may still come).
    await until('a late content error over the fixed page is shown and put away, without a reload', async () => {
      const state = await page.evaluate((connection) => {
        let mark = document.querySelector<HTMLMetaElement>('meta#late-error');
        if (!mark) {
          const created = document.createElement('meta');
          created.id = 'late-error';
          document.head.append(created);
          new MutationObserver(() => document.querySelector('vite-error-overlay') && (created.dataset.shown = 'yes')).observe(document.documentElement, { childList: true, subtree: true });
          mark = created;
        }
        const isToSend = mark.dataset.connection !== String(connection);
        mark.dataset.connection = String(connection);
        return { isToSend, isShown: mark.dataset.shown === 'yes' };
      }, connections);
      if (state.isToSend) {
        hmr?.send(lateError);
        return false;
      }
      return state.isShown && (await overlayText(page)) === '';
    });
  });

  test('a component in a .md file is reported; renaming the file to .mdx shows the component on the next reload', async () => {
    const md = path.join(contentDir, 'articles/getting-started/welcome.md');
    const original = await readFile(md, 'utf8');
    await writeFile(md, `${original}\n<Callout type="tip">Bookmark this page.</Callout>\n`);
    await open(page, `${server.url}articles/welcome/`);
    await until('the overlay says to rename the file', async () => (await overlayText(page)).includes('Rename the file to welcome.mdx'));

    await rename(md, md.replace(/\.md$/, '.mdx'));
    await until('the article renders as MDX, with its callout', async () => {
      await open(page, `${server.url}articles/welcome/`);
      return (await page.locator('.callout--tip', { hasText: 'Bookmark this page.' }).count()) === 1;
    });
    const edit = await page.getByRole('link', { name: /Edit this page/ }).getAttribute('href');
    assert.match(edit ?? '', /welcome\.mdx$/, 'the edit link names the renamed file');

    // And back: Astro used to keep importing the .mdx file after it was gone, breaking every page until a restart.
    await writeFile(md.replace(/\.md$/, '.mdx'), original);
    await rename(md.replace(/\.md$/, '.mdx'), md);
    await until('the article renders from the .md file again', async () => {
      await open(page, `${server.url}articles/welcome/`);
      return /welcome\.md$/.test((await page.getByRole('link', { name: /Edit this page/ }).getAttribute('href', { timeout: 1_000 })) ?? '');
    });
  });

  test('no 404s or console errors, and no telemetry notice', async () => {
    // Only what the pages themselves cause: Astro's error page (above) has no icon, so the browser asked for /favicon.ico.
    problems.length = 0;
    for (const pagePath of ['', 'contact/', 'articles/pay-an-invoice/', 'offline/']) await open(page, `${server.url}${pagePath}`);
    assert.deepEqual(problems, []);
    assert.doesNotMatch(server.output(), /telemetry/i);
  });
});
