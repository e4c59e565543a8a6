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
