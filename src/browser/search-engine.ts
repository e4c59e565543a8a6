/**
 * Pagefind and the help center's vocabulary, each fetched once per page,
 * and a search over both: what the search page (search.ts) and the header's
 * suggestions (search-suggestions.ts) share, so the two always find the same
 * pages in the same order. Pagefind's own script comes from the built site
 * (or the dev server's index), only when one of them starts.
 */
import { cachingIndex, findPages, type FindOptions, type Found, type SearchIndex } from '../shared/search/find.ts';
import { PAGEFIND_OPTIONS } from '../shared/search/ranking.ts';

interface Pagefind extends SearchIndex {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  destroy(): Promise<void>;
}

const base = import.meta.env.BASE_URL;
/**
 * Pagefind runs in the page, not in its web worker. In the worker every
 * result of a search is copied to the page and, once dropped, released
 * with a message of its own: at 10,000 articles one common word is
 * thousands of results, and their releases held up the next search by up
 * to a second (bench:search, "warranty claim" after "bike": 300–450 ms with
 * the worker, 12–15 ms without). Searches run one at a time and never for
 * a word in most articles while typing (see `findPages`), so the page is
 * never busy long.
 */
const PAGEFIND_SETUP = { ...PAGEFIND_OPTIONS, baseUrl: base, noWorker: true };
let pagefind: Promise<Pagefind> | undefined;
/** Pagefind with each search kept for the page's next queries (see `cachingIndex`). */
let cached: Promise<SearchIndex> | undefined;
let vocabulary: Promise<Record<string, number> | undefined> | undefined;

/**
 * How long a failed start waits before its one retry. Each page's Pagefind
 * has its own WebAssembly memory, with a large reserved address range; an
 * earlier page's is released only once the browser collects that page, so
 * after many searches in one tab (Chromium: about 124 loads) a new one can
 * fail to allocate until the collection the failure sets off has finished.
 * A connection that dropped while the index's files loaded is retried too.
 */
const RETRY_PAUSE_MS = 1_000;

/**
 * A search still running this long says it is searching (the search page's
 * status, the header's suggestions): on a slow phone connection the first
 * one waits for Pagefind, its wasm and the index. Past both pauses before
 * a count is spoken, so it is never said over typing.
 */
export const SLOW_SEARCH_MS = 1_000;

/** Pagefind with the help center's ranking, its wasm and entry file fetched. */
async function startPagefind(): Promise<Pagefind> {
  const loaded = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
  try {
    await loaded.options(PAGEFIND_SETUP);
    await loaded.init();
    // init() only begins; a search waits for the start to end, and fails as it did
    // (an empty query is answered then, with nothing fetched).
    await loaded.search('');
    return loaded;
  } catch (error) {
    // A half-started instance is dropped, so a retry starts from the beginning.
    await loaded.destroy().catch(() => undefined);
    throw error;
  }
}

/**
 * Pagefind, started once per page: a failed start is retried once after a
 * pause. Rejects when the index cannot be had; a later call (the next
 * search) then tries again instead of failing for the rest of the page's life.
 */
export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= forgetOnFailure(
    startPagefind().catch(() => new Promise<void>((resume) => setTimeout(resume, RETRY_PAUSE_MS)).then(startPagefind)),
    () => (pagefind = undefined),
  );
  return pagefind;
}

/** The same promise; if it rejects, `forget` is called first, so the next call starts afresh. */
function forgetOnFailure<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  return promise.catch((error: unknown) => {
    forget();
    throw error;
  });
}

/** Every word the help center uses, with how many articles use it; undefined if it cannot be had (search still works). */
export function loadVocabulary(): Promise<Record<string, number> | undefined> {
  // The page's own language's words (BaseLayout names them on <html>): "Did you mean" never suggests an English word to a Welsh reader.
  vocabulary ??= fetch(document.documentElement.dataset.searchWords ?? `${base}search-words.json`)
    .then((r) => (r.ok ? (r.json() as Promise<Record<string, number>>) : undefined))
    .catch(() => undefined);
  return vocabulary;
}

/**
 * Searches the index the way every search box in the help center does (see
 * `findPages`); rejects when the index or part of it fails to load, or
 * with the signal's reason when a newer query replaced this one.
 */
export async function searchPages(query: string, options?: FindOptions): Promise<Found> {
  cached ??= forgetOnFailure(loadPagefind().then(cachingIndex), () => (cached = undefined));
  const [index, words] = await Promise.all([cached, loadVocabulary()]);
  return findPages(index, query, words, { lang: document.documentElement.lang, ...options });
}

let fallback: Promise<SearchIndex> | undefined;

/**
 * The same query in another language's index (the default language's, for
 * a reader whose language found nothing). Pagefind reads the index language
 * from <html lang> as an instance is made, so the attribute is swapped for
 * that one synchronous call and put back at once.
 */
export async function searchOtherLanguage(query: string, lang: string, wordsUrl: string | undefined): Promise<Found> {
  fallback ??= forgetOnFailure((async () => {
    const loaded = (await loadPagefind()) as unknown as { createInstance(o: object): SearchIndex & { init(): Promise<void> } };
    const root = document.documentElement;
    const own = root.lang;
    root.lang = lang;
    let instance: SearchIndex & { init(): Promise<void> };
    try {
      instance = loaded.createInstance(PAGEFIND_SETUP);
    } finally {
      root.lang = own;
    }
    await instance.init();
    await instance.search('');
    return cachingIndex(instance);
  })(), () => (fallback = undefined));
  const words = wordsUrl ? await fetch(wordsUrl).then((r) => (r.ok ? (r.json() as Promise<Record<string, number>>) : undefined)).catch(() => undefined) : undefined;
  return findPages(await fallback, query, words, { lang });
}
