/**
 * Foundation: every built page (from dist/sitemap.xml) plus the 404 page
 * answers, has one h1, the landmarks, labelled navigation, a working skip
 * link, metadata, links that resolve, nothing from another origin and no
 * console errors; reads without JavaScript; reflows at 320 CSS px.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../helpers/browser-test.ts';
import type { APIRequestContext, Page } from '@playwright/test';
import { allPages, basePath, distDir, guardPage, languageOfPath, languagePrefix, onePagePerKind, readArticleSources, readChannels, readSitemapPaths, siteLanguages } from '../helpers/site.ts';

// The server's pages, not a service worker's cached copies: the offline tests cover the worker.
test.use({ serviceWorkers: 'block' });

/** Soft checks for loops over every page: a static page is complete at load, so a short wait is enough, and one defect everywhere reports at once instead of timing out. */
const softly = expect.configure({ soft: true, timeout: 2_000 });

/** Time for a test that visits every page once. */
const perPageTimeout = (perPage: number) => 30_000 + allPages().length * perPage;

/** The accessible names of every navigation landmark, in document order. */
async function navigationNames(page: Page): Promise<string[]> {
  return page.locator('nav, [role="navigation"]').evaluateAll((navs) =>
    navs.map((nav) => {
      const labelledBy = nav.getAttribute('aria-labelledby');
      const fromIds = labelledBy
        ?.split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
      return (nav.getAttribute('aria-label') ?? fromIds ?? '').trim();
    }),
  );
}

