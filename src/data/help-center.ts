import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AnnouncementData } from '../schemas/announcements.ts';
import type { ContactData } from '../schemas/contact.ts';
import type { Redirect } from '../schemas/redirects.ts';
import type { SiteData } from '../schemas/site.ts';
import { articleReference } from '../shared/contact.ts';
import {
  countByCategory,
  publishedOnly,
  sortArticles,
  sortCategories,
  type ArticleSummary,
  type CategorySummary,
} from '../shared/help-center.ts';
import { lastChangedDates } from '../node/git-history.ts';
import { contentDir, projectRoot } from '../node/project-paths.ts';

/** Everything pages need to know about the help center, read once per build. */
export interface HelpCenter {
  site: SiteData;
  categories: CategorySummary[];
  /** Published articles, in category order then writer's order. */
  articles: ArticleSummary[];
  bySlug: Map<string, ArticleSummary>;
  /** Old addresses (redirect_from slugs) and the published article each now leads to. */
  redirects: Map<string, ArticleSummary>;
  /** Old addresses of a previous help center (content/redirects.yaml) and the Handrail address each leads to. */
  oldAddresses: Redirect[];
  byCategory: Map<string, ArticleSummary[]>;
  counts: Map<string, number>;
  contact: ContactData;
  notices: AnnouncementData[];
  /** Synonym groups for search. */
  synonymGroups: string[][];
  /** Short read-aloud reference of each article, by slug. */
  references: Map<string, string>;
}

let cached: Promise<HelpCenter> | undefined;
let gitDates: Map<string, Date> | undefined;

/**
 * Whether an entry's file is still there. The dev server's content store can
 * keep an article for a moment after its file is renamed (refunds.mdx →
 * refunds.md): two entries with one slug, the old one unrenderable. A build
 * reads files that exist, so only the dev server asks.
 */
function isOnDisk(entry: CollectionEntry<'articles'>): boolean {
  return !import.meta.env.DEV || !entry.filePath || existsSync(path.resolve(projectRoot, entry.filePath));
}

/** Category and slug of an article from its entry id, its path under articles/: "billing/refunds.mdx". */
function articlePlace(id: string): { category: string; slug: string } {
  const [category = '', file = ''] = id.split('/');
  return { category, slug: file.replace(/\.mdx?$/, '') };
}

async function load(): Promise<HelpCenter> {
  const settings = await getEntry('settings', 'site');
  if (!settings) throw new Error('content/site.yaml was not loaded; run the content check (npm run check:content).');
  const site = settings.data;
  const categories = sortCategories(
    (await getCollection('categories')).map((entry) => ({ ...entry.data, slug: entry.id })),
    site.locale,
  );
  const entries = await getCollection('articles', isOnDisk);
  // Articles without an `updated` date show when git last saw them change (read once: only a commit changes it).
  gitDates ??= lastChangedDates(projectRoot, path.join(contentDir, 'articles'));
  const changed = gitDates;
  const all: ArticleSummary[] = entries.map((entry) => {
    const { category, slug } = articlePlace(entry.id);
    // filePath is relative to the project root, e.g. content/articles/billing/refunds.md
    const sourcePath = entry.filePath ?? path.relative(projectRoot, path.join(contentDir, 'articles', entry.id));
    return { ...entry.data, updated: entry.data.updated ?? changed.get(sourcePath), slug, category, sourcePath };
  });
  const published = publishedOnly(all);
  const byCategory = new Map<string, ArticleSummary[]>();
  for (const category of categories) {
    byCategory.set(category.slug, sortArticles(published.filter((a) => a.category === category.slug), site.locale));
  }
  const articles = categories.flatMap((c) => byCategory.get(c.slug) ?? []);
  const contactEntry = await getEntry('contact', 'contact');
  if (!contactEntry) throw new Error('content/contact.yaml was not loaded; run the content check (npm run check:content).');
  const announcementsEntry = await getEntry('announcements', 'announcements');
  const synonymsEntry = await getEntry('synonyms', 'synonyms');
  const oldAddressesEntry = await getEntry('oldAddresses', 'redirects');
  const references = new Map<string, string>();
  const taken = new Set<string>();
  // Sorted so that a clash is always resolved the same way.
  for (const slug of all.map((a) => a.slug).sort()) {
    const reference = articleReference(slug, taken);
    taken.add(reference);
    references.set(slug, reference);
  }
  return {
    site,
    contact: contactEntry.data,
    notices: announcementsEntry?.data.notices ?? [],
    references,
    synonymGroups: synonymsEntry?.data.groups ?? [],
    categories,
    articles,
    bySlug: new Map(articles.map((a) => [a.slug, a])),
    redirects: new Map(articles.flatMap((a) => a.redirect_from.map((old) => [old, a] as const))),
    oldAddresses: oldAddressesEntry?.data.redirects ?? [],
    byCategory,
    counts: countByCategory(articles),
  };
}

/**
 * The help center's content, loaded once and shared by every page of the
 * build. The dev server reads it afresh for each page: the content changes
 * under it with every save (an article renamed from .md to .mdx kept its old
 * file path here until the server restarted).
 */
export function loadHelpCenter(): Promise<HelpCenter> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

let entriesBySlug: Promise<Map<string, CollectionEntry<'articles'>>> | undefined;

/** The full collection entry of a published article, for rendering its body. */
export async function getArticleEntry(slug: string) {
  // One map for the whole build: looking each page's entry up in the whole
  // collection would make the build grow with the square of the articles.
  const read = () =>
    getCollection('articles', (entry) => !entry.data.draft && isOnDisk(entry)).then((entries) => new Map(entries.map((entry) => [articlePlace(entry.id).slug, entry])));
  if (import.meta.env.DEV) return (await read()).get(slug);
  entriesBySlug ??= read();
  return (await entriesBySlug).get(slug);
}
