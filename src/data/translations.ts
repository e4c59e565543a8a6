import { getCollection, type CollectionEntry } from 'astro:content';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Language } from '../schemas/site.ts';
import type { AnnouncementData } from '../schemas/announcements.ts';
import type { ContactData } from '../schemas/contact.ts';
import type { Catalog, Translator } from '../shared/i18n.ts';
import { sortArticles, sortCategories, type CategorySummary } from '../shared/help-center.ts';
import type { LanguageSettings } from '../shared/locale-routes.ts';
import { createTranslator, type StringKey } from '../shared/strings.ts';
import { mergeArticleTranslation, splitTranslationName, translateCategory, translateContact, translateNotices, translationFreshness, type TranslatedArticle } from '../shared/translations.ts';
import { commitDate, lastChangedDates } from '../node/git-history.ts';
import { contentDir, projectRoot } from '../node/project-paths.ts';
import { loadHelpCenter } from './help-center.ts';

/**
 * The help center in each declared language, read once per build. Phase 1
 * of languages: loaded and ready, not yet published; pages keep rendering
 * the default language until they are given a language to render.
 */

/** The help center as one language shows it. */
export interface LanguageEdition {
  language: Language;
  /** Interface strings: the site's, then Handrail's, then English. */
  t: Translator<StringKey>;
  /** The site's own strings file for this language (translations/<lang>.yaml), as written: its `site.*` words name the site. */
  siteStrings: Catalog;
  /** Categories with their translated names where there are some. */
  categories: CategorySummary[];
  /** Published translations of this language by slug (none for the default language: its articles are the originals). */
  articles: Map<string, TranslatedArticle>;
  /** Contact details with this language's words where given. */
  contact: ContactData;
  /** Notices, translated where an overlay has them. */
  notices: (AnnouncementData & { isTranslated: boolean })[];
  /** Synonym groups for this language's search: its own file, or the default language's for the default language. */
  synonymGroups: string[][];
}

/** Every language of the help center. */
export interface HelpCenterLanguages {
  settings: LanguageSettings;
  editions: Map<string, LanguageEdition>;
  /** The languages each published article exists in, default language included: for hreflang and the picker. */
  articleLanguages: Map<string, Set<string>>;
  /** The site's own strings files (translations/<lang>.yaml) by language code: part of every page's cache key. */
  siteStrings: Record<string, Catalog>;
}

type OptionalCollection = 'articleTranslations' | 'categoryTranslations' | 'contactTranslations' | 'announcementTranslations' | 'synonymTranslations' | 'uiStrings';

/**
 * An optional collection's entries, or none when no file could be in it:
 * Astro warns in every build about a collection with no entries, and a site
 * in one language (or without translated notices) has nothing wrong.
 */