test.describe('every page', () => {
  test('answers, has one h1, landmarks, labelled navigation, metadata, a working skip link and no errors', async ({ page }) => {
    test.setTimeout(perPageTimeout(2_000));
    const guard = guardPage(page);
    for (const { path: pagePath, kind, status } of allPages()) {
      const at = `on ${pagePath}`;
      const response = await page.goto(pagePath);
      softly(response?.status(), `status ${at}`).toBe(status);

      await softly(page.locator('html'), `lang ${at}`).toHaveAttribute('lang', /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
      await softly(page.getByRole('heading', { level: 1 }), `one h1 ${at}`).toHaveCount(1);
      await softly(page.getByRole('banner'), `banner ${at}`).toHaveCount(1);
      await softly(page.getByRole('main'), `main ${at}`).toHaveCount(1);
      await softly(page.getByRole('contentinfo'), `contentinfo ${at}`).toHaveCount(1);
      await softly(page.getByRole('navigation', { name: 'Main', exact: true }), `Main nav ${at}`).toBeVisible();
      await softly(page.getByRole('navigation', { name: 'Footer', exact: true }), `Footer nav ${at}`).toBeVisible();
      const navNames = await navigationNames(page);
      softly(navNames.filter((name) => !name), `every nav has a name ${at}: ${JSON.stringify(navNames)}`).toEqual([]);
      softly(new Set(navNames).size, `nav names are unique ${at}: ${JSON.stringify(navNames)}`).toBe(navNames.length);

      // The skip link is the first Tab stop, shows when focused, and moves focus into main.
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to main content' });
      await softly(skip, `skip link is the first Tab stop ${at}`).toBeFocused();
      await softly(skip, `skip link shows when focused ${at}`).toBeInViewport();
      await page.keyboard.press('Enter');
      await softly(page.getByRole('main'), `skip link focuses main ${at}`).toBeFocused();
      await page.keyboard.press('Tab');
      softly(await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement)), `Tab after the skip link stays in main ${at}`).toBe(true);

      // Metadata for search engines and link previews.
      if (status === 200) {
        const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
        softly(canonical, `canonical ${at}`).toMatch(/^https?:\/\//);
        if (canonical) softly(new URL(canonical).pathname, `canonical path ${at}`).toBe(pagePath);
      } else {
        // A page that does not exist has no canonical address, and asks not to be indexed.
        softly(await page.locator('link[rel="canonical"]').count(), `no canonical ${at}`).toBe(0);
        await softly(page.locator('meta[name="robots"]'), `noindex ${at}`).toHaveAttribute('content', 'noindex');
      }
      await softly(page.locator('meta[property="og:title"]'), `og:title ${at}`).toHaveAttribute('content', /\S/);
      const jsonLd = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text) as Record<string, unknown>);
      const types = jsonLd.map((data) => data['@type']);
      if (kind === 'article') {
        softly(types, `JSON-LD types ${at}`).toEqual(expect.arrayContaining(['BreadcrumbList', 'Article']));
        const h1 = (await page.getByRole('heading', { level: 1 }).textContent())?.trim();
        softly(jsonLd.find((data) => data['@type'] === 'Article')?.headline, `Article headline ${at}`).toBe(h1);
      }
      if (kind === 'category') softly(types, `JSON-LD types ${at}`).toContain('BreadcrumbList');

      // Articles with three or more sections have a table of contents whose links all land.
      if (kind === 'article') {
        const sections = await page.locator('article .prose h2[id]').count();
        const toc = page.getByRole('navigation', { name: 'On this page' });
        if (sections >= 3) {
          await softly(toc, `table of contents ${at} (${sections} sections)`).toBeVisible();
          const targets = await toc.getByRole('link').evaluateAll((links) =>
            links.map((link) => {
              const id = decodeURIComponent((link as HTMLAnchorElement).hash.slice(1));
              const target = document.getElementById(id);
              return { id, text: link.textContent?.trim(), lands: Boolean(target?.closest('article')), targetText: target?.textContent?.trim() };
            }),
          );
          softly(targets.length, `table of contents links ${at}`).toBeGreaterThanOrEqual(sections);
          for (const target of targets) {
            softly(target.lands, `table of contents link #${target.id} lands in the article ${at}`).toBe(true);
            softly(target.targetText, `table of contents link #${target.id} names its section ${at}`).toBe(target.text);
          }
        } else {
          await softly(toc, `no table of contents with ${sections} sections ${at}`).toHaveCount(0);
        }
      }

      softly(guard.take(), `console errors and requests to other origins ${at}`).toEqual([]);
    }
  });

  test('the guard used above reports console errors and requests to another origin', async ({ page }) => {
    const guard = guardPage(page);
    await page.goto(readSitemapPaths()[0]!);
    expect(guard.take()).toEqual([]);
    await page.evaluate(() => {
      console.error('planted error');
      const img = document.createElement('img');
      img.src = 'https://elsewhere.example/pixel.png';
      img.alt = '';
      document.body.append(img);
    });
    await expect.poll(() => guard.take().join('\n')).toMatch(/request to another origin: https:\/\/elsewhere\.example/);
    await page.evaluate(() => console.error('planted error'));
    await expect.poll(() => guard.take().join('\n')).toContain('console error: planted error');
  });

  test('links resolve: every internal URL answers 200 and every #fragment exists on its page', async ({ page, request }) => {
    test.setTimeout(perPageTimeout(1_500));
    const seen = new Map<string, number>();
    const idsByPage = new Map<string, Set<string>>();
    const problems: string[] = [];

    const idsOn = async (api: APIRequestContext, url: string): Promise<Set<string>> => {
      if (!idsByPage.has(url)) {
        const html = await (await api.get(url)).text();
        const ids = [...html.matchAll(/\sid=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g)].map((m) => decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
        idsByPage.set(url, new Set(ids));
      }
      return idsByPage.get(url)!;
    };

    for (const { path: pagePath } of allPages()) {
      await page.goto(pagePath);
      const urls = await page.evaluate(() =>
        [
          ...[...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.href),
          ...[...document.querySelectorAll<HTMLLinkElement>('link[href]')].map((l) => l.href),
          ...[...document.querySelectorAll<HTMLImageElement>('img[src]')].map((i) => i.src),
          ...[...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src),
          ...[...document.querySelectorAll<HTMLFormElement>('form[action]')].map((f) => f.action),
        ].filter((url) => url.startsWith(location.origin)),
      );
      const here = new URL(page.url());
      here.hash = '';
      for (const raw of new Set(urls)) {
        const url = new URL(raw);
        const fragment = decodeURIComponent(url.hash.slice(1));
        url.hash = '';
        const key = url.href;
        if (key === here.href) {
          // A link within the page: its target must be in this document (the 404 page has no URL of its own to fetch).
          if (fragment && !(await page.evaluate((id) => document.getElementById(id) !== null, fragment))) problems.push(`${pagePath} links to #${fragment}, which is not on the page`);
          continue;
        }
        if (!seen.has(key)) seen.set(key, (await request.get(key, { maxRedirects: 0 })).status());
        if (seen.get(key) !== 200) problems.push(`${pagePath} links to ${key}, which answers ${seen.get(key)}`);
        else if (fragment && !(await idsOn(request, key)).has(fragment)) problems.push(`${pagePath} links to ${raw}, but no element there has id="${fragment}"`);
      }
    }
    expect(seen.size, 'internal URLs checked').toBeGreaterThan(allPages().length);
    expect(problems).toEqual([]);
  });
});

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([\da-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

test.describe('keyboard', () => {
  for (const { path: pagePath, kind } of onePagePerKind()) {
    test(`${kind} page (${pagePath}): every Tab stop is visible and shows a focus indicator`, async ({ page }) => {
      await page.goto(pagePath);
      const problems: string[] = [];
      const seen = new Set<string>();
      for (let presses = 0; presses < 400; presses++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return undefined;
          const style = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          const name = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent ?? '').trim().slice(0, 40)}" ${el.getAttribute('href') ?? ''}`;
          return {
            key: `${name}@${Math.round(box.top + scrollY)},${Math.round(box.left)}`,
            name,
            visible: el.checkVisibility() && box.width > 0 && box.height > 0,
            indicated: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
          };
        });
        if (!stop || seen.has(stop.key)) break;
        seen.add(stop.key);
        if (!stop.visible) problems.push(`invisible Tab stop: ${stop.name}`);
        else if (!stop.indicated) problems.push(`no focus indicator: ${stop.name}`);
      }
      expect(seen.size, 'Tab stops found').toBeGreaterThan(3);
      expect(problems).toEqual([]);
    });
  }
});

