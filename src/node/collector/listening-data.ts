/**
 * What the collector hands to reports: daily counts and the comments still
 * kept. It is also the export file format (`npm run listen -- export`, and
 * `GET /v1/export`), so `npm run report -- --from file.json` can run on a
 * machine that has no database, such as a GitHub workflow.
 */
import { z } from 'astro/zod';
import { CHANNEL_KINDS } from '../../schemas/contact.ts';
import { VOTE_REASONS } from '../../schemas/events.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');
const count = z.int().min(0);

/** Votes on one article in one language on one day, per answer and reason. */
export const dailyVoteSchema = z.strictObject({
  day,
  site: z.string(),
  lang: z.string(),
  article: z.string(),
  vote: z.enum(['yes', 'no']),
  /** Empty when the reader gave none. */
  reason: z.union([z.enum(VOTE_REASONS), z.literal('')]),
  count,
});

/** One query as typed, in one language on one day. */
export const dailySearchSchema = z.strictObject({
  day,
  site: z.string(),
  lang: z.string(),
  query: z.string(),
  /** Times it found nothing. */
  noResults: count,
  /** Times it found something and no result was opened. */
  notOpened: count,
});

/** Readers who chose a channel after an article or a search, on one day. */
export const dailyContactSchema = z.strictObject({
  day,
  site: z.string(),
  lang: z.string(),
  channel: z.enum(CHANNEL_KINDS),
  /** The article they came from, or empty. */
  article: z.string(),
  /** The search they came from, or empty. */
  query: z.string(),
  count,
});

/** A comment sent with a vote. Plain text: render it escaped. */
export const readerCommentSchema = z.strictObject({
  day,
  site: z.string(),
  lang: z.string(),
  article: z.string(),
  vote: z.enum(['yes', 'no']),
  reason: z.union([z.enum(VOTE_REASONS), z.literal('')]),
  comment: z.string(),
});

/** The export file and the report's input. */
export const listeningDataSchema = z.strictObject({
  /** Tells this file from any other JSON. */
  format: z.literal('handrail-listening'),
  /** Bumped when a field changes meaning. */
  version: z.literal(1),
  /** First and last day covered, inclusive. */
  from: day,
  to: day,
  votes: z.array(dailyVoteSchema),
  searches: z.array(dailySearchSchema),
  contacts: z.array(dailyContactSchema),
  comments: z.array(readerCommentSchema),
});

/** Report input, after validation. */
export type ListeningData = z.output<typeof listeningDataSchema>;
/** One row of daily votes. */
export type DailyVote = z.output<typeof dailyVoteSchema>;
/** One row of daily searches. */
export type DailySearch = z.output<typeof dailySearchSchema>;
/** One row of daily contacts. */
export type DailyContact = z.output<typeof dailyContactSchema>;
/** One reader comment. */
export type ReaderComment = z.output<typeof readerCommentSchema>;
