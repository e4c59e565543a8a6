import { createHash } from 'node:crypto';
import type { HelpCenter } from './help-center.ts';
import { pagerNeighbours, relatedArticles, type ArticleSummary } from '../shared/help-center.ts';
import { scriptSourcesDigest } from '../node/source-digest.ts';
import { noticeWindow } from '../shared/announcements.ts';
import { buildNow } from '../node/build-clock.ts';

/**
 * What every page shows whatever its article: site settings (the name and
 * tagline in the page's language), contact channels and hours, notices,
 * synonyms, category titles and the site's own interface strings
 * (content/translations/*.yaml: every language's, as a page falls back
 * through its base language and English, and articles name their callouts
 * and tables with them). A change to any of them changes every page's key,
 * and so does a change to the pages' scripts (scriptSourcesDigest: scripts
 * loaded on demand are outside Astro's graph).
 */
export function siteKey(
  center: Pick<HelpCenter, 'site' | 'contact' | 'notices' | 'synonymGroups' | 'categories'>,
  siteStrings: Readonly<Record<string, unknown>> = {},
  now = buildNow(),
): string {
  // A notice that has ended by the build is left out of pages, and one yet to start is hidden (Announcements.astro): a page kept from a build before either moment would still show it.
  const noticeStates = center.notices.map((notice) => {
    const { start, end } = noticeWindow(notice, center.site.timeZone);
    return [start > now, end !== undefined && end <= now];
  });
  return digest([center.site, center.contact, center.notices, noticeStates, center.synonymGroups, center.categories, siteStrings, scriptSourcesDigest()]);
}

/**
 * The data an article page is made from: the digest of its file (Astro's
 * own tracking misses a changed Markdown body), its front matter and git date, the
 * titles of the articles it links to (related, previous, next), its phone
 * reference, whether it is due for review today, and the site's key.
 * Astro's incremental build reuses last build's page while this is the same.
 */
export function articlePageKey(
  article: ArticleSummary,
  fileDigest: string | undefined,
  center: Pick<HelpCenter, 'bySlug' | 'byCategory' | 'references'>,
  site: string,
  today = new Date(buildNow()),
): string {
  const related = relatedArticles(article, center.bySlug);
  const { previous, next } = pagerNeighbours(article, center.byCategory.get(article.category) ?? [], related);
  const linked = (a?: ArticleSummary) => a && [a.slug, a.title, a.description, a.category];
  return digest([
    site,
    fileDigest,
    article,
    center.references.get(article.slug),
    article.review_by !== undefined && article.review_by < today,
    related.map(linked),
    linked(previous),
    linked(next),
  ]);
}

/**
 * The data a list page is made from (a category's page, a letter's page of
 * the A–Z list, the A–Z index): the site's key, its language and what it
 * lists, which holds each article's front matter but never its body. An
 * article whose body changed leaves every list page as it was, so a
 * rebuild reuses them; a changed title or description renews the pages
 * that list it.
 */
export function listPageKey(site: string, code: string, listed: unknown): string {
  return digest([site, code, listed]);
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}
