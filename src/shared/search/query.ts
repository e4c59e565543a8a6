import { editDistance } from '../suggest.ts';
import { isMistypedStopWord, STOP_WORDS, rewriteQuery } from './rewrite.ts';
import { words } from './synonyms.ts';

/** A search to run, and what the customer typed. */
export interface QueryPlan {
  /** The query as typed, trimmed. */
  full: string;
  /** Topic words, stop words removed, everyday phrases in the articles' words, in typed order, no repeats. */
  terms: string[];
  /** Words an answer to the question's opening uses, from `QUESTION_HINTS`; any one of them counts. */
  hints: string[];
}

/**
 * Splits a query into its topic words and the hints its opening gives (see
 * `rewriteQuery`). With the help center's vocabulary, small words typed
 * wrong are left out too; `lang` is the language of the help center searched.
 */
export function planQuery(query: string, options: { vocabulary?: Record<string, number>; lang?: string } = {}): QueryPlan {
  return { full: query.trim(), ...rewriteQuery(query, options) };
}

/** The most characters of a query a sentence repeats back: about a spoken sentence's worth. */
export const QUOTED_QUERY_MAX = 80;

/**
 * A query as the sentences about it repeat it ("3 results for “…”", "See all
 * results for “…”"): spaces collapsed, and past `max` characters cut at the
 * last space (or mid-word when a word runs on) and ended with "…". A live
 * region reads the whole sentence aloud, so a pasted paragraph would
 * otherwise be read out in full, and twice when its correction is named too.
 * Characters are counted as a reader sees them (an emoji or an accented
 * letter is one), so a cut never splits one.
 */
export function quotedQuery(query: string, max = QUOTED_QUERY_MAX): string {
  const collapsed = query.trim().replace(/\s+/g, ' ');
  const characters = typeof Intl.Segmenter === 'function' ? [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(collapsed)].map((s) => s.segment) : [...collapsed];
  if (characters.length <= max) return collapsed;
  const kept = characters.slice(0, max).join('');
  const space = kept.lastIndexOf(' ');
  // A space in the last quarter ends a word there; otherwise one long word is cut where it reaches the limit.
  return `${space >= max * 0.75 ? kept.slice(0, space) : kept}…`;
}

/** One result from one search: its id and Pagefind's score. */
export interface ScoredHit {
  id: string;
  score: number;
}

/** One topic word of a query, and the words searched for it. */
export interface QueryTerm {
  /** The word as typed. */
  typed: string;
  /**
   * What is searched for it, each alone: the word itself; for a word the
   * help center never uses, its likely correction instead; for a half-typed
   * last word, also the words it may become.
   */
  searches: string[];
  /** The correction searched instead of a typo. */
  correction?: string;
  /** Unknown and with no correction: only pages sharing most of it count as matching it. */
  isUnknown: boolean;
}

/**
 * The topic words of a query and what to search for each. Without a
 * vocabulary (it failed to load) every word is searched as typed.
 */
export function queryTerms(plan: QueryPlan, vocabulary: Record<string, number> | undefined, isStillTyping: boolean): QueryTerm[] {
  const last = plan.terms.at(-1);
  return plan.terms.map((typed) => {
    if (!vocabulary) return { typed, searches: [typed], isUnknown: false };
    const completions = isStillTyping && typed === last ? completeWord(typed, vocabulary) : [];
    if (completions.length) return { typed, searches: [typed, ...completions], isUnknown: false };
    if (unknownWords([typed], vocabulary).length === 0) return { typed, searches: [typed], isUnknown: false };
    const correction = correctWord(typed, vocabulary);
    return correction ? { typed, searches: [correction], correction, isUnknown: false } : { typed, searches: [typed], isUnknown: true };
  });
}

/** The hits of one search, and how much its scores count towards a page's rank. */
export interface WeightedHits {
  hits: ScoredHit[];
  weight: number;
}

/**
 * Orders pages for a query of several words, best first, by the weighted
 * sum of their scores over every search. Each topic word is searched alone,
 * so a page is scored for every word it has, by Pagefind's score for that
 * word (which counts how rare the word is, where on the page it stands, and
 * matches in the title and keywords): a page need not have every word of a
 * customer's sentence to win, and a word that is everywhere adds little.
 * The searches for all the words together add to the pages that have them
 * all, most to those whose title or keywords hold the whole query.
 */
