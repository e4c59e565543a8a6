import type { ArticleData } from '../schemas/article.ts';
import type { CategoryData } from '../schemas/category.ts';
import { routes } from './routes.ts';

/** An article as pages list it: its data plus where it lives. */
export interface ArticleSummary extends ArticleData {
  slug: string;
  category: string;
  /** Path of the source file from the project root, for "Edit this page". */
  sourcePath: string;
}

/** A category with its slug. */
export interface CategorySummary extends CategoryData {
  slug: string;
}

/** A heading as Astro's renderer reports it. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** How many headings an article needs before it gets a table of contents. */
export const TOC_MIN_HEADINGS = 3;

/**
 * One collator per locale and option set. `localeCompare(…, locale)` builds
 * a new collator on every call, which at 10,000 articles made each sort of
 * the A–Z list cost seconds.
 */
const collators = new Map<string, Intl.Collator>();
function collator(locale: string, options: Intl.CollatorOptions = {}): Intl.Collator {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = collators.get(key);
  if (!found) collators.set(key, (found = new Intl.Collator(locale, options)));
  return found;
}

const byOrderThenTitle = (locale: string) => {
  const compare = collator(locale).compare;
  return (a: { order: number; title: string }, b: { order: number; title: string }) => a.order - b.order || compare(a.title, b.title);
};

/** Articles in the writer's order: `order` first, then title. */
export function sortArticles<T extends ArticleSummary>(articles: T[], locale = 'en'): T[] {
  return [...articles].sort(byOrderThenTitle(locale));
}

/** Categories in the writer's order: `order` first, then title. */
export function sortCategories<T extends CategorySummary>(categories: T[], locale = 'en'): T[] {
  return [...categories].sort(byOrderThenTitle(locale));
}

/** Published articles only: drafts are checked but never built into pages. */
export function publishedOnly<T extends { draft: boolean }>(articles: T[]): T[] {
  return articles.filter((a) => !a.draft);
}

/** Up to this many articles, the A–Z list is one page; above it, each letter has its own pages. */
export const AZ_SINGLE_PAGE_LIMIT = 300;

/** Most featured articles the home page lists, however many are marked. */
export const FEATURED_LIMIT = 8;

/** A letter group of the A–Z list. */
export interface LetterGroup<T> {
  letter: string;
  /** Id for the in-page link, e.g. "letter-a". */
  id: string;
  articles: T[];
}

/**
 * Groups articles by the first letter of their title, A to Z; titles that
 * start with a digit or symbol go under "#", listed first.
 */
export function groupByLetter<T extends { title: string }>(articles: T[], locale = 'en'): LetterGroup<T>[] {
  const groups = new Map<string, T[]>();
  const byTitle = collator(locale, { sensitivity: 'base' }).compare;
  for (const article of [...articles].sort((a, b) => byTitle(a.title, b.title))) {
    const first = article.title.normalize('NFD').charAt(0).toLocaleUpperCase(locale);
    const letter = /\p{L}/u.test(first) ? first : '#';
    const group = groups.get(letter);
    if (group) group.push(article);
    else groups.set(letter, [article]);
  }
  const byLetter = collator(locale).compare;
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '#' ? -1 : b === '#' ? 1 : byLetter(a, b)))
    .map(([letter, list]) => ({ letter, id: letter === '#' ? 'letter-other' : `letter-${letter.toLowerCase()}`, articles: list }));
}

/** Headings for the on-page table of contents, or none when the article is short. */
export function tableOfContents(headings: Heading[]): Heading[] {
  const entries = headings.filter((h) => h.depth === 2 || h.depth === 3);
  return entries.filter((h) => h.depth === 2).length >= TOC_MIN_HEADINGS ? entries : [];
}

/** The articles an article names in `related`, in that order, drafts and unknowns left out. */
export function relatedArticles<T extends ArticleSummary>(article: ArticleData, all: Map<string, T>): T[] {
  return article.related.map((slug) => all.get(slug)).filter((a): a is T => a !== undefined && !a.draft);
}

