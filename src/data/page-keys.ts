import { createHash } from 'node:crypto';
import type { HelpCenter } from './help-center.ts';
import { pagerNeighbours, relatedArticles, type ArticleSummary } from '../shared/help-center.ts';
import { scriptSourcesDigest } from '../node/source-digest.ts';

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
export function siteKey(center: Pick<HelpCenter, 'site' | 'contact' | 'notices' | 'synonymGroups' | 'categories'>, siteStrings: Readonly<Record<string, unknown>> = {}): string {
  return digest([center.site, center.contact, center.notices, center.synonymGroups, center.categories, siteStrings, scriptSourcesDigest()]);
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
  today = new Date(),
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

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}