async function optionalCollection<C extends OptionalCollection>(name: C, folder: string, file: RegExp): Promise<CollectionEntry<C>[]> {
  let names: string[];
  try {
    names = readdirSync(path.join(contentDir, folder), { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names.some((n) => file.test(n.split(path.sep).join('/'))) ? getCollection(name) : [];
}

let cached: Promise<HelpCenterLanguages> | undefined;

async function load(): Promise<HelpCenterLanguages> {
  const center = await loadHelpCenter();
  const { site } = center;
  const settings: LanguageSettings = { languages: site.languages, prefixDefaultLanguage: site.prefixDefaultLanguage };
  const defaultCode = site.languages[0]!.code;
  const [articleEntries, categoryEntries, contactEntries, noticeEntries, synonymEntries, stringEntries] = await Promise.all([
    optionalCollection('articleTranslations', 'articles', /^[^/]+\/[^/.]+\.[^.]+\.mdx?$/),
    optionalCollection('categoryTranslations', 'categories', /^[^/.]+\.[^.]+\.ya?ml$/),
    optionalCollection('contactTranslations', '', /^contact\.[^.]+\.ya?ml$/),
    optionalCollection('announcementTranslations', '', /^announcements\.[^.]+\.ya?ml$/),
    optionalCollection('synonymTranslations', '', /^synonyms\.[^.]+\.ya?ml$/),
    optionalCollection('uiStrings', 'translations', /^[^/]+\.ya?ml$/),
  ]);
  const overrides: Record<string, Catalog> = Object.fromEntries(stringEntries.map((entry) => [entry.id, entry.data]));
  // Git is asked only when there are translations to date.
  const changed = articleEntries.length ? lastChangedDates(projectRoot, path.join(contentDir, 'articles')) : new Map<string, Date>();
  const articleLanguages = new Map(center.articles.map((article) => [article.slug, new Set([defaultCode])]));
  const editions = new Map<string, LanguageEdition>();
  for (const language of site.languages) {
    const code = language.code;
    const articles = new Map<string, TranslatedArticle>();
    for (const entry of articleEntries) {
      const [, name = ''] = entry.id.split('/');
      const { slug, lang } = splitTranslationName(name);
      const original = center.bySlug.get(slug);
      if (lang !== code || !original) continue;
      const sourcePath = entry.filePath ?? path.relative(projectRoot, path.join(contentDir, 'articles', `${entry.id}.md`));
      const translation = mergeArticleTranslation(original, entry.data, code, sourcePath, freshnessOf(entry, original.updated, changed.get(sourcePath)), changed.get(sourcePath));
      if (translation.draft) continue;
      articles.set(slug, translation);
      articleLanguages.get(slug)?.add(code);
    }
    const categoryWords = new Map(categoryEntries.filter((entry) => splitTranslationName(entry.id).lang === code).map((entry) => [splitTranslationName(entry.id).slug, entry.data]));
    editions.set(code, {
      language,
      t: createTranslator(language, overrides),
      siteStrings: overrides[code] ?? {},
      categories: sortCategories(center.categories.map((category) => translateCategory(category, categoryWords.get(category.slug))), language.locale),
      articles: new Map(sortArticles([...articles.values()], language.locale).map((article) => [article.slug, article])),
      contact: translateContact(center.contact, contactEntries.find((entry) => entry.id === code)?.data),
      notices: translateNotices(center.notices, noticeEntries.find((entry) => entry.id === code)?.data),
      // English synonyms would only add noise to another language's search.
      synonymGroups: code === defaultCode ? center.synonymGroups : (synonymEntries.find((entry) => entry.id === code)?.data.groups ?? []),
    });
  }
  return { settings, editions, articleLanguages, siteStrings: overrides };
}

function freshnessOf(entry: CollectionEntry<'articleTranslations'>, originalUpdated: Date | undefined, translationChanged: Date | undefined) {
  const from = entry.data.translated_from;
  return translationFreshness({
    originalUpdated,
    translatedFrom: from && 'date' in from ? from.date : from ? commitDate(projectRoot, from.commit) : undefined,
    translationUpdated: entry.data.updated,
    translationChanged,
  });
}

/** The help center in every declared language, loaded once and shared by every page of the build. */
export function loadLanguages(): Promise<HelpCenterLanguages> {
  // The dev server reads afresh for each page, as loadHelpCenter does: a saved translation shows on reload.
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

let entries: Promise<Map<string, CollectionEntry<'articleTranslations'>>> | undefined;

/** The collection entry of a published translation ("refunds", "cy"), for rendering its body. */
export async function getTranslationEntry(slug: string, lang: string) {
  // One map for the whole build, as for the originals.
  const read = () => getCollection('articleTranslations', (entry) => !entry.data.draft).then((list) => new Map(list.map((entry) => [entry.id.split('/')[1] ?? entry.id, entry])));
  // The dev server reads afresh, as for the originals: a saved translation shows on reload.
  if (import.meta.env.DEV) return (await read()).get(`${slug}.${lang}`);
  entries ??= read();
  return (await entries).get(`${slug}.${lang}`);
}