const categoryPositions = new WeakMap<readonly ArticleSummary[], Map<string, number>>();

/** The articles before and after this one in its category (the list is not changed afterwards). */
export function categoryNeighbours<T extends ArticleSummary>(article: T, inCategory: T[]): { previous?: T; next?: T } {
  // Every article page asks, so each category's positions are indexed once
  // (a search per page would grow with the square of the articles).
  let positions = categoryPositions.get(inCategory);
  if (!positions) categoryPositions.set(inCategory, (positions = new Map(inCategory.map((a, i) => [a.slug, i]))));
  const index = positions.get(article.slug) ?? -1;
  if (index === -1 || inCategory[index]?.slug !== article.slug) return {};
  return { previous: inCategory[index - 1], next: inCategory[index + 1] };
}

/**
 * The pager's previous and next articles: the nearest in the category on
 * each side that the page does not already offer as related (a reader is
 * never shown the same article twice at the foot of a page).
 */
export function pagerNeighbours<T extends ArticleSummary>(article: T, inCategory: T[], related: readonly { slug: string }[]): { previous?: T; next?: T } {
  const index = inCategory.findIndex((a) => a.slug === article.slug);
  if (index === -1) return {};
  const skip = new Set(related.map((a) => a.slug));
  const nearest = (step: 1 | -1) => {
    for (let i = index + step; i >= 0 && i < inCategory.length; i += step) if (!skip.has(inCategory[i]!.slug)) return inCategory[i];
    return undefined;
  };
  return { previous: nearest(-1), next: nearest(1) };
}

/** Number of articles in each category. */
export function countByCategory(articles: ArticleSummary[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const article of articles) counts.set(article.category, (counts.get(article.category) ?? 0) + 1);
  return counts;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date as readers in the site's locale write it, e.g. "2 October 2026". */
export function formatDate(date: Date, locale: string): string {
  // One formatter per locale: making one costs more than formatting thousands of dates.
  let format = dateFormats.get(locale);
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
  return format.format(date);
}

/** A date as YYYY-MM-DD, for `datetime` attributes and structured data. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** One step of a breadcrumb trail; the last one is the current page. */
export interface Crumb {
  label: string;
  /** Root-relative path without the base. */
  path: string;
  /** The language of the label when it is not the page's (an untranslated article's title). */
  lang?: string;
}

/** The breadcrumb trail of an article: help center › category › article. */
export function articleCrumbs(homeLabel: string, category: CategorySummary, article: ArticleSummary): Crumb[] {
  return [
    { label: homeLabel, path: routes.home },
    { label: category.title, path: routes.category(category.slug) },
    { label: article.title, path: routes.article(article.slug) },
  ];
}

/** schema.org BreadcrumbList for a trail, with absolute URLs. */
export function breadcrumbJsonLd(crumbs: Crumb[], absolute: (path: string) => string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.label,
      item: absolute(crumb.path),
    })),
  };
}

/** schema.org Article for an article page. */
export function articleJsonLd(article: ArticleSummary, url: string, publisher: string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: article.title,
    description: article.description,
    url,
    mainEntityOfPage: url,
    ...(article.updated ? { dateModified: isoDate(article.updated) } : {}),
    ...(article.keywords.length || article.tags.length ? { keywords: [...article.tags, ...article.keywords].join(', ') } : {}),
    publisher: { '@type': 'Organization', name: publisher },
  };
}

/** JSON for a <script type="application/ld+json">, safe to inline in HTML. */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** The "Edit this page" address for a source file on the published branch. */
export function editUrl(repository: { url: string; branch: string }, sourcePath: string): string {
  return `${repository.url.replace(/\/$/, '')}/edit/${encodeURIComponent(repository.branch)}/${sourcePath}`;
}
