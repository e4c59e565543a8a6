/**
 * The fixed lists and limits of listening events, in a leaf module (no
 * imports): the event schema (events.ts) validates with them at the
 * collector, and the pages' browser code builds events with them without
 * shipping zod. One definition, so the two ends cannot drift apart.
 */

/** Why a reader found an article unhelpful: a fixed list, so reports can count them. */
export const VOTE_REASONS = ['missing-information', 'inaccurate', 'hard-to-understand', 'broken-link', 'other'] as const;
/** One reason from {@link VOTE_REASONS}. */
export type VoteReason = (typeof VOTE_REASONS)[number];

/** Longest comment a reader can send with a vote, in characters (code points). */
export const COMMENT_MAX = 1000;
/** Longest search query kept; longer ones are pasted text, not searches. */
export const QUERY_MAX = 200;

/** Where a collector takes events, under the address the owner configures (`collector` in site.yaml). */
export const EVENTS_PATH = 'v1/events';

/** A page language as events carry it: `<html lang>` lower-cased, like "en", "en-gb" or "pt-br". */
export const EVENT_LANG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;
/** Longest language tag an event may carry. */
export const EVENT_LANG_MAX = 35;
