import { editDistance } from '../suggest.ts';
import { words } from './synonyms.ts';

/**
 * Words that carry no topic in a help question ("how do I …", "my card was
 * …"). Dropped only when the full question finds too little.
 */
export const STOP_WORDS = new Set(
  ('a about after again am an and any are as at be been before being but by can cant could did didnt do does doesnt doing dont ' +
    'for from get got had has have having help here how i if im in into is isnt it its ive just me my myself need no not now of ' +
    'off on once only or our out please should so some still than that the their them then there these they this those through ' +
    'to too up very was wasnt way we were what whats when where which while who why will with wont would you your yours').split(' '),
);

/** A search to run, and what the customer typed. */
export interface QueryPlan {
  /** The query as typed, trimmed. */
  full: string;
  /** Topic words, stop words removed, in typed order, no repeats. */
  terms: string[];
}

/** Splits a query into the full search and the topic words used when it finds little. */
export function planQuery(query: string): QueryPlan {
  const all = words(query);
  const terms = [...new Set(all.filter((w) => !STOP_WORDS.has(w) && (w.length > 1 || /\d/.test(w))))];
  return { full: query.trim(), terms };
}

/** One result from one search: its id and Pagefind's score. */
export interface ScoredHit {
  id: string;
  score: number;
}

/**
 * Ranks pages when the full query found too little. Each topic word is
 * searched alone; a page scores for every word it matches, weighted by how
 * rare the word is (a word that matches everything tells us nothing), and
 * pages that matched the whole query stay on top.
 */
export function rankFallback(fullHits: ScoredHit[], termHits: ScoredHit[][], totalPages: number): string[] {
  const scores = new Map<string, number>();
  const matched = new Map<string, number>();
  termHits.forEach((hits) => {
    if (hits.length === 0) return;
    const rarity = Math.log(1 + totalPages / hits.length);
    const best = Math.max(...hits.map((h) => h.score)) || 1;
    for (const hit of hits) {
      scores.set(hit.id, (scores.get(hit.id) ?? 0) + rarity * (0.5 + 0.5 * (hit.score / best)));
      matched.set(hit.id, (matched.get(hit.id) ?? 0) + 1);
    }
  });
  const full = new Set(fullHits.map((h) => h.id));
  return [...scores.keys()].sort(
    (a, b) =>
      Number(full.has(b)) - Number(full.has(a)) ||
      (matched.get(b) ?? 0) - (matched.get(a) ?? 0) ||
      (scores.get(b) ?? 0) - (scores.get(a) ?? 0),
  ).concat(fullHits.map((h) => h.id).filter((id) => !scores.has(id)));
}

/** Closest word in the vocabulary for a likely typo, preferring common words. */
export function correctWord(word: string, vocabulary: Record<string, number>): string | undefined {
  if (vocabulary[word] !== undefined || word.length < 3) return undefined;
  const limit = word.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  let bestCount = 0;
  for (const [candidate, count] of Object.entries(vocabulary)) {
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(word, candidate);
    if (distance > limit) continue;
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
    const fix = STOP_WORDS.has(word) ? undefined : correctWord(word, vocabulary);
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
const MIN_PREFIX = 3;

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
