import { isGenuineMatch, keepRelevant, matchedTokens, MIN_PREFIX, planQuery, queryTerms, rankPages, type QueryTerm, type ScoredHit } from './query.ts';
import { REFERENCE_FIELD } from './ranking.ts';
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
  /** The positions in `locations`, by which of the query's words they matched (set by `findPages`). */
  term_locations?: number[][];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** One Pagefind result. */
export interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the words this search matched (none when only metadata matched). */
  words?: number[];
  /** The metadata fields the search matched, such as `title` or `reference`. */
  matchedMetaFields?: string[];
  data(): Promise<PageData>;
}

/** The part of Pagefind's API a search uses, so tests can pass a stand-in. */
export interface SearchIndex {
  search(query: string): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
  /** Fetches the index chunks a search for these words needs, without searching. */
  preload?(query: string): Promise<void>;
}

/** How a search is run, beside what is searched. */
export interface FindOptions {
  /** How many pages are read (each is a fetch); suggestions need fewer than the search page. */
  limit?: number;
  /** Aborted when a newer query replaces this one: the search stops before its next Pagefind search. */
  signal?: AbortSignal;
  /**
   * The customer is still typing (suggestions as they type): on a large help
   * center a last word of one or two letters is not searched yet, as it
   * matches most pages and tells nothing.
   */
  isTyping?: boolean;
  /** The language of the help center searched (`<html lang>`): the question rewrite reads English only. */
  lang?: string;
}

/** What a search found, best first. */
export interface Found {
  pages: PageData[];
  /** Whether no page matched every word, so these match only some. */
  isPartial: boolean;
  /** Typed words searched as their likely correction. */
  corrections: { typed: string; searched: string }[];
  /** The query with those corrections, as the customer would have typed it; only when there are some. */
  correctedQuery?: string;
}
/** How many results are shown (and their fragments fetched). */
export const SHOWN = 20;

/**
 * How much the searches for several words at once count, beside the sum of
 * the words searched one by one: all the topic words together, and the
 * question as typed, small words and all (which finds a keyword such as
 * "where is my order" that the topic words alone cannot tell apart).
 * Below 1, because those pages already scored for each of the words.
 */
const TOGETHER_WEIGHT = 0.5;
const AS_TYPED_WEIGHT = 0.3;

/**
 * On a large help center a word in this many articles (and more than
 * `COMMON_SHARE` of them) is not searched alone: it matches thousands of
 * pages, which takes Pagefind tens of milliseconds to score, and being
 * everywhere it tells pages apart little. It still counts in the searches
 * for all the words together.
 */
const COMMON_ARTICLES = 1000;
const COMMON_SHARE = 0.2;

/** Most results of one search that are checked for scraps of an unknown word. */
const MAX_CHECKED = 50;

