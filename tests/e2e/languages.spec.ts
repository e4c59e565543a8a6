/**
 * Every language of the help center (issue 16), on the built site: each
 * page's <html lang dir>, hreflang and the language picker listing only
 * translations that exist, fallback and outdated notices, right-to-left
 * layout in Arabic at 320 and 1280 px, contact channels in the reader's
 * language, and search per language with default-language results.
 * Expectations come from content/ and the strings files, never written here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../helpers/browser-test.ts';
import type { Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { canonicalTag, textDirection } from '../../src/shared/language-tags.ts';
import { createTranslator } from '../../src/shared/strings.ts';
import {
  basePath,
  contentDir,
  distDir,
  guardPage,
  languageOfPath,
  languagePrefix,
  pagesInEveryLanguage,
  readChannels,
  readSitemapPaths,
  unlistedPages,
} from '../helpers/site.ts';

test.use({ serviceWorkers: 'block' });
const softly = expect.configure({ soft: true, timeout: 2_000 });

interface DeclaredLanguage {
  code: string;
  locale: string;
  dir: 'ltr' | 'rtl';
}

/** The declared languages with the tag and direction pages must carry, worked out as the schema does. */
function declaredLanguages(): DeclaredLanguage[] {
  const data = parseYaml(readFileSync(path.join(contentDir, 'site.yaml'), 'utf8')) as { languages: { code: string; locale?: string; dir?: 'ltr' | 'rtl' }[] };
  return data.languages.map((l) => {
    const locale = canonicalTag(l.locale ?? l.code) ?? l.code;
    return { code: l.code, locale, dir: l.dir ?? textDirection(locale) };
  });
}

const languages = declaredLanguages();
const byCode = new Map(languages.map((l) => [l.code, l]));
const [defaultLanguage] = languages as [DeclaredLanguage];
const others = languages.slice(1);
const rtl = languages.find((l) => l.dir === 'rtl');

/** The published languages of each article slug, from the files beside the originals. */
function articleLanguages(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const root = path.join(contentDir, 'articles');
  for (const category of readdirSync(root, { withFileTypes: true })) {
    if (!category.isDirectory()) continue;
    for (const file of readdirSync(path.join(root, category.name))) {
      const match = /^([^.]+)(?:\.([a-z0-9-]+))?\.mdx?$/.exec(file);
      if (!match) continue;
      const text = readFileSync(path.join(root, category.name, file), 'utf8');
      if (/^draft:\s*true\s*$/m.test(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '')) continue;
      const [, slug, lang = defaultLanguage.code] = match;
      if (!found.has(slug!)) found.set(slug!, new Set());
      found.get(slug!)!.add(lang);
    }
  }
  // A translation of an unpublished original is never published.
  for (const [slug, langs] of found) if (!langs.has(defaultLanguage.code)) found.delete(slug);
  return found;
}

const translated = [...articleLanguages()].filter(([, langs]) => langs.size > 1);
const untranslatedIn = (code: string) => [...articleLanguages()].filter(([, langs]) => !langs.has(code)).map(([slug]) => slug);
const href = (code: string, rest: string) => `${basePath()}${languagePrefix(code)}${rest}`;
const t = (code: string) => createTranslator({ code, locale: byCode.get(code)!.locale, dir: byCode.get(code)!.dir }).t;
const nameIn = (reader: string, code: string) => new Intl.DisplayNames([byCode.get(reader)!.locale], { type: 'language' }).of(code)!;

async function html(page: Page, pagePath: string): Promise<string> {
  const response = await page.request.get(pagePath);
  return response.text();
}

