import { AZ_SINGLE_PAGE_LIMIT, groupByLetter, type ArticleSummary, type CategorySummary } from './help-center.ts';
import { pagePath, paginate } from './pagination.ts';
import { localizedPath, type LanguageSettings } from './locale-routes.ts';
import { fixedPagePaths, routes } from './routes.ts';

/** A page for the sitemap: root-relative path (no base) and when it changed. */
export interface SitemapEntry {
  path: string;
  updated?: Date;
}

/** The per-letter A–Z pages of a help center too big for one list. */
function azPages(published: ArticleSummary[]): string[] {
  if (published.length <= AZ_SINGLE_PAGE_LIMIT) return [];
  return groupByLetter(published).flatMap((group) => paginate(group.articles).map((p) => pagePath(routes.azLetter(group.id), p.number)));
}

/** Every public page: the fixed pages, each category and each published article. */
export function sitemapEntries(categories: CategorySummary[], articles: ArticleSummary[]): SitemapEntry[] {
  const pagesOf = (slug: string) => paginate(articles.filter((a) => a.category === slug && !a.draft)).map((p) => pagePath(routes.category(slug), p.number));
  return [
    ...fixedPagePaths.map((path) => ({ path })),
    ...categories.flatMap((c) => pagesOf(c.slug).map((path) => ({ path }))),
    ...azPages(articles.filter((a) => !a.draft)).map((path) => ({ path })),
    ...articles.filter((a) => !a.draft).map((a) => ({ path: routes.article(a.slug), updated: a.updated })),
  ];
}

/**
 * Every public page of every language, the default language first (so the
 * home page stays the first entry). Each language lists its fixed pages
 * and categories, and only the articles that exist in it (`articleLanguages`):
 * a page shown in another language's words is not that language's page.
 */
export function sitemapEntriesByLanguage(
  settings: LanguageSettings,
  categories: CategorySummary[],
  articles: ArticleSummary[],
  articleLanguages: ReadonlyMap<string, ReadonlySet<string>>,
): SitemapEntry[] {
  const all = sitemapEntries(categories, articles);
  const articlePaths = new Map(articles.map((article) => [routes.article(article.slug), article.slug]));
  return settings.languages.flatMap((language) =>
    all
      .filter((entry) => {
        const slug = articlePaths.get(entry.path);
        return slug === undefined || articleLanguages.get(slug)?.has(language.code) === true;
      })
      .map((entry) => ({ ...entry, path: localizedPath(settings, language.code, entry.path) })),
  );
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A sitemaps.org urlset document. */
export function sitemapXml(entries: { loc: string; lastmod?: string }[]): string {
  const urls = entries
    .map((e) => `  <url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}