test.describe('at 320 CSS px wide (400% zoom of a 1280 px window)', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  // Every page of every language is measured at 320 px by checkReflow in tests/a11y/every-page.spec.ts.

  test('an article with the feedback "No" panel open does not scroll sideways', async ({ page }) => {
    const article = readSitemapPaths().find((p) => p.includes('/articles/'))!;
    await page.goto(article);
    await page.getByRole('button', { name: "No, this didn't help" }).click();
    await page.getByRole('complementary', { name: 'Talk to a person' }).getByText('Check the message we will prefill').click();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every article reads in full and every contact link is there', async ({ page }) => {
    const articles = allPages().filter((p) => p.kind === 'article');
    test.setTimeout(perPageTimeout(1_000));
    expect(articles.length).toBeGreaterThan(0);
    const channels = readChannels();
    for (const { path: pagePath } of articles) {
      const at = `on ${pagePath}`;
      await page.goto(pagePath);
      await softly(page.getByRole('heading', { level: 1 }), `h1 ${at}`).toBeVisible();
      const hidden = await page.locator('article .prose').evaluate((prose) => {
        const blocks = [...prose.querySelectorAll<HTMLElement>('p, li, h2, h3, h4, td, th, blockquote, figcaption, dt, dd, pre')];
        return {
          count: blocks.length,
          text: prose.textContent?.trim().length ?? 0,
          hidden: blocks
            // A writer's own closed <details> hides its body with or without a script.
            .filter((el) => !(el.closest('details:not([open])') && !el.closest('summary')))
            .filter((el) => el.textContent?.trim() && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
            .map((el) => el.textContent!.trim().slice(0, 60)),
        };
      });
      softly(hidden.text, `article body has text ${at}`).toBeGreaterThan(0);
      softly(hidden.hidden, `article text hidden without JavaScript ${at}`).toEqual([]);

      const panel = page.getByRole('complementary', { name: 'Talk to a person' });
      // The channels after the first three are one native disclosure away (no script needed).
      await panel.locator('details.channel-more > summary').click();
      for (const channel of channels) {
        const item = panel.locator(`li.channel[data-channel="${channel.id}"]`);
        if (channel.kind === 'post') await softly(item.locator('address'), `${channel.id} address ${at}`).toBeVisible();
        else await softly(item.getByRole('link'), `${channel.id} link ${at}`).toBeVisible();
      }
      // What cannot work without a script is not offered.
      await softly(page.getByRole('button', { name: "No, this didn't help" }), `feedback buttons hidden ${at}`).toBeHidden();
      await softly(page.locator('handrail-feedback').getByRole('link', { name: 'Contact a person' }), `feedback falls back to a link ${at}`).toBeVisible();
      await softly(page.getByRole('button', { name: 'Dark theme' }), `theme toggle hidden ${at}`).toBeHidden();
    }
  });
});

