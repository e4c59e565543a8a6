import type { AnnouncementData } from '../schemas/announcements.ts';
import type { ChannelData, ContactData } from '../schemas/contact.ts';
import type { CategoryData } from '../schemas/category.ts';
import type {
  AnnouncementTranslationsData,
  ArticleTranslationData,
  CategoryTranslationData,
  SiteWordKey,
  ContactTranslationData,
} from '../schemas/translations.ts';
import type { ArticleSummary } from './help-center.ts';

/**
 * Reads a content file's name without its extension: "refunds" is the
 * original, "refunds.cy" its Welsh translation. Slugs never contain a dot,
 * so the first dot starts the language code.
 */
export function splitTranslationName(name: string): { slug: string; lang?: string } {
  const dot = name.indexOf('.');
  return dot === -1 ? { slug: name } : { slug: name.slice(0, dot), lang: name.slice(dot + 1) };
}

/** Whether a translation may no longer match its original, and the dates that say so. */
export interface TranslationFreshness {
  /** The original changed on a later day than the translation followed it. */
  isOutdated: boolean;
  /** When the original last changed: "The English version was updated on …". */
  originalUpdated?: Date;
  /** When the translation followed the original. */
  translatedAt?: Date;
  /** What `translatedAt` rests on: the writer's `translated_from`, the translation's `updated`, or git. */
  basis: 'translated_from' | 'updated' | 'git' | 'unknown';
}

/** What is known about when an original and its translation changed. */
export interface FreshnessInput {
  /** When the original last changed, as its own page says: its `updated`, else git's last change. */
  originalUpdated?: Date;
  /** The translation's `translated_from` date, or the date of its commit. */
  translatedFrom?: Date;
  /** The translation's own `updated`. */
  translationUpdated?: Date;
  /** When git last saw the translation file change. */
  translationChanged?: Date;
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Whether the original changed after the translation. The writer's word
 * wins: `translated_from` (what was translated), then the translation's
 * `updated`, then git's last change of the file. Compared by calendar day,
 * since a `translated_from` date has no time: a translation made the day
 * the original changed counts as up to date. Unknown dates are never
 * "outdated": a notice must not cry wolf.
 */
export function translationFreshness(input: FreshnessInput): TranslationFreshness {
  const [translatedAt, basis] =
    input.translatedFrom !== undefined
      ? [input.translatedFrom, 'translated_from' as const]
      : input.translationUpdated !== undefined
        ? [input.translationUpdated, 'updated' as const]
        : input.translationChanged !== undefined
          ? [input.translationChanged, 'git' as const]
          : [undefined, 'unknown' as const];
  if (!translatedAt || !input.originalUpdated) return { isOutdated: false, originalUpdated: input.originalUpdated, translatedAt, basis };
  return { isOutdated: dayOf(input.originalUpdated) > dayOf(translatedAt), originalUpdated: input.originalUpdated, translatedAt, basis };
}

/** An article as a language shows it: the original's place and order with the translation's words. */
export interface TranslatedArticle extends ArticleSummary {
  /** The language code the text is in. */
  lang: string;
  /** The original, for "Read the English version" and the outdated notice. */
  original: ArticleSummary;
  freshness: TranslationFreshness;
}

/**
 * Lays a translation over its original: title, description, keywords and
 * tags (when given) are the translation's; category, order, related,
 * featured and redirects are the original's. A draft original keeps every
 * translation of it unpublished.
 */
export function mergeArticleTranslation(
  original: ArticleSummary,
  translation: ArticleTranslationData,
  lang: string,
  sourcePath: string,
  freshness: TranslationFreshness,
  translationChanged?: Date,
): TranslatedArticle {
  return {
    ...original,
    title: translation.title,
    description: translation.description,
    keywords: translation.keywords,
    tags: translation.tags ?? original.tags,
    updated: translation.updated ?? translationChanged ?? original.updated,
    draft: original.draft || translation.draft,
    sourcePath,
    lang,
    original,
    freshness,
  };
}

/** A category in a language: the translation's title and description, or the original's. */
export function translateCategory<T extends CategoryData>(category: T, translation: CategoryTranslationData | undefined): T {
  return translation ? { ...category, title: translation.title, description: translation.description } : category;
}

/**
 * The contact details in a language: each channel's words from the
 * overlay where it has them, everything else (numbers, links, hours,
 * order) as in contact.yaml. Closure notes are matched by their date.
 */
export function translateContact(contact: ContactData, overlay: ContactTranslationData | undefined): ContactData {
  if (!overlay) return contact;
  const channels = contact.channels.map((channel): ChannelData => {
    const words = overlay.channels.find((entry) => entry.id === channel.id);
    if (!words) return channel;
    const notes = new Map(words.closures?.map((closure) => [dayOf(closure.date), closure.note]));
    return {
      ...channel,
      label: words.label ?? channel.label,
      display: words.display ?? channel.display,
      promise: words.promise ?? channel.promise,
      cost: words.cost ?? channel.cost,
      accessibility: words.accessibility ?? channel.accessibility,
      closures: channel.closures.map((closure) => ({ ...closure, note: notes.get(dayOf(closure.date)) ?? closure.note })),
    };
  });
  return { ...contact, prepare: overlay.prepare ?? contact.prepare, channels };
}

/** Notices in a language: title and message from the overlay by notice id; when and how severe unchanged. */
export function translateNotices(notices: AnnouncementData[], overlay: AnnouncementTranslationsData | undefined): (AnnouncementData & { isTranslated: boolean })[] {
  return notices.map((notice) => {
    const words = notice.id ? overlay?.notices.find((entry) => entry.id === notice.id) : undefined;
    return words ? { ...notice, title: words.title, message: words.message, isTranslated: true } : { ...notice, isTranslated: false };
  });
}

/** The `site.yaml` words a language may translate. */
export interface SiteWords {
  name: string;
  tagline: string;
  shortName?: string;
}

/**
 * The site's name, tagline and short name in a language, from its strings
 * file (`site.name`, `site.tagline`, `site.shortName` in
 * translations/<lang>.yaml), else site.yaml's. A translated name without a
 * short name of its own gets none, so the app's short name is made from the
 * translated name rather than left in the default language.
 */
export function translateSiteWords<T extends SiteWords>(site: T, strings: Readonly<Record<string, unknown>> | undefined): T {
  const word = (key: SiteWordKey) => (typeof strings?.[key] === 'string' ? (strings[key] as string) : undefined);
  const name = word('site.name');
  return {
    ...site,
    name: name ?? site.name,
    tagline: word('site.tagline') ?? site.tagline,
    shortName: word('site.shortName') ?? (name === undefined ? site.shortName : undefined),
  };
}
