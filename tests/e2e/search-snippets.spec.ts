/**
 * What a search result shows, against the built site and its real Pagefind
 * index: the title, the category, the updated date as a `<time>` label, and
 * an excerpt of one or two lines quoted from the article's own body around
 * the matched words. Never the keywords, synonyms, phone references or dates
 * the article is also indexed by, whatever the query matched.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../helpers/browser-test.ts';
import type { Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { words } from '../../src/shared/search/synonyms.ts';
import { basePath, contentDir, distDir, guardPage, readArticleSources } from '../helpers/site.ts';

const published = readArticleSources().filter((a) => !a.draft);
const groups = (parseYaml(readFileSync(path.join(contentDir, 'synonyms.yaml'), 'utf8')) as { groups: string[][] }).groups;
// The default language's tag: a one-language site writes `locale`, a site in several lists `languages` (default first).
const settings = parseYaml(readFileSync(path.join(contentDir, 'site.yaml'), 'utf8')) as { locale?: string; languages?: { code: string; locale?: string }[] };
const locale = settings.locale ?? settings.languages?.[0]?.locale ?? settings.languages?.[0]?.code ?? 'en';

/** Each article's phone reference, as its built page shows it in the contact panel. */
const references = new Map(
  published.map((a) => {
    const html = readFileSync(path.join(distDir, 'articles', a.slug, 'index.html'), 'utf8');
    return [a.slug, /Quote reference ([A-Z0-9]{4})\b/.exec(html)?.[1] ?? ''] as const;
  }),
);

/** A keyword word no article's text uses, so only its metadata can match it. */
const everyTextWord = new Set(published.flatMap((a) => words(`${a.title} ${a.body}`)));
const keywordOnly = published.flatMap((a) => a.keywords.flatMap((k) => words(k))).find((w) => w.length > 4 && !everyTextWord.has(w));

/** Lists that must never be quoted: two neighbouring keywords or synonyms, joined as a list would join them. */
const lists = [...published.map((a) => a.keywords), ...groups].flatMap((list) =>
  list.slice(1).flatMap((term, i) => [`${list[i]}, ${term}`, `${list[i]} · ${term}`].map((s) => s.toLowerCase())),
);

interface Shown {
  url: string;
  title: string;
  meta: string;
  datetime: string | null;
  date: string;
  excerpt: string;
  marks: string[];
  /** The excerpt's height in lines of its own text. */
  lines: number;
}

async function shownResults(page: Page, query: string): Promise<Shown[]> {
  await page.goto(`${basePath()}search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('[data-search-status]')).toContainText(`“${query}”`);
  return page.locator('.search-result').evaluateAll((items) =>
    items.map((item) => {
      const excerpt = item.querySelector<HTMLElement>('.search-result__excerpt')!;
      const time = item.querySelector('.search-result__meta time');
      return {
        url: item.querySelector('h3 a')!.getAttribute('href')!,
        title: item.querySelector('h3')!.textContent ?? '',
        meta: item.querySelector('.search-result__meta')!.textContent ?? '',
        datetime: time?.getAttribute('datetime') ?? null,
        date: time?.textContent ?? '',
        excerpt: excerpt.textContent ?? '',
        marks: [...excerpt.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
        lines: excerpt.getBoundingClientRect().height / parseFloat(getComputedStyle(excerpt).lineHeight),
      };
    }),
  );
}

/**
 * Articles' bodies as readers see them (title and the parts search ignores
 * left out), as their letters and digits only: where one block ends and the
 * next begins, the page and the index may differ in spacing, never in text.
 * Read from the built files and parsed by the browser, all at once.
 */
async function bodyLetters(page: Page, urls: string[]): Promise<Map<string, string>> {
  const files = urls.map((url) => readFileSync(path.join(distDir, new URL(url, 'http://x').pathname.slice(basePath().length), 'index.html'), 'utf8'));
  const texts = await page.evaluate((sources) =>
    sources.map((source) => {
      const body = new DOMParser().parseFromString(source, 'text/html').querySelector('[data-pagefind-body]')!;
      for (const ignored of body.querySelectorAll('h1, [data-pagefind-ignore]')) ignored.remove();
      return body.textContent ?? '';
    }),
  files);
  return new Map(urls.map((url, i) => [url, letters(texts[i]!)]));
}

const letters = (text: string) => words(text).join('');

test('result excerpts quote the article body, never its keywords, synonyms, reference or dates', async ({ page }) => {
  test.setTimeout(120_000);
  const guard = guardPage(page);
  const reference = references.get('get-a-refund')!;
  expect(reference, 'the refund article shows a reference').toMatch(/^[A-Z0-9]{4}$/);
  expect(keywordOnly, 'some keyword is used by no article text').toBeDefined();
  const allReferences = [...references.values()].filter(Boolean);
  const dateLabel = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const queries = ['refund', reference, keywordOnly!, 'money back', 'battery', 'how do i reset my password', 'cant log in', '2026'];
  const shownFor = new Map<string, Shown[]>();
  for (const query of queries) shownFor.set(query, await shownResults(page, query));
  const bodies = await bodyLetters(page, [...new Set([...shownFor.values()].flat().map((r) => r.url))]);

  for (const [query, shown] of shownFor) {
    if (query !== '2026') expect(shown.length, `results for "${query}"`).toBeGreaterThan(0);
    for (const result of shown) {
      const where = `"${query}" → ${result.title}: ${result.excerpt}`;
      expect(result.excerpt.trim(), where).not.toBe('');
      expect(allReferences.filter((code) => new RegExp(`\\b${code}\\b`).test(result.excerpt)), `${where}: references`).toEqual([]);
      expect(result.excerpt, where).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b|\b20\d{6}\b/);
      const lower = result.excerpt.toLowerCase();
      expect(lists.filter((list) => lower.includes(list)), `${where}: keyword or synonym lists`).toEqual([]);
      // Quoted from the article itself: its words, in its order.
      expect(bodies.get(result.url)!.includes(letters(result.excerpt)), `${where} is not quoted from the article`).toBe(true);

      expect(result.lines, `${where} takes ${result.lines.toFixed(1)} lines`).toBeLessThanOrEqual(2.05);
      expect(result.datetime, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(result.date, where).toBe(dateLabel.format(new Date(`${result.datetime}T00:00:00Z`)));
      expect(result.meta, where).toMatch(new RegExp(`^.+ · Updated ${result.date}$`));
    }
  }

  // The matched words are highlighted where the article uses them.
  for (const query of ['refund', 'battery']) {
    const [first] = await shownResults(page, query);
    expect(first!.marks.length, `highlights for "${query}"`).toBeGreaterThan(0);
    for (const mark of first!.marks) expect(mark.toLowerCase().startsWith(query.slice(0, 5)), `"${mark}" for "${query}"`).toBe(true);
  }
  expect(guard.take()).toEqual([]);
});
