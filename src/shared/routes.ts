/**
 * Every address the site publishes, in one place, so pages, links, the
 * sitemap and the content checker agree. Paths are root-relative and
 * without the base path; `withBase` adds it.
 */
export const routes = {
  home: '/',
  az: '/a-z/',
  search: '/search/',
  contact: '/contact/',
  accessibility: '/accessibility/',
  privacy: '/privacy/',
  article: (slug: string) => `/articles/${slug}/`,
  category: (slug: string) => `/categories/${slug}/`,
  /** A letter's own A–Z page, used when the help center is too big for one list; `id` is like "letter-a". */
  azLetter: (id: string) => `/a-z/${id.replace(/^letter-/, '')}/`,
} as const;

/** Pages that exist whatever the content, for the link checker. */
export const fixedPagePaths: string[] = [routes.home, routes.az, routes.search, routes.contact, routes.accessibility, routes.privacy];

/** Joins a base path ("/" or "/help/") and a root-relative path. */
export function withBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  if (!path.startsWith('/')) return path;
  return `${trimmedBase}${path}`;
}

/** What a root-relative link in an article points at. */
export type InternalTarget =
  | { type: 'article'; slug: string; hash?: string }
  | { type: 'category'; slug: string; hash?: string }
  | { type: 'page'; path: string; hash?: string }
  | { type: 'file'; path: string };

/** Reads a root-relative link written by a writer; undefined for external links and same-page anchors. */
export function parseInternalLink(href: string): InternalTarget | undefined {
  if (!href.startsWith('/') || href.startsWith('//')) return undefined;
  const [pathAndQuery = '', hash] = href.split('#', 2);
  const path = pathAndQuery.split('?', 1)[0] ?? '';
  const article = /^\/articles\/([^/]+)\/?$/.exec(path);
  if (article) return { type: 'article', slug: article[1]!, hash };
  const category = /^\/categories\/([^/]+)\/?$/.exec(path);
  if (category) return { type: 'category', slug: category[1]!, hash };
  if (/\.[a-z0-9]+$/i.test(path)) return { type: 'file', path };
  return { type: 'page', path: path.endsWith('/') ? path : `${path}/`, hash };
}
