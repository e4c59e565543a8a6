import { z } from 'astro/zod';
import { calendarDateSchema, slugSchema, visibleText } from './common.ts';

/** Longest title that still fits a search result and a browser tab. */
export const TITLE_MAX = 80;
/** Longest description that search engines and result lists show whole. */
export const DESCRIPTION_MAX = 200;

/**
 * Front matter of one help article (`content/articles/<category>/<slug>.md`).
 * Strict: a misspelt key is an error, not a silently ignored field.
 */
export const articleSchema = z.strictObject({
  /** The question or task, in the customer's words. Shown as the page's h1. */
  title: z
    .string()
    .trim()
    .min(1, 'a title of 1 to 80 characters')
    .max(TITLE_MAX, `a title of at most ${TITLE_MAX} characters`)
    .superRefine(visibleText('title', 'an empty heading', 'Write the question or task in words, e.g. title: "Reset your password". Zero-width spaces and joiners alone show nothing.')),
  /** One sentence on what the article answers: used in lists, search results and meta tags. */
  description: z
    .string()
    .trim()
    .min(1, 'a one-sentence description')
    .max(DESCRIPTION_MAX, `a description of at most ${DESCRIPTION_MAX} characters`)
    .superRefine(visibleText('description', 'an empty line in search results', 'Write one plain sentence on what the article answers. Zero-width spaces and joiners alone show nothing.')),
  /** Short labels shown on the article and usable as search filters. */
  tags: z.array(z.string().trim().min(1, 'a non-empty tag')).default([]),
  /** Other words customers use for this topic; they make search find the article. */
  keywords: z.array(z.string().trim().min(1, 'a non-empty keyword')).default([]),
  /** When the article was last checked or changed. */
  updated: calendarDateSchema.optional(),
  /** Show the article on the home page. */
  featured: z.boolean().default(false),
  /** Position within its category; lower comes first, then by title. */
  order: z.number().int('a whole number like 1, 2 or 10').default(100),
  /** A draft is checked but not published. */
  draft: z.boolean().default(false),
  /** Slugs of other articles to list under "Related articles". */
  related: z.array(slugSchema).default([]),
  /** Old slugs of this article (after a rename or move): their addresses redirect here. */
  redirect_from: z.array(slugSchema).default([]),
  /** Date by which the article should be checked again; after it, readers see an "may be out of date" note. */
  review_by: calendarDateSchema.optional(),
});

/** Front matter as the writer may write it. */
export type ArticleInput = z.input<typeof articleSchema>;
/** Front matter after defaults are applied. */
export type ArticleData = z.output<typeof articleSchema>;

/** What each field means and how to fix it, for error messages. */
export const articleFieldHelp = {
  title: 'Write the question or task in the customer\'s words, e.g. title: "Reset your password".',
  description: 'Add one plain sentence on what the article answers, e.g. description: "Get back into your account when you have forgotten your password."',
  tags: 'Write tags as a list, e.g. tags: [billing, refunds].',
  keywords: 'Write keywords as a list of words customers use, e.g. keywords: [money back, refund].',
  updated: 'Write the date as YYYY-MM-DD, e.g. updated: 2026-03-14.',
  featured: 'Write featured: true or featured: false.',
  order: 'Write a whole number, e.g. order: 2.',
  draft: 'Write draft: true or draft: false.',
  related: 'List the file names (without .md) of other articles, e.g. related: [reset-your-password].',
  redirect_from: 'List the old file names (without .md) this article used to have, e.g. redirect_from: [forgot-password].',
  review_by: 'Write the date as YYYY-MM-DD, e.g. review_by: 2027-01-31.',
} satisfies Record<keyof typeof articleSchema.shape, string>;
