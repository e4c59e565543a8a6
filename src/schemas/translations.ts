import { z } from 'astro/zod';
import { PLURAL_CATEGORIES } from '../shared/i18n.ts';
import { announcementSchema } from './announcements.ts';
import { articleSchema } from './article.ts';
import { categorySchema } from './category.ts';
import { calendarDateSchema, KEBAB_CASE } from './common.ts';
import { channelSchema } from './contact.ts';
import { siteFields } from './site.ts';

/*
 * Every translation lives beside its original, named with the language code
 * before the extension: articles/billing/refunds.cy.md, categories/billing.cy.yaml,
 * contact.cy.yaml, announcements.cy.yaml. A translation holds text only;
 * facts (order, hours, numbers, links) stay in the original, so they cannot
 * drift apart between languages, and a translator works in files of their own.
 */

/**
 * What a translated article was translated from: the date of the original
 * it followed, or the git commit of the original. Either tells when the
 * original changed after the translation, and so that it may be out of date.
 */
export const translatedFromSchema = z.union([z.date(), z.string()]).transform((value, ctx): { date: Date } | { commit: string } => {
  if (typeof value === 'string' && /^[0-9a-f]{7,40}$/i.test(value.trim())) return { commit: value.trim().toLowerCase() };
  const date = calendarDateSchema.safeParse(value);
  if (date.success) return { date: date.data };
  ctx.addIssue({ code: 'custom', message: 'the date of the original you translated, like 2026-03-14, or its git commit, like 3f2a9c1' });
  return z.NEVER;
});

/** What a translated article does with each field of the original's front matter. */
export const articleFieldInTranslation = {
  title: 'own',
  description: 'own',
  tags: 'own',
  keywords: 'own',
  updated: 'own',
  draft: 'own',
  featured: 'inherited',
  order: 'inherited',
  related: 'inherited',
  redirect_from: 'inherited',
  review_by: 'inherited',
} as const satisfies Record<keyof typeof articleSchema.shape, 'own' | 'inherited'>;

/** Front-matter fields a translation takes from its original and may not set. */
export const INHERITED_ARTICLE_FIELDS = (Object.keys(articleFieldInTranslation) as (keyof typeof articleFieldInTranslation)[]).filter(
  (field) => articleFieldInTranslation[field] === 'inherited',
);

/**
 * Front matter of a translated article (`articles/<category>/<slug>.<lang>.md`).
 * Its text is its own; its place, order, related articles and addresses are
 * the original's, so a translation can never disagree with it about them.
 */
export const articleTranslationSchema = z.strictObject({
  /** The title in this language. */
  title: articleSchema.shape.title,
  /** The description in this language. */
  description: articleSchema.shape.description,
  /** Tags in this language; left out, the original's tags are shown. */
  tags: z.array(z.string().trim().min(1, 'a non-empty tag')).optional(),
  /** Words readers of this language use for the topic; search uses them. */
  keywords: articleSchema.shape.keywords,
  /** When the translation was last checked or changed. */
  updated: calendarDateSchema.optional(),
  /** A draft translation is checked but not published; readers get the original meanwhile. */
  draft: articleSchema.shape.draft,
  /** The date or git commit of the original this follows; when the original changed later, readers are told. */
  translated_from: translatedFromSchema.optional(),
});

/** A translation's front matter after defaults. */
export type ArticleTranslationData = z.output<typeof articleTranslationSchema>;

/** What each field of a translation means and how to fix it, for error messages. */
export const articleTranslationFieldHelp = {
  title: 'Write the title in this language, e.g. title: "Ailosod eich cyfrinair".',
  description: 'Write one sentence in this language on what the article answers.',
  tags: 'Write tags in this language as a list, e.g. tags: [biliau, ad-daliadau], or leave the line out to show the original\'s.',
  keywords: 'Write words readers of this language search for, as a list, e.g. keywords: [arian yn ôl].',
  updated: 'Write the date as YYYY-MM-DD, e.g. updated: 2026-03-14.',
  draft: 'Write draft: true to keep the translation unpublished while you work on it, or draft: false.',
  translated_from:
    'Write the date of the original you translated, e.g. translated_from: 2026-03-14, or its git commit, e.g. translated_from: 3f2a9c1. When the original changes after it, readers are told the translation may be out of date.',
} satisfies Record<keyof typeof articleTranslationSchema.shape, string>;

/** A translated category (`categories/<slug>.<lang>.yaml`): its words only; its order is the original's. */
export const categoryTranslationSchema = z.strictObject({
  /** The category's name in this language. */
  title: categorySchema.shape.title,
  /** One sentence in this language on what the category covers. */
  description: categorySchema.shape.description,
});

/** A translated category after validation. */
export type CategoryTranslationData = z.output<typeof categoryTranslationSchema>;

/** How to fix each field of a category translation. */
export const categoryTranslationFieldHelp = {
  title: 'Write the category\'s name in this language, e.g. title: "Taliadau ac ad-daliadau".',
  description: 'Write one sentence in this language on what the category covers.',
} satisfies Record<keyof typeof categoryTranslationSchema.shape, string>;

const text = z.string().trim().min(1, 'some text');

/**
 * The words of one contact channel in another language, found by its `id`
 * in contact.yaml. The same shape as the channel there, so a translator
 * copies an entry, keeps the id and translates the words; the number,
 * link and hours are not here to copy.
 */