test.describe('addresses and alternates', () => {
  test('every page of every language has its language in <html lang> and its direction in dir', async ({ page }) => {
    const pages = [...pagesInEveryLanguage(), ...unlistedPages(true)];
    expect(new Set(pages.map((p) => languageOfPath(p.path)))).toEqual(new Set(languages.map((l) => l.code)));
    for (const { path: pagePath } of pages) {
      const language = byCode.get(languageOfPath(pagePath))!;
      const tag = /<html([^>]*)>/.exec(await html(page, pagePath))?.[1] ?? '';
      softly(/lang="([^"]+)"/.exec(tag)?.[1], `lang of ${pagePath}`).toBe(language.locale);
      softly(/dir="([^"]+)"/.exec(tag)?.[1], `dir of ${pagePath}`).toBe(language.dir);
    }
  });

  test('the sitemap lists each language once per page that exists in it, and no fallback page', async () => {
    const listed = new Set(readSitemapPaths());
    for (const [slug, langs] of articleLanguages()) {
      for (const { code } of languages) softly(listed.has(href(code, `articles/${slug}/`)), `${code} ${slug} listed`).toBe(langs.has(code));
    }
    for (const { code } of languages) for (const fixed of ['', 'contact/', 'search/', 'a-z/']) softly(listed.has(href(code, fixed)), `${code} /${fixed}`).toBe(true);
  });

  test('hreflang alternates name exactly the languages an article exists in, plus x-default', async ({ page }) => {
    expect(translated.length, 'the demo has translated articles').toBeGreaterThan(0);
    for (const [slug, langs] of translated) {
      for (const code of langs) {
        const text = await html(page, href(code, `articles/${slug}/`));
        const alternates = [...text.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, new URL(m[2]!).pathname]);
        const expected = languages.filter((l) => langs.has(l.code)).map((l) => [l.locale, href(l.code, `articles/${slug}/`)]);
        softly(alternates, `alternates of ${code} ${slug}`).toEqual([...expected, ['x-default', href(defaultLanguage.code, `articles/${slug}/`)]]);
        softly(new URL(/<link rel="canonical" href="([^"]+)"/.exec(text)![1]!).pathname, `canonical of ${code} ${slug}`).toBe(href(code, `articles/${slug}/`));
      }
    }
  });

  test('the language picker lists only the translations that exist, marks the current one, and keeps the reader on the article', async ({ page }) => {
    const guard = guardPage(page);
    const [slug, langs] = translated.find(([, l]) => l.size === languages.length) ?? translated[0]!;
    const reader = others.find((l) => langs.has(l.code))!;
    await page.goto(href(reader.code, `articles/${slug}/`));
    const picker = page.getByRole('navigation', { name: t(reader.code)('language.pickerLabel') });
    const links = picker.getByRole('link');
    await expect(links).toHaveCount(langs.size);
    for (const language of languages.filter((l) => langs.has(l.code))) {
      const link = picker.locator(`a[hreflang="${language.locale}"]`);
      await expect(link).toHaveAttribute('lang', language.locale);
      await expect(link).toHaveAttribute('href', href(language.code, `articles/${slug}/`));
      if (language.code === reader.code) await expect(link).toHaveAttribute('aria-current', 'page');
      else await expect(link).not.toHaveAttribute('aria-current');
    }
    const target = languages.find((l) => langs.has(l.code) && l.code !== reader.code)!;
    await picker.locator(`a[hreflang="${target.locale}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${href(target.code, `articles/${slug}/`)}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', target.locale);
    expect(guard.take()).toEqual([]);
  });
});

test.describe('untranslated and outdated', () => {
  for (const language of others) {
    test(`an article not translated into ${language.code} shows the original with a notice, its own lang, no picker entry and no index`, async ({ page }) => {
      const slug = untranslatedIn(language.code)[0];
      test.skip(!slug, `every article is translated into ${language.code}`);
      const text = await html(page, href(language.code, `articles/${slug}/`));
      expect(text).not.toContain('data-pagefind-body');
      expect(text).not.toMatch(/<link rel="alternate"/);
      expect(new URL(/<link rel="canonical" href="([^"]+)"/.exec(text)![1]!).pathname).toBe(href(defaultLanguage.code, `articles/${slug}/`));
      await page.goto(href(language.code, `articles/${slug}/`));
      const notice = t(language.code)('language.fallbackNotice', { language: nameOf(language.code), original: nameIn(language.code, defaultLanguage.code) });
      await expect(page.getByRole('note').filter({ hasText: notice })).toBeVisible();
      const heading = page.getByRole('heading', { level: 1 });
      await expect(heading.locator('xpath=ancestor-or-self::*[@lang][1]')).toHaveAttribute('lang', defaultLanguage.locale);
      await expect(heading.locator('xpath=ancestor-or-self::*[@dir][1]')).toHaveAttribute('dir', defaultLanguage.dir);
      await expect(page.locator('.prose')).toHaveAttribute('lang', defaultLanguage.locale);
    });

    test(`outdated ${language.code} translations say when the original changed and link to it`, async ({ page }) => {
      const mine = translated.filter(([, langs]) => langs.has(language.code)).map(([slug]) => slug);
      const outdated: string[] = [];
      const intro = t(language.code)('language.outdatedLink', { original: nameIn(language.code, defaultLanguage.code) });
      for (const slug of mine) {
        await page.goto(href(language.code, `articles/${slug}/`));
        const note = page.getByRole('note').filter({ has: page.getByRole('link', { name: intro }) });
        if ((await note.count()) === 0) continue;
        outdated.push(slug);
        await expect(note.getByRole('link')).toHaveAttribute('href', href(defaultLanguage.code, `articles/${slug}/`));
        const [before] = t(language.code)('language.outdatedNotice', { original: nameIn(language.code, defaultLanguage.code) }).split('{date}');
        await expect(note).toContainText(before!);
      }
      // The demo keeps one translation per language out of date, so the notice can be seen.
      expect(outdated.length, `outdated ${language.code} translations`).toBeGreaterThan(0);
      expect(outdated.length).toBeLessThan(mine.length);
    });
  }
});

function nameOf(code: string): string {
  return new Intl.DisplayNames([byCode.get(code)!.locale], { type: 'language' }).of(code)!;
}

test.describe('right to left', () => {
  test.skip(!rtl, 'no right-to-left language is declared');
  const rtlPages = () => [...pagesInEveryLanguage(), ...unlistedPages(true)].filter((p) => languageOfPath(p.path) === rtl!.code);

  for (const width of [320, 1280]) {
    test(`no ${rtl?.code} page scrolls sideways or puts content off either edge at ${width} px`, async ({ page }) => {
      test.setTimeout(30_000 + rtlPages().length * 1_500);
      await page.setViewportSize({ width, height: 800 });
      const problems: string[] = [];
      for (const { path: pagePath } of rtlPages()) {
        await page.goto(pagePath);
        const result = await page.evaluate(() => {
          const root = document.scrollingElement!;
          const off = [...document.body.querySelectorAll<HTMLElement>('*')]
            // Inside a region that scrolls by itself (a wide table), content may run past the page: the region holds it.
            .filter((el) => el.checkVisibility() && !el.closest('.visually-hidden, .skip-link, .table-scroll > *'))
            .filter((el) => {
              const box = el.getBoundingClientRect();
              return box.width > 0 && (box.left < -0.5 || box.right > root.clientWidth + 0.5);
            })
            .slice(0, 3)
            .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')}`);
          return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, off };
        });
        if (result.scrollWidth > result.clientWidth || result.off.length) problems.push(`${pagePath}: ${result.scrollWidth} > ${result.clientWidth} ${result.off.join(', ')}`);
      }
      expect(problems).toEqual([]);
    });

    test(`the layout is mirrored in ${rtl?.code} at ${width} px: name, breadcrumbs, headings and the contact list start on the right`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      const [slug] = translated.find(([, langs]) => langs.has(rtl!.code))!;
      /** Where things sit: positive when a's start is after b's in the reading direction. */
      const positions = async (pagePath: string) => {
        await page.goto(pagePath);
        return page.evaluate(() => {
          const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
          // On phones only the way back up shows (design, issue 13: GOV.UK style), so only visible crumbs count.
          const crumbs = [...document.querySelectorAll('nav.breadcrumbs li')].map((li) => li.getBoundingClientRect()).filter((r) => r.width > 0);
          const main = box('main');
          return {
            crumbCount: crumbs.length,
            crumbFirstRight: crumbs[0]!.right,
            crumbFirstLeft: crumbs[0]!.left,
            crumbSecondRight: crumbs[1]?.right ?? 0,
            h1Left: box('h1').left - main.left,
            h1Right: main.right - box('h1').right,
            nameRight: box('.site-header__name').right,
            nameLeft: box('.site-header__name').left,
            // The panel's compact list (design, issue 13): its rows.
            channelRight: box('.contact-panel .channel-rows').right - box('.contact-panel .page-width').right,
            channelLeft: box('.contact-panel .channel-rows').left - box('.contact-panel .page-width').left,
          };
        });
      };
      const rtlBox = await positions(href(rtl!.code, `articles/${slug}/`));
      const ltrBox = await positions(href(defaultLanguage.code, `articles/${slug}/`));
      if (rtlBox.crumbCount > 1) {
        // Breadcrumbs run right to left: the first crumb is to the right of the second.
        expect(rtlBox.crumbFirstRight).toBeGreaterThan(rtlBox.crumbSecondRight);
        expect(ltrBox.crumbFirstRight).toBeLessThan(ltrBox.crumbSecondRight);
      } else {
        // One crumb (the way back up): at the start of the line, right in Arabic, left in English.
        expect(rtlBox.crumbFirstRight).toBeGreaterThan(width / 2);
        expect(ltrBox.crumbFirstLeft).toBeLessThan(width / 2);
      }
      // The heading hugs the right edge of main (less space on the right than the left).
      expect(rtlBox.h1Right).toBeLessThanOrEqual(rtlBox.h1Left);
      expect(ltrBox.h1Left).toBeLessThanOrEqual(ltrBox.h1Right);
      // The site name sits at the start of the header: right in Arabic, left in English.
      expect(rtlBox.nameRight).toBeGreaterThan(width / 2);
      expect(ltrBox.nameLeft).toBeLessThan(width / 2);
    });
  }

  test('phone numbers, addresses and hours keep their own direction inside right-to-left text', async ({ page }) => {
    await page.goto(href(rtl!.code, 'contact/'));
    const phone = readChannels().find((c) => c.kind === 'phone')!;
    const link = page.locator(`main [data-channel="${phone.id}"] a.channel__link`);
    await expect(link.locator('bdi')).toHaveAttribute('dir', 'ltr');
    const cells = page.locator('main .hours-table td bdi[dir="ltr"]');
    expect(await cells.count()).toBeGreaterThan(0);
    await expect(cells.first()).toHaveText(/^\d\d:\d\d–\d\d:\d\d/);
  });
});