export function rankPages(searches: WeightedHits[]): ScoredHit[] {
  const scores = new Map<string, number>();
  for (const { hits, weight } of searches) for (const hit of hits) scores.set(hit.id, (scores.get(hit.id) ?? 0) + weight * hit.score);
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

/** Below this share of the best score, a page that lacks some of the words is left out. */
export const PARTIAL_FLOOR = 0.15;

/**
 * The ranked pages worth showing: every page with all the words, and a
 * page lacking some only when it matches the others about as well as the
 * best does. Without this, "money back" lists every page with "back" in it
 * (and "backup", as Pagefind also matches longer words).
 */
export function keepRelevant(ranked: ScoredHit[], complete: ReadonlySet<string>): ScoredHit[] {
  const floor = (ranked[0]?.score ?? 0) * PARTIAL_FLOOR;
  return ranked.filter((hit) => complete.has(hit.id) || hit.score >= floor);
}

/** A word's first letter without its accent: "école" and "ecole" start alike. */
const firstLetter = (word: string) => word.normalize('NFD')[0];

/**
 * Closest word in the vocabulary for a likely typo, preferring common words.
 * One edit may fall anywhere; a word two edits away must start with the
 * same letter. Typists rarely get the first letter wrong, and a real word
 * the help center never uses is two edits from many it does ("human" from
 * "man", "emailing" from "railing", the Welsh "erioed", never, from
 * "droed", foot): searching those instead answers another question.
 */
export function correctWord(word: string, vocabulary: Record<string, number>): string | undefined {
  if (vocabulary[word] !== undefined || word.length < 3) return undefined;
  const limit = word.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  let bestCount = 0;
  for (const [candidate, count] of Object.entries(vocabulary)) {
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(word, candidate);
    if (distance > limit || (distance === 2 && firstLetter(candidate) !== firstLetter(word))) continue;
    if (distance < bestDistance || (distance === bestDistance && count > bestCount)) {
      best = candidate;
      bestDistance = distance;
      bestCount = count;
    }
  }
  return best;
}

/** "Did you mean …?": the query with each unknown word replaced by its closest known word, or undefined. */
export function suggestQuery(query: string, vocabulary: Record<string, number>): string | undefined {
  const typed = words(query);
  let changed = false;
  const corrected = typed.map((word) => {
    // A half-typed word (the start of a known one) is not a typo.
    const fix = STOP_WORDS.has(word) || isMistypedStopWord(word, vocabulary) || unknownWords([word], vocabulary).length === 0 ? undefined : correctWord(word, vocabulary);
    if (fix) changed = true;
    return fix ?? word;
  });
  return changed ? corrected.join(' ') : undefined;
}

/** The words of a page that a search matched, read from its text and Pagefind's word positions. */
export function matchedTokens(content: string, locations: number[]): string[] {
  // Pagefind counts positions over the text split on white space, as its excerpts do.
  const tokens = content.split(/\s+/).filter(Boolean);
  return [...new Set(locations.map((i) => tokens[i]).filter((t): t is string => t !== undefined))];
}

function sharedPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Whether a page matched a typed word for real. When a word is not in the
 * index, Pagefind retries with ever shorter starts of it, so "refnud" can
 * match the "re" of "you're" and "acessibility" every "a". A real match
 * shares more than half of some typed word ("deliver" for "delivry",
 * "battery" for "batteries"); a hyphenated word also counts joined up
 * ("e-bike" for "ebike").
 */
export function isGenuineMatch(typed: string[], matched: string[]): boolean {
  const candidates = matched.flatMap((token) => {
    const parts = words(token);
    return parts.length > 1 ? [...parts, parts.join('')] : parts;
  });
  return typed.some((word) => candidates.some((candidate) => sharedPrefixLength(word, candidate) * 2 > word.length));
}

/** Typed words the help center never uses, not even as the start of a longer word. */
export function unknownWords(typed: string[], vocabulary: Record<string, number>): string[] {
  const known = Object.keys(vocabulary);
  return typed.filter((word) => !STOP_WORDS.has(word) && vocabulary[word] === undefined && !known.some((k) => k.startsWith(word)));
}

/** Shortest start of a word that is completed while typing; shorter ones match too much. */
export const MIN_PREFIX = 3;

/**
 * Words of the help center a half-typed word may become, most used first:
 * "accessib" → accessibility, accessible. Needed because Pagefind matches a
 * start against word stems, and the stem can be shorter than what was
 * typed ("accessibility" is stored as "access").
 */
export function completeWord(prefix: string, vocabulary: Record<string, number>, limit = 3): string[] {
  if (prefix.length < MIN_PREFIX || vocabulary[prefix] !== undefined) return [];
  return Object.entries(vocabulary)
    .filter(([word]) => word.length > prefix.length && word.startsWith(prefix))
    .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)
    .slice(0, limit)
    .map(([word]) => word);
}