/** Hits from several searches, each page once with its best score, best first. */
function bestFirst(lists: ScoredHit[][]): ScoredHit[] {
  const best = new Map<string, ScoredHit>();
  for (const hit of lists.flat()) if ((best.get(hit.id)?.score ?? -Infinity) < hit.score) best.set(hit.id, hit);
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/**
 * A page's data with the positions its topic-word searches matched, by
 * word, so its excerpt shows the words of the whole query, not of
 * whichever search ran last. A copy: Pagefind hands every search the same
 * fragment object and sets its locations each time.
 */
function withLocations(data: PageData, byTerm: Map<number, Set<number>> | undefined): PageData {
  // Keep Pagefind's weights (a heading counts more) where it gave one.
  const weights = new Map((data.weighted_locations ?? []).map((l) => [l.location, l.weight]));
  const term_locations = [...(byTerm ?? new Map<number, Set<number>>()).entries()].sort((a, b) => a[0] - b[0]).map(([, positions]) => [...positions].sort((a, b) => a - b));
  const locations = [...new Set(term_locations.flat())].sort((a, b) => a - b);
  return {
    ...data,
    locations,
    weighted_locations: locations.map((location) => {
      const weight = weights.get(location) ?? 1;
      return { location, weight, balanced_score: weight * weight };
    }),
    term_locations,
  };
}

/**
 * Unknown words that are an article's phone reference (an agent typing the
 * code a caller quoted), searched as typed rather than as a typo. The
 * references are not in the vocabulary; a search tells them by the field
 * it matched.
 */
async function withReferences(search: SearchIndex['search'], terms: QueryTerm[]): Promise<QueryTerm[]> {
  return Promise.all(
    terms.map(async (term) => {
      if (!term.correction && !term.isUnknown) return term;
      const { results } = await search(term.typed);
      // Pagefind may have matched the start of the word; only the whole reference counts.
      const inField = results.filter((r) => r.matchedMetaFields?.includes(REFERENCE_FIELD)).slice(0, 3);
      const codes = await Promise.all(inField.map(async (r) => (await r.data()).meta[REFERENCE_FIELD]?.toLowerCase()));
      return codes.includes(term.typed) ? { typed: term.typed, searches: [term.typed], isUnknown: false } : term;
    }),
  );
}

/**
 * Most searches a `cachingIndex` remembers: the last query or two, word by
 * word, which is what the next key reuses. Few, because a search for a
 * common word on a large help center holds thousands of results.
 */
const CACHED_SEARCHES = 24;

/**
 * The index with each search's results kept for the next query: typing
 * "track my ord" has searched "track" and "order" by the time "order" is
 * complete, so the finished query costs only what is new. A failed search
 * is forgotten, so it is tried again.
 */
export function cachingIndex(index: SearchIndex, size = CACHED_SEARCHES): SearchIndex {
  const cache = new Map<string, Promise<{ results: PagefindResult[] }>>();
  return {
    search(query) {
      let found = cache.get(query);
      if (found) cache.delete(query); // set again below: the most recently used is kept longest
      else
        found = index.search(query).catch((error: unknown) => {
          cache.delete(query);
          throw error;
        });
      cache.set(query, found);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return found;
    },
    filters: () => index.filters(),
    preload: (query) => index.preload?.(query) ?? Promise.resolve(),
  };
}

const commonTests = new WeakMap<Record<string, number>, (word: string) => boolean>();

/**
 * How many articles the help center has, about: the most used word is in
 * about every article, so its count stands for the total.
 */
export function helpCenterSize(vocabulary: Record<string, number> | undefined): number {
  let total = 0;
  for (const count of Object.values(vocabulary ?? {})) total = Math.max(total, count);
  return total;
}

/**
 * Whether a word is too common on this help center to search alone (see
 * `COMMON_ARTICLES`). Words under three letters are not counted in the
 * vocabulary; on a large site they are taken to be common ("is", "my").
 */
export function commonWordTest(vocabulary: Record<string, number> | undefined): (word: string) => boolean {
  if (!vocabulary) return () => false;
  let test = commonTests.get(vocabulary);
  if (!test) {
    const total = helpCenterSize(vocabulary);
    const limit = Math.max(COMMON_ARTICLES, COMMON_SHARE * total);
    test = total < COMMON_ARTICLES ? () => false : (word) => (vocabulary[word] ?? (word.length < 3 ? Infinity : 0)) > limit;
    commonTests.set(vocabulary, test);
  }
  return test;
}

/**
 * What is searched for a half-typed last word on a large help center.
 * Pagefind matches the start of words, so each completion also finds its
 * longer forms ("bike" finds "bikes"): those are not searched again. A
 * start that many articles share ("ord" of "order") is as slow to search
 * as its most used completion and less telling: only the completions are
 * searched then.
 */
function narrowCompletions(term: QueryTerm, isCommon: (word: string) => boolean): QueryTerm {
  const [typed, ...completions] = term.searches;
  if (completions.length === 0 || typed !== term.typed) return term;
  const kept = completions.filter((word, i) => !completions.slice(0, i).some((shorter) => word.startsWith(shorter)));
  return { ...term, searches: isCommon(kept[0]!) ? kept : [typed, ...kept] };
}

/**
 * Runs a customer's query against the index. The query is cut down to its
 * topic words (see `planQuery`); each is searched alone and all of them
 * together, and `rankPages` weighs the results, so a page need not contain
 * every word of a sentence to be found. A word the help center never uses
 * is searched as its likely correction; with none, pages that matched only
 * a scrap of it are dropped, so nonsense finds nothing (and the people)
 * rather than unrelated pages. A half-typed last word is also searched as
 * the words it may become. Without a vocabulary every word is searched as
 * typed. Only the best `limit` pages are read (each is a fetch).
 *
 * Pagefind searches one at a time, so a query replaced by a newer one
 * (`signal`) stops at the next; the index chunks they need are fetched at
 * once beforehand. Rejects with the signal's reason when aborted.
 */
export async function findPages(index: SearchIndex, query: string, vocabulary?: Record<string, number>, options: FindOptions = {}): Promise<Found> {
  const { limit = SHOWN, signal, isTyping = false, lang } = options;
  const plan = planQuery(query, { vocabulary, lang });
  const isCommon = commonWordTest(vocabulary);
  const isLarge = helpCenterSize(vocabulary) >= COMMON_ARTICLES;
  const isStillTyping = /[\p{L}\p{N}]$/u.test(query);
  // "how do i tr": on a large help center "tr" matches most pages; wait for the next letter.
  const lastTerm = plan.terms.at(-1);
  if (isTyping && isStillTyping && isLarge && lastTerm && lastTerm.length < MIN_PREFIX && !/\d/.test(lastTerm)) plan.terms.pop();
  if (isTyping && plan.terms.length === 0) return { pages: [], isPartial: false, corrections: [] };
  // A question of nothing but small words ("how do i") is searched as typed.
  const topic = plan.terms.length ? plan : { ...plan, terms: [...new Set(words(plan.full))] };

  let chain: Promise<unknown> = Promise.resolve();
  /** One Pagefind search, after the ones before it, unless the query has been replaced meanwhile. */
  const search = (text: string): Promise<{ results: PagefindResult[] }> => {
    const next = chain.then(() => {
      signal?.throwIfAborted();
      return index.search(text);
    });
    chain = next.catch(() => undefined);
    return next;
  };
  const terms = (await withReferences(search, queryTerms(topic, vocabulary, isStillTyping))).map((t) => (isLarge ? narrowCompletions(t, isCommon) : t));
  const results = new Map<string, PagefindResult>();
  /** The positions each topic word's searches matched on a page, for its excerpt. */
  const matched = new Map<string, Map<number, Set<number>>>();
  const fragments = new Map<string, Promise<PageData>>();
  const dataOf = (result: PagefindResult): Promise<PageData> => {
    let data = fragments.get(result.id);
    if (!data) fragments.set(result.id, (data = result.data()));
    return data;
  };
  // Checking reads each page's fragment; past this many a typo's scraps are not worth reading.
  const mostChecked = Math.min(MAX_CHECKED, limit * 4);
  /**
   * One search; with `checked` words, only pages that really matched one of
   * them. Only the searches for the customer's topic words mark words for
   * excerpts: the question as typed would highlight every "my" and "the".
   */
  const run = async (text: string, checked: string[], markedAs?: number): Promise<ScoredHit[]> => {
    const all = (await search(text)).results;
    const found = checked.length ? all.slice(0, mostChecked) : all;
    const isKept = await Promise.all(
      found.map(async (result) => {
        if (checked.length === 0) return true;
        const data = await dataOf(result);
        return isGenuineMatch(checked, matchedTokens(data.content, result.words ?? data.locations));
      }),
    );
    const kept = found.filter((_, i) => isKept[i]);
    for (const result of kept) {
      if (!results.has(result.id)) results.set(result.id, result);
      if (markedAs === undefined) continue;
      const byTerm = matched.get(result.id) ?? new Map<number, Set<number>>();
      const positions = byTerm.get(markedAs) ?? new Set<number>();
      for (const position of result.words ?? []) positions.add(position);
      matched.set(result.id, byTerm.set(markedAs, positions));
    }
    return kept.map((r) => ({ id: r.id, score: r.score }));
  };

  const searched = terms.map((t) => t.searches[0]!);
  const asTyped = words(plan.full).map((w) => terms.find((t) => t.typed === w)?.searches[0] ?? w);
  const checked = terms.filter((t) => t.isUnknown).map((t) => t.typed);
  // Every word alone, unless it is everywhere; when all are, the rarest still is.
  const rarest = Math.min(...searched.map((w) => vocabulary?.[w] ?? 0));
  const isAlone = (t: QueryTerm) => !isCommon(t.searches[0]!) || searched.every(isCommon) && (vocabulary?.[t.searches[0]!] ?? 0) === rarest;
  /** What is searched for a term alone: each of its words, but a completion as common as its start only when nothing else is left. */
  const aloneSearches = (t: QueryTerm) => {
    const rare = t.searches.filter((w) => !isCommon(w));
    return rare.length ? rare : t.searches.slice(0, 1);
  };
  const hints = plan.hints.filter((w) => !isCommon(w));
  const together = terms.length > 1 ? searched.join(' ') : undefined;
  // A typo with no correction would only match scraps of it as typed; a small word
  // used everywhere would make the search slow on a large help center.
  const isAsTyped = asTyped.length > searched.length && checked.length === 0 && !asTyped.some((w) => !searched.includes(w) && isCommon(w));
  const texts = [...terms.flatMap((t) => (isAlone(t) ? aloneSearches(t) : [])), ...hints, ...(together ? [together] : []), ...(isAsTyped ? [asTyped.join(' ')] : [])];
  // The chunks every search needs, fetched together: the searches then run one by one.
  for (const text of new Set(texts)) void index.preload?.(text).catch(() => undefined);

  const termHits: ScoredHit[][] = [];
  for (const [i, term] of terms.entries()) {
    const hits: ScoredHit[][] = [];
    if (isAlone(term)) for (const word of aloneSearches(term)) hits.push(await run(word, term.isUnknown ? [term.typed] : [], i));
    // A term's hits: each page's best score over the words searched for it.
    termHits.push(bestFirst(hits));
  }
  // "How much …": a page with prices counts as having one more of the words.
  const hintLists: ScoredHit[][] = [];
  for (const word of hints) hintLists.push(await run(word, [], terms.length));
  const hintHits = bestFirst(hintLists);
  // Marks words too: a word too common to search alone is found here.
  const togetherHits = together ? await run(together, checked, terms.length + 1) : [];
  const asTypedHits = isAsTyped ? await run(asTyped.join(' '), []) : [];
  signal?.throwIfAborted();

  const ranked = rankPages([
    ...termHits.map((hits) => ({ hits, weight: 1 })),
    { hits: hintHits, weight: 1 },
    { hits: togetherHits, weight: TOGETHER_WEIGHT },
    { hits: asTypedHits, weight: AS_TYPED_WEIGHT },
  ]);
  // With one word, every page has all of it.
  const complete = new Set((terms.length > 1 ? togetherHits : ranked).map((h) => h.id));
  const order = keepRelevant(ranked, complete).map((h) => h.id);
  const pages = await Promise.all(order.slice(0, limit).map(async (id) => withLocations(await dataOf(results.get(id)!), matched.get(id))));
  signal?.throwIfAborted();
  const corrections = terms.flatMap((t) => (t.correction ? [{ typed: t.typed, searched: t.correction }] : []));
  const isPartial = terms.length > 1 && togetherHits.length === 0 && pages.length > 0;
  if (corrections.length === 0) return { pages, isPartial, corrections };
  const correctedQuery = words(plan.full).map((w) => corrections.find((c) => c.typed === w)?.searched ?? w).join(' ');
  return { pages, isPartial, corrections, correctedQuery };
}
