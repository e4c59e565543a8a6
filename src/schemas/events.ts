import { z } from 'astro/zod';
import { slugSchema } from './common.ts';
import { CHANNEL_KINDS } from './contact.ts';
import { COMMENT_MAX, EVENT_LANG, EVENT_LANG_MAX, QUERY_MAX, VOTE_REASONS } from './event-fields.ts';

export { COMMENT_MAX, QUERY_MAX, VOTE_REASONS, type VoteReason } from './event-fields.ts';

/**
 * What a help center's pages may send to the listening collector
 * (`npm run listen`). One schema for both ends: the collector validates with
 * it, and the browser code that sends events derives its types from it.
 * Every object is strict, so an unknown field is refused rather than stored.
 */

// C0 controls other than tab, line feed and carriage return, plus DEL: they
// only ever arrive from scripts, and would corrupt CSV and terminal output.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// A lone surrogate (valid JSON "\ud800" escapes make one) cannot be stored as
// UTF-8 without silently becoming U+FFFD, so it is refused instead.
const LONE_SURROGATE = /\p{Cs}/u;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/** Free text from a reader: trimmed, well-formed, no control characters, at most `max` characters. */
function readerText(max: number, what: string, multiline: boolean) {
  return z
    .string()
    .trim()
    .min(1, `${what} of 1 to ${max} characters`)
    .refine((text) => [...text].length <= max, `${what} of at most ${max} characters`)
    .refine((text) => !LONE_SURROGATE.test(text), `${what} without broken characters (a lone UTF-16 surrogate)`)
    .refine((text) => !CONTROL.test(text), `${what} without control characters`)
    .refine((text) => multiline || !LINE_BREAK.test(text), `${what} on one line`);
}

/** The page's language, as the `lang` attribute of its `<html>`, lower-cased: "en", "en-gb", "pt-br". */
export const eventLangSchema = z
  .string()
  .regex(EVENT_LANG, 'a lower-case language tag such as "en", "cy" or "pt-br"')
  .max(EVENT_LANG_MAX, `a language tag of at most ${EVENT_LANG_MAX} characters`);

/** "Was this article helpful?" answered. Sent on the click; sent again with a reason and comment if the reader adds them. */
export const voteEventSchema = z
  .strictObject({
    /** Always "vote". */
    type: z.literal('vote'),
    /** The article's slug (its file name). */
    article: slugSchema,
    /** The page's language. */
    lang: eventLangSchema,
    /** The answer. */
    vote: z.enum(['yes', 'no'], { message: '"yes" or "no"' }),
    /** Why it did not help; only with "no". */
    reason: z.enum(VOTE_REASONS, { message: `one of ${VOTE_REASONS.join(', ')}` }).optional(),
    /** What the reader chose to write; shown to writers as text, never as HTML. */
    comment: readerText(COMMENT_MAX, 'a comment', true).optional(),
  })
  .refine((vote) => vote.vote === 'no' || vote.reason === undefined, {
    path: ['reason'],
    message: 'a reason only with vote "no"',
  });

/** A search that found nothing, or whose results the reader left without opening one. */
export const searchEventSchema = z.strictObject({
  /** Always "search". */
  type: z.literal('search'),
  /** What the reader typed, as they typed it. */
  query: readerText(QUERY_MAX, 'a query', false),
  /** The page's language. */
  lang: eventLangSchema,
  /** How many results it found: 0 means none; more means none was opened. */
  resultCount: z.int('a whole number of results').min(0, 'a result count of 0 or more').max(100_000, 'a result count of at most 100000'),
});

/** The reader chose a way to reach a person after an article or a search. */
export const contactEventSchema = z
  .strictObject({
    /** Always "contact". */
    type: z.literal('contact'),
    /** The kind of channel they chose (phone, email, chat, …), never the number or address. */
    channel: z.enum(CHANNEL_KINDS, { message: `one of ${CHANNEL_KINDS.join(', ')}` }),
    /** The page's language. */
    lang: eventLangSchema,
    /** The article they had been reading; give this or `query`. */
    article: slugSchema.optional(),
    /** The search they had made; give this or `article`. */
    query: readerText(QUERY_MAX, 'a query', false).optional(),
  })
  .refine((contact) => (contact.article === undefined) !== (contact.query === undefined), {
    path: ['article'],
    message: 'either an article or a query, not both and not neither',
  });

/** Any event the collector accepts, told apart by `type`. */
export const listeningEventSchema = z.discriminatedUnion('type', [voteEventSchema, searchEventSchema, contactEventSchema], {
  message: 'an event whose type is "vote", "search" or "contact"',
});

/** An event as sent by a page (before validation). */
export type ListeningEventInput = z.input<typeof listeningEventSchema>;
/** An event after validation. */
export type ListeningEvent = z.output<typeof listeningEventSchema>;
/** A vote after validation. */
export type VoteEvent = z.output<typeof voteEventSchema>;
/** A search after validation. */
export type SearchEvent = z.output<typeof searchEventSchema>;
/** A contact after validation. */
export type ContactEvent = z.output<typeof contactEventSchema>;