export const channelTranslationSchema = z.strictObject({
  /** The channel's id in contact.yaml, e.g. "phone". */
  id: z.string().regex(KEBAB_CASE, 'the id of a channel in contact.yaml, like "phone"'),
  /** What customers see, e.g. "Ffôn". */
  label: channelSchema.shape.label.optional(),
  /** The value as shown to readers of this language, e.g. the number in international form. */
  display: text.optional(),
  /** What to expect, in this language. */
  promise: text.optional(),
  /** What it costs, in this language. */
  cost: text.optional(),
  /** The accessible alternative or note, in this language. */
  accessibility: text.optional(),
  /** Holiday notes, each under the date of its closure in contact.yaml. */
  closures: z
    .array(
      z.strictObject({
        /** The date of the closure in contact.yaml (its first day). */
        date: calendarDateSchema,
        /** The note in this language, e.g. "Dydd Nadolig". */
        note: text,
      }),
    )
    .optional(),
});

/** How to fix each field of a channel translation. */
export const channelTranslationFieldHelp = {
  id: 'Write the id of the channel in contact.yaml, e.g. id: phone.',
  label: 'Write the channel\'s name in this language, at most 40 characters, e.g. label: Ffôn.',
  display: 'Write the number or address as readers of this language should see it, e.g. display: "+44 20 7946 0321".',
  promise: 'Write what to expect, in this language.',
  cost: 'Write what it costs, in this language.',
  accessibility: 'Write the accessible alternative or note, in this language.',
  closures: 'Write each holiday note with the date of its closure in contact.yaml, e.g. - { date: 2026-12-25, note: Dydd Nadolig }.',
} satisfies Record<keyof typeof channelTranslationSchema.shape, string>;

/**
 * `contact.<lang>.yaml`: the contact details' words in another language.
 * Only words: numbers, links, hours and the order of channels are facts
 * and stay in contact.yaml, so a new number is never changed in several
 * files. A channel or field left out is shown as written in contact.yaml.
 */
export const contactTranslationSchema = z.strictObject({
  /** What to have ready, in this language (replaces the whole list). */
  prepare: z.array(text).optional(),
  /** The channels' words, each with its id from contact.yaml. */
  channels: z.array(channelTranslationSchema).default([]),
});

/** A contact translation after validation. */
export type ContactTranslationData = z.output<typeof contactTranslationSchema>;

/** How to fix each field of a contact translation. */
export const contactTranslationFieldHelp = {
  prepare: 'List what to have ready, in this language, in the same order as in contact.yaml.',
  channels: 'List the channels to translate, each with its id from contact.yaml, e.g. - { id: phone, label: Ffôn }.',
  ...Object.fromEntries(Object.entries(channelTranslationFieldHelp).map(([field, help]) => [`channels.${field}`, help])),
} satisfies Record<keyof typeof contactTranslationSchema.shape, string>;

/** One notice's words in another language, found by its `id` in announcements.yaml. */
export const noticeTranslationSchema = z.strictObject({
  /** The notice's id in announcements.yaml. */
  id: z.string().regex(KEBAB_CASE, 'the id of a notice in announcements.yaml, like "phone-outage"'),
  /** The heading in this language. */
  title: announcementSchema.shape.title,
  /** What is happening and what to do instead, in this language. */
  message: announcementSchema.shape.message,
});

/**
 * `announcements.<lang>.yaml`: notices' words in another language. When
 * and how severe stay in announcements.yaml, so a notice ends at the same
 * moment in every language; a notice without a translation is shown as
 * written.
 */
export const announcementTranslationsSchema = z.strictObject({
  /** The notices' titles and messages, each with its id from announcements.yaml. */
  notices: z.array(noticeTranslationSchema).default([]),
});

/** Notice translations after validation. */
export type AnnouncementTranslationsData = z.output<typeof announcementTranslationsSchema>;

/** How to fix each field of a notices translation. */
export const announcementTranslationsFieldHelp = {
  notices: 'List each notice with its id from announcements.yaml, a title and a message, e.g. - { id: phone-outage, title: "…", message: "…" }.',
  'notices.id': 'Write the id of the notice in announcements.yaml, e.g. id: phone-outage.',
} satisfies Record<keyof typeof announcementTranslationsSchema.shape, string> & Record<string, string>;

/** A string that depends on a number: its forms by CLDR plural category; `other` is always needed. */
export const pluralFormsSchema = z.strictObject({
  ...Object.fromEntries(PLURAL_CATEGORIES.filter((c) => c !== 'other').map((category) => [category, text.optional()])),
  other: text,
} as Record<Exclude<(typeof PLURAL_CATEGORIES)[number], 'other'>, z.ZodOptional<typeof text>> & { other: typeof text });

/**
 * `translations/<lang>.yaml`: a site's own interface strings for a language,
 * by the keys of src/translations/en.json. They win over the shipped ones;
 * for a language Handrail does not ship, they are the language. The checker
 * names unknown keys, wrong plural forms and placeholders, with fixes.
 */
export const uiStringsSchema = z.record(z.string(), z.union([text, pluralFormsSchema]));

/**
 * Keys of `translations/<lang>.yaml` that translate the site's own words in
 * `site.yaml` rather than one of Handrail's interface strings: the name in
 * the header, page titles and the app, the home page's tagline, and the
 * app icon's short name. Each maps to the `site.yaml` field it translates;
 * the checker holds them to that field's limits.
 */
export const SITE_WORD_KEYS = {
  'site.name': 'name',
  'site.tagline': 'tagline',
  'site.shortName': 'shortName',
} as const satisfies Record<string, keyof typeof siteFields.shape>;

/** A key of `translations/<lang>.yaml` that translates a `site.yaml` field. */
export type SiteWordKey = keyof typeof SITE_WORD_KEYS;

/** Whether a strings-file key translates one of `site.yaml`'s own words. */
export function isSiteWordKey(key: string): key is SiteWordKey {
  return Object.hasOwn(SITE_WORD_KEYS, key);
}
