/**
 * Shared helpers for the browser tests: which pages the built site has
 * (read from dist/ at test time, never hard-coded), what the content says
 * (contact channels, notices, drafts), and a guard that records console
 * errors and any request that leaves this machine.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Request } from '@playwright/test';
import { parse as parseYaml } from 'yaml';

/** The project root (the folder holding package.json). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built site the tests run against. */
export const distDir = path.join(projectRoot, 'dist');
/** The content set, honouring HANDRAIL_CONTENT_DIR as the build does. */
export const contentDir = path.resolve(projectRoot, process.env.HANDRAIL_CONTENT_DIR ?? 'content');

/** A URL no page has: the server answers it with the 404 page and status 404. */
export const MISSING_PATH = '/no-such-page/';

/** What kind of page a path is, for checks that differ by template. */
export type PageKind = 'home' | 'article' | 'category' | 'contact' | 'a-z' | 'search' | 'not-found' | 'other';

/** One page to visit, with the status the server must answer. */
export interface SitePage {
  path: string;
  kind: PageKind;
  status: 200 | 404;
}

let sitemapCache: string[] | undefined;

/**
 * Root-relative paths of every page in dist/sitemap.xml, in sitemap order.
 * The sitemap carries absolute production URLs; only the path is kept, so
 * the base path (if any) stays part of it.
 */
export function readSitemapPaths(): string[] {
  if (sitemapCache) return sitemapCache;
  const file = path.join(distDir, 'sitemap.xml');
  if (!existsSync(file)) throw new Error(`${file} does not exist. Run \`npm run build\` before the browser tests.`);
  const xml = readFileSync(file, 'utf8');
  const paths = [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => new URL(decodeXml(m[1]!)).pathname);
  if (paths.length === 0) throw new Error(`${file} lists no pages.`);
  sitemapCache = paths;
  return paths;
}

function decodeXml(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

/** The base path the site was built with, e.g. "/" or "/help/", taken from the home page's sitemap entry. */
export function basePath(): string {
  return readSitemapPaths()[0]!.replace(/[^/]*$/, '');
}

/** The site's languages as content/site.yaml declares them: codes, the default first, and whether the default has a prefix. */
export function siteLanguages(): { codes: string[]; prefixDefault: boolean } {
  const data = parseYaml(readFileSync(path.join(contentDir, 'site.yaml'), 'utf8')) as { languages?: { code: string }[]; locale?: string; prefixDefaultLanguage?: boolean };
  const codes = data.languages?.map((l) => l.code) ?? [(data.locale ?? 'en').split('-')[0]!];
  return { codes, prefixDefault: data.prefixDefaultLanguage === true };
}

/** The language prefix of a language ("" for the default language at the root), e.g. "cy/". */
export function languagePrefix(code: string): string {
  const { codes, prefixDefault } = siteLanguages();
  return code === codes[0] && !prefixDefault ? '' : `${code}/`;
}

/** The language code a built page's path is in. */
export function languageOfPath(pagePath: string): string {
  const { codes } = siteLanguages();
  const first = pagePath.slice(basePath().length).split('/')[0] ?? '';
  return codes.includes(first) && languagePrefix(first) !== '' ? first : codes[0]!;
}

/** A path without its base and language prefix: "/help/cy/contact/" is "/contact/". */
function unprefixed(pagePath: string): string {
  const prefix = languagePrefix(languageOfPath(pagePath));
  return pagePath.slice(basePath().length - 1 + prefix.length);
}

/** Which template rendered a path, in any language. */
export function pageKind(pagePath: string): PageKind {
  const rest = unprefixed(pagePath);
  if (rest === '/') return 'home';
  if (rest.startsWith('/articles/')) return 'article';
  if (rest.startsWith('/categories/')) return 'category';
  if (rest === '/contact/') return 'contact';
  if (rest === '/a-z/') return 'a-z';
  if (rest === '/search/') return 'search';
  return 'other';
}

/**
 * Every page of the sitemap in the default language, then the 404 page
 * asked for as a missing URL: the pages whose interface words the tests
 * name in English. `pagesInEveryLanguage` has the others too.
 */
export function allPages(): SitePage[] {
  const fallback = siteLanguages().codes[0]!;
  return pagesInEveryLanguage().filter((page) => languageOfPath(page.path) === fallback);
}

/** Every page of the sitemap in every language, then each language's 404 page asked for as a missing URL. */
export function pagesInEveryLanguage(): SitePage[] {
  const pages: SitePage[] = readSitemapPaths().map((p) => ({ path: p, kind: pageKind(p), status: 200 }));
  for (const code of siteLanguages().codes) pages.push({ path: `${basePath()}${languagePrefix(code)}${MISSING_PATH.slice(1)}`, kind: 'not-found', status: 404 });
  return pages;
}

/**
 * Built pages the sitemap leaves out on purpose (the offline fallback, for
 * example), so the accessibility audit still covers every page a reader can
 * land on. Redirect stubs for renamed articles are skipped: they forward at
 * once, so the browser never shows them.
 */
export function unlistedPages(everyLanguage = false): SitePage[] {
  const listed = new Set(readSitemapPaths());
  const base = basePath();
  const found: SitePage[] = [];
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith('_') && entry.name !== 'pagefind') walk(path.join(dir, entry.name), `${rel}${entry.name}/`);
      else if (entry.name === 'index.html') {
        const pagePath = `${base}${rel}`;
        if (listed.has(pagePath)) continue;
        if (/<meta[^>]+http-equiv="refresh"/i.test(readFileSync(path.join(dir, entry.name), 'utf8'))) continue;
        if (!everyLanguage && languageOfPath(pagePath) !== siteLanguages().codes[0]) continue;
        found.push({ path: pagePath, kind: pageKind(pagePath), status: 200 });
      }
    }
  };
  walk(distDir, '');
  return found;
}