test.describe('people who speak the reader\'s language', () => {
  for (const language of others) {
    test(`${language.code} pages list the channels that speak ${language.code} first, say so, and hide none`, async ({ page }) => {
      const channels = readChannels();
      const raw = parseYaml(readFileSync(path.join(contentDir, 'contact.yaml'), 'utf8')) as { channels: { id: string; languages?: string[] }[] };
      const speaks = (id: string) => (raw.channels.find((c) => c.id === id)?.languages ?? [defaultLanguage.code]).includes(language.code);
      const expected = [...channels.filter((c) => speaks(c.id)), ...channels.filter((c) => !speaks(c.id))].map((c) => c.id);
      await page.goto(href(language.code, 'contact/'));
      const order = await page.locator('main handrail-channels li.channel').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.channel));
      expect(order).toEqual(expected);
      const saying = t(language.code)('contact.speaksYourLanguage', { language: nameOf(language.code) });
      for (const id of expected) {
        const note = page.locator(`main [data-channel="${id}"] .channel__language`);
        await expect(note, `${id} says it speaks ${language.code}`).toHaveCount(speaks(id) ? 1 : 0);
        if (speaks(id)) await expect(note).toHaveText(saying);
      }
      // On the contact page the panel points to this list instead of repeating it (issue 13);
      // the panel elsewhere (the home page: no category to put first) ranks the channels in the same order.
      await expect(page.locator('#contact-panel li.channel')).toHaveCount(0);
      await page.goto(href(language.code, ''));
      const panel = await page.locator('#contact-panel li.channel').evaluateAll((items) =>
        (items as HTMLElement[]).toSorted((a, b) => Number(a.dataset.rank ?? 0) - Number(b.dataset.rank ?? 0)).map((item) => item.dataset.channel),
      );
      expect(panel).toEqual(expected);
    });

    test(`prefilled messages on ${language.code} articles are written in ${language.code}`, async ({ page }) => {
      const [slug] = translated.find(([, langs]) => langs.has(language.code))!;
      await page.goto(href(language.code, `articles/${slug}/`));
      const email = readChannels().find((c) => c.kind === 'email')!;
      const link = page.locator(`#contact-panel [data-channel="${email.id}"] a.channel__link`);
      const body = new URLSearchParams((await link.getAttribute('href'))!.split('?')[1]).get('body') ?? '';
      expect(body).toContain(t(language.code)('contact.message.reading'));
    });
  }
});

