import { isGenuineMatch, keepRelevant, matchedTokens, planQuery, queryTerms, rankPages, type QueryTerm, type ScoredHit } from './query.ts';
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
async function withReferences(index: SearchIndex, terms: QueryTerm[]): Promise<QueryTerm[]> {
  return Promise.all(
    terms.map(async (term) => {
      if (!term.correction && !term.isUnknown) return term;
      const { results } = await index.search(term.typed);
      // Pagefind may have matched the start of the word; only the whole reference counts.
      const inField = results.filter((r) => r.matchedMetaFields?.includes(REFERENCE_FIELD)).slice(0, 3);
      const codes = await Promise.all(inField.map(async (r) => (await r.data()).meta[REFERENCE_FIELD]?.toLowerCase()));
      return codes.includes(term.typed) ? { typed: term.typed, searches: [term.typed], isUnknown: false } : term;
    }),
  );
}

const commonTests = new WeakMap<Record<string, number>, (word: string) => boolean>();

/**
 * Whether a word is too common on this help center to search alone (see
 * `COMMON_ARTICLES`). The vocabulary counts articles per word; the most
 * used word is in about every article, so its count stands for the total.
 * Words under three letters are not counted there; on a large site they
 * are taken to be common ("is", "my").
 */
export function commonWordTest(vocabulary: Record<string, number> | undefined): (word: string) => boolean {
  if (!vocabulary) return () => false;
  let test = commonTests.get(vocabulary);
  if (!test) {
    let total = 0;
    for (const count of Object.values(vocabulary)) total = Math.max(total, count);
    const limit = Math.max(COMMON_ARTICLES, COMMON_SHARE * total);
    test = total < COMMON_ARTICLES ? () => false : (word) => (vocabulary[word] ?? (word.length < 3 ? Infinity : 0)) > limit;
    commonTests.set(vocabulary, test);
  }
  return test;
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
 * typed. Only the best `limit` pages are read (each is a fetch): suggestions
 * while typing need fewer than the search page.
 */
export async function findPages(index: SearchIndex, query: string, vocabulary?: Record<string, number>, limit = SHOWN): Promise<Found> {
  const plan = planQuery(query);
  // A question of nothing but small words ("how do i") is searched as typed.
  const topic = plan.terms.length ? plan : { ...plan, terms: [...new Set(words(plan.full))] };
  const terms = await withReferences(index, queryTerms(topic, vocabulary, /[\p{L}\p{N}]$/u.test(query)));
  const results = new Map<string, PagefindResult>();
  /** The positions each topic word's searches matched on a page, for its excerpt. */
  const matched = new Map<string, Map<number, Set<number>>>();
  const fragments = new Map<string, Promise<PageData>>();
  const dataOf = (result: PagefindResult): Promise<PageData> => {
    let data = fragments.get(result.id);
    if (!data) fragments.set(result.id, (data = result.data()));
    return data;
  };
  /**
   * One search; with `checked` words, only pages that really matched one of
   * them. Only the searches for the customer's topic words mark words for
   * excerpts: the question as typed would highlight every "my" and "the".
   */
  const run = async (text: string, checked: string[], markedAs?: number): Promise<ScoredHit[]> => {
    const all = (await index.search(text)).results;
    // Checking reads each page's fragment; past this many a typo's scraps are not worth reading.
    const found = checked.length ? all.slice(0, MAX_CHECKED) : all;
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
  /** A term's hits: each page's best score over the words searched for it. */
  const runTerm = async (term: QueryTerm, index: number): Promise<ScoredHit[]> =>
    bestFirst(await Promise.all(term.searches.map((word) => run(word, term.isUnknown ? [term.typed] : [], index))));

  const searched = terms.map((t) => t.searches[0]!);
  const asTyped = words(plan.full).map((w) => terms.find((t) => t.typed === w)?.searches[0] ?? w);
  const checked = terms.filter((t) => t.isUnknown).map((t) => t.typed);
  const isCommon = commonWordTest(vocabulary);
  // Every word alone, unless it is everywhere; when all are, the rarest still is.
  const rarest = Math.min(...searched.map((w) => vocabulary?.[w] ?? 0));
  const isAlone = (t: QueryTerm) => !isCommon(t.searches[0]!) || searched.every(isCommon) && (vocabulary?.[t.searches[0]!] ?? 0) === rarest;
  const hints = plan.hints.filter((w) => !isCommon(w));
  const [termHits, hintHits, togetherHits, asTypedHits] = await Promise.all([
    Promise.all(terms.map((t, i) => (isAlone(t) ? runTerm(t, i) : []))),
    // "How much …": a page with prices counts as having one more of the words.
    hints.length ? Promise.all(hints.map((word) => run(word, [], terms.length))).then(bestFirst) : [],
    // Marks words too: a word too common to search alone is found here.
    terms.length > 1 ? run(searched.join(' '), checked, terms.length + 1) : [],
    // A typo with no correction would only match scraps of it as typed; a small word
    // used everywhere would make the search slow on a large help center.
    asTyped.length > searched.length && checked.length === 0 && !asTyped.some((w) => !searched.includes(w) && isCommon(w)) ? run(asTyped.join(' '), []) : [],
  ]);
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
  const corrections = terms.flatMap((t) => (t.correction ? [{ typed: t.typed, searched: t.correction }] : []));
  const isPartial = terms.length > 1 && togetherHits.length === 0 && pages.length > 0;
  if (corrections.length === 0) return { pages, isPartial, corrections };
  const correctedQuery = words(plan.full).map((w) => corrections.find((c) => c.typed === w)?.searched ?? w).join(' ');
  return { pages, isPartial, corrections, correctedQuery };
}