/** The first built page of each kind, for checks that need one example per template. */
export function onePagePerKind(): SitePage[] {
  const seen = new Map<PageKind, SitePage>();
  for (const page of allPages()) if (!seen.has(page.kind)) seen.set(page.kind, page);
  return [...seen.values()];
}

/** The category slug a built page belongs to, read from its path or breadcrumbs; undefined for other pages. */
export async function categoryOfPage(page: Page): Promise<string | undefined> {
  const own = /\/categories\/([^/]+)\//.exec(new URL(page.url()).pathname);
  if (own) return own[1];
  // Read at once rather than through a waiting locator: most pages have no breadcrumbs at all.
  const crumb = await page.evaluate(() => document.querySelector('nav[aria-label="Breadcrumbs"] a[href*="/categories/"]')?.getAttribute('href'));
  return crumb ? /\/categories\/([^/]+)\//.exec(crumb)?.[1] : undefined;
}

/** One contact channel as content/contact.yaml defines it. */
export interface ChannelConfig {
  id: string;
  kind: string;
  label: string;
  value: string;
  display?: string;
  hours?: Record<string, string | string[]>;
  alwaysOpen?: boolean;
  promise?: string;
  cost?: string;
  accessibility?: string;
  firstFor: string[];
}

/** The contact channels, in the order content/contact.yaml lists them. */
export function readChannels(): ChannelConfig[] {
  type RawChannel = Omit<ChannelConfig, 'firstFor'> & { firstFor?: string[] };
  const data = parseYaml(readFileSync(path.join(contentDir, 'contact.yaml'), 'utf8')) as { channels: RawChannel[] };
  return data.channels.map((c) => ({ ...c, firstFor: c.firstFor ?? [] }));
}

/** Channel ids in the order a page of `category` must show them: that category's own channels first, the rest in config order. */
export function expectedChannelOrder(category: string | undefined): string[] {
  const channels = readChannels();
  const first = category ? channels.filter((c) => c.firstFor.includes(category)) : [];
  return [...first, ...channels.filter((c) => !first.includes(c))].map((c) => c.id);
}

/** One service notice as content/announcements.yaml defines it. */
export interface NoticeConfig {
  severity: string;
  title: string;
  message: string;
  start: string;
  end?: string;
}

/** The service notices from content/announcements.yaml. */
export function readNotices(): NoticeConfig[] {
  const file = path.join(contentDir, 'announcements.yaml');
  if (!existsSync(file)) return [];
  const data = parseYaml(readFileSync(file, 'utf8')) as { notices?: NoticeConfig[] } | null;
  return data?.notices ?? [];
}

/** Front matter of one article source file. */
export interface ArticleSource {
  slug: string;
  category: string;
  file: string;
  title: string;
  draft: boolean;
  /** The writer's other words for the topic (front matter `keywords`). */
  keywords: string[];
  /** The article's text after the front matter, as written. */
  body: string;
}

/** Every article source under content/articles, drafts included. */
export function readArticleSources(): ArticleSource[] {
  const root = path.join(contentDir, 'articles');
  const found: ArticleSource[] = [];
  for (const category of readdirSync(root, { withFileTypes: true })) {
    if (!category.isDirectory()) continue;
    for (const file of readdirSync(path.join(root, category.name))) {
      // refunds.cy.md is a translation, not an article of its own (phase 1: not yet published).
      if (!/^[^.]+\.mdx?$/.test(file)) continue;
      const full = path.join(root, category.name, file);
      const source = readFileSync(full, 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
      const data = (parseYaml(match?.[1] ?? '') ?? {}) as { title?: string; draft?: boolean; keywords?: string[] };
      found.push({
        slug: file.replace(/\.mdx?$/, ''),
        category: category.name,
        file: full,
        title: data.title ?? '',
        draft: data.draft === true,
        keywords: data.keywords ?? [],
        body: source.slice(match?.[0].length ?? 0),
      });
    }
  }
  return found;
}

/** Whether a URL stays on this machine (the static server), or is not fetched at all (mailto:, tel:, data:). */
export function isLocalRequest(url: string): boolean {
  const parsed = new URL(url);
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return true;
  return ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
}

/**
 * Watches a page for console errors, uncaught exceptions and requests to
 * another origin. Call `take()` after each navigation to read and clear what
 * was seen, so one page object can be reused across many pages.
 */
export function guardPage(page: Page): { take(): string[] } {
  let problems: string[] = [];
  // A 404 page is served with status 404 on purpose; Chromium logs that as a console error.
  const expected404 = (text: string, url?: string) => /status of 404/.test(text) && url !== undefined && new URL(url).pathname.endsWith(MISSING_PATH);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (expected404(message.text(), message.location().url)) return;
    problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('request', (request: Request) => {
    if (!isLocalRequest(request.url())) problems.push(`request to another origin: ${request.url()}`);
  });
  return {
    take() {
      const seen = problems;
      problems = [];
      return seen;
    },
  };
}

/** Decodes the query parameters of a mailto: or sms: link. */
export function linkParams(href: string): URLSearchParams {
  const query = href.includes('?') ? href.slice(href.indexOf('?') + 1) : '';
  // mailto bodies are percent-encoded with %20 for spaces; URLSearchParams would turn a literal "+" into a space.
  return new URLSearchParams(query.replace(/\+/g, '%2B'));
}