test.describe('theme toggle', () => {
  test.use({ colorScheme: 'light' });

  test('switches data-theme, is announced as pressed, and survives reload and navigation', async ({ page }) => {
    const [home, second] = readSitemapPaths();
    await page.goto(home!);
    const html = page.locator('html');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const lightBackground = await background();

    await toggle.focus();
    await page.keyboard.press('Space');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await background()).not.toBe(lightBackground);

    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await page.goto(second!);
    await expect(html).toHaveAttribute('data-theme', 'dark');
    expect(await background()).not.toBe(lightBackground);

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'light');
    expect(await background()).toBe(lightBackground);
  });

  test('follows a dark system setting until the reader chooses', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(readSitemapPaths()[0]!);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  });
});

test.describe('what is built', () => {
  test('draft articles are not built, listed or linked; every published article is', async ({ request }) => {
    const sources = readArticleSources();
    const sitemap = readSitemapPaths();
    // Each article once in the default language; tests/e2e/languages.spec.ts checks the others.
    const articlePaths = sitemap.filter((p) => p.includes('/articles/') && languageOfPath(p) === siteLanguages().codes[0]);
    const published = sources.filter((s) => !s.draft);
    const drafts = sources.filter((s) => s.draft);
    expect(articlePaths.map((p) => p.split('/').at(-2)).sort()).toEqual(published.map((s) => s.slug).sort());
    test.info().annotations.push({ type: 'drafts', description: drafts.length ? drafts.map((d) => d.slug).join(', ') : 'none in content/articles' });

    // In no language: a draft original has no translation or fallback page either.
    const prefixes = siteLanguages().codes.map(languagePrefix);
    const draftAddresses = (slug: string) => prefixes.map((prefix) => `${basePath()}${prefix}articles/${slug}/`);
    for (const draft of drafts) {
      for (const prefix of prefixes) expect(existsSync(path.join(distDir, prefix, 'articles', draft.slug)), `dist/${prefix}articles/${draft.slug}/ exists`).toBe(false);
      for (const address of draftAddresses(draft.slug)) expect((await request.get(address)).status(), `draft ${address} answers`).toBe(404);
    }
    // No page (home, topic lists, A–Z, related articles) links to a draft.
    const linking: string[] = [];
    for (const pagePath of sitemap) {
      const html = await (await request.get(pagePath)).text();
      for (const draft of drafts) for (const address of draftAddresses(draft.slug)) if (html.includes(`href="${address}"`)) linking.push(`${pagePath} links to draft ${address}`);
    }
    expect(linking).toEqual([]);
  });

  test('robots.txt and sitemap.xml are served', async ({ request }) => {
    const robots = await request.get(`${basePath()}robots.txt`);
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
    const sitemap = await request.get(`${basePath()}sitemap.xml`);
    expect(sitemap.status()).toBe(200);
    expect(sitemap.headers()['content-type']).toContain('xml');
  });
});