test.describe('search per language', () => {
  for (const language of others) {
    test(`the ${language.code} search page finds ${language.code} articles only, and offers ${defaultLanguage.code} results, labelled, when ${language.code} has none`, async ({ page }) => {
      const words = (code: string) => JSON.parse(readFileSync(path.join(distDir, languagePrefix(code), 'search-words.json'), 'utf8')) as Record<string, number>;
      const own = words(language.code);
      const fallback = words(defaultLanguage.code);
      // A word several translations use, and an English word no translation uses.
      const ownWord = Object.entries(own).filter(([word, n]) => n >= 2 && word.length >= 4 && !(word in fallback)).sort((a, b) => b[1] - a[1])[0]![0];
      const englishWord = Object.entries(fallback).filter(([word, n]) => n >= 2 && word.length >= 5 && !(word in own)).sort((a, b) => b[1] - a[1])[0]![0];

      await page.goto(`${href(language.code, 'search/')}?q=${encodeURIComponent(ownWord)}`);
      const results = page.locator('[data-search-results] a');
      await expect(results.first()).toBeVisible({ timeout: 10_000 });
      for (const link of await results.all()) expect(await link.getAttribute('href')).toContain(`/${language.code}/articles/`);
      await expect(page.locator('[data-search-fallback-region]')).toBeHidden();

      await page.goto(`${href(language.code, 'search/')}?q=${encodeURIComponent(englishWord)}`);
      const heading = page.getByRole('heading', { name: t(language.code)('search.fallbackHeading', { original: nameIn(language.code, defaultLanguage.code) }) });
      await expect(heading).toBeVisible({ timeout: 10_000 });
      const offered = page.locator('[data-search-fallback-results]');
      await expect(offered).toHaveAttribute('lang', defaultLanguage.locale);
      expect(await offered.getByRole('link').count()).toBeGreaterThan(0);
      for (const link of await offered.getByRole('link').all()) expect(await link.getAttribute('href')).toContain(`/${language.code}/articles/`);
      await expect(page.getByRole('status')).toContainText(nameIn(language.code, defaultLanguage.code));
    });
  }
});
