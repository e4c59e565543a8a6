import { completeWord, isGenuineMatch, matchedTokens, planQuery, rankFallback, unknownWords, type ScoredHit } from './query.ts';
import { words } from './synonyms.ts';

/** What the search page reads from one result's Pagefind fragment. */
export interface PageData {
  url: string;
  excerpt: string;
  /** The page's indexed text, which `locations` count words of. */
  content: string;
  /** Positions of the matched words in `content`. */
  locations: number[];
  /** The same positions with how strongly each matched (its weight squared, for a heading more than body text). */
  weighted_locations?: { location: number; weight: number; balanced_score: number }[];
  /** `content` with angle brackets escaped, and zero-width spaces kept where Pagefind segmented the text. */
  raw_content?: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** One Pagefind result. */
export interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the words this search matched (none when only metadata matched). */
  words?: number[];
  data(): Promise<PageData>;
}

/** The part of Pagefind's API a search uses, so tests can pass a stand-in. */
export interface SearchIndex {
  search(query: string): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** What a search found, best first. */
export interface Found {
  pages: PageData[];
  /** Whether no page matched every word, so these match only some. */
  isPartial: boolean;
}

/** Enough results that we trust the full query; fewer and we also try its parts. */
export const ENOUGH = 3;
/** How many results are shown (and their fragments fetched). */
export const SHOWN = 20;

/** Most results of one search that are checked for scraps of an unknown word. */
const MAX_CHECKED = 50;

/** Hits from several searches, each page once with its best score, best first. */
function bestFirst(lists: ScoredHit[][]): ScoredHit[] {
  const best = new Map<string, ScoredHit>();
  for (const hit of lists.flat()) if ((best.get(hit.id)?.score ?? -Infinity) < hit.score) best.set(hit.id, hit);
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/**
 * A page's data with the positions every search matched, so its excerpt
 * shows the words of the whole query, not of whichever search ran last.
 * A copy: Pagefind hands every search the same fragment object and sets
 * its locations each time.
 */
function withLocations(data: PageData, positions: Set<number> | undefined): PageData {
  if (!positions?.size) return { ...data };
  // Keep Pagefind's weights (a heading counts more) where it gave one.
  const weights = new Map((data.weighted_locations ?? []).map((l) => [l.location, l]));
  const smallest = Math.min(...[...weights.values()].map((l) => l.balanced_score), Infinity);
  const locations = [...new Set([...data.locations, ...positions])].sort((a, b) => a - b);
  return {
    ...data,
    locations,
    weighted_locations: locations.map((location) => {
      const known = weights.get(location);
      return known ? { ...known, balanced_score: known.balanced_score / smallest } : { location, weight: 1, balanced_score: 1 };
    }),
  };
}

/**
 * Runs a customer's query against the index: the query as typed, with a
 * half-typed last word also completed from the site's vocabulary; when that
 * finds too little, the topic words alone and one by one (see
 * `rankFallback`). When a word is unknown to the site, pages that matched
 * only a scrap of it are dropped, so a typo finds nothing (and "Did you
 * mean" and the people) rather than unrelated pages. Without a vocabulary
 * the query runs as typed.
 */
export async function findPages(index: SearchIndex, query: string, vocabulary?: Record<string, number>): Promise<Found> {
  const plan = planQuery(query);
  const typed = words(plan.full);
  const unknown = vocabulary ? unknownWords(typed, vocabulary) : [];
  const results = new Map<string, PagefindResult>();
  /** Every position any of the searches matched on a page, for its excerpt. */
  const matched = new Map<string, Set<number>>();
  const fragments = new Map<string, Promise<PageData>>();
  const dataOf = (result: PagefindResult): Promise<PageData> => {
    let data = fragments.get(result.id);
    if (!data) fragments.set(result.id, (data = result.data()));
    return data;
  };
  /**
   * One search; with `checked` words, only pages that really matched one of
   * them. Every hit is kept otherwise: how many pages a word matches is what
   * `rankFallback` weighs it by.
   */
  const run = async (text: string, checked: string[]): Promise<ScoredHit[]> => {
    const all = (await index.search(text)).results;
    // Checking reads each page's fragment; past this many a typo's scraps are not worth reading.
    const found = checked.length ? all.slice(0, MAX_CHECKED) : all;
    const isKept = await Promise.all(
      found.map(async (result) => {
        if (checked.length === 0) return true;
        const data = await dataOf(result);
        return isGenuineMatch(checked, matchedTokens(data.content, data.locations));
      }),
    );
    const kept = found.filter((_, i) => isKept[i]);
    for (const result of kept) {
      results.set(result.id, result);
      const positions = matched.get(result.id) ?? new Set<number>();
      for (const position of result.words ?? []) positions.add(position);
      matched.set(result.id, positions);
    }
    return kept.map((r) => ({ id: r.id, score: r.score }));
  };

  // A query that ends mid-word is still being typed: its last word may be the start of a longer one.
  const last = typed.at(-1) ?? '';
  const completions = vocabulary && /[\p{L}\p{N}]$/u.test(query) ? completeWord(last, vocabulary) : [];
  const head = typed.slice(0, -1).join(' ');
  const fullHits = bestFirst(
    await Promise.all([run(plan.full, unknown.length ? typed : []), ...completions.map((word) => run(`${head} ${word}`.trim(), []))]),
  );

  let order = fullHits.map((h) => h.id);
  let isPartial = false;
  if (fullHits.length < ENOUGH && plan.terms.length > 1) {
    const stripped = await run(plan.terms.join(' '), unknown.length ? plan.terms : []);
    const perTerm = await Promise.all(plan.terms.map((term) => run(term, unknown.includes(term) ? [term] : [])));
    const counts = Object.values((await index.filters()).category ?? {});
    const total = counts.reduce((a, b) => a + b, 0) || 100;
    order = rankFallback([...fullHits, ...stripped], perTerm, total);
    isPartial = fullHits.length === 0 && order.length > 0;
  }
  const pages = await Promise.all(order.slice(0, SHOWN).map(async (id) => withLocations(await dataOf(results.get(id)!), matched.get(id))));
  return { pages, isPartial };
}
