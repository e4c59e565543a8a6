/**
 * When has the network gone quiet? A first visit is over only when neither
 * the page nor its service worker has fetched anything for a while: the
 * worker starts precaching after the page's load event, and a fixed wait
 * would either cut that short or pad every measurement.
 */

/** Requests in flight and the time of the last start or end, fed from network events. */
export class QuietWindow {
  #inFlight = new Set<unknown>();
  #lastActivity: number;

  /** `now` is when watching began: a page that fetches nothing is quiet `ms` after it. */
  constructor(now: number) {
    this.#lastActivity = now;
  }

  /** A request started (any unique key: the request object itself will do). */
  start(key: unknown, now: number): void {
    this.#inFlight.add(key);
    this.#lastActivity = Math.max(this.#lastActivity, now);
  }

  /** A request finished or failed; ending one never started is ignored. */
  end(key: unknown, now: number): void {
    if (!this.#inFlight.delete(key)) return;
    this.#lastActivity = Math.max(this.#lastActivity, now);
  }

  /** How many requests are still open. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** When the network last did anything. */
  get lastActivity(): number {
    return this.#lastActivity;
  }

  /** Whether nothing is in flight and nothing has happened for `ms`. */
  isQuiet(now: number, ms: number): boolean {
    return this.#inFlight.size === 0 && now - this.#lastActivity >= ms;
  }
}

/** One request of a first visit, as the totals need it. */
export interface FetchRecord {
  url: string;
  /** Body bytes as they came over the network (compressed when the server compressed them). */
  bytes: number;
  /** Whether the service worker made this request itself (precache, warm-up, runtime fetches). */
  isFromWorker: boolean;
  /** Whether the service worker answered the page's request (from its cache or its own fetch, counted there). */
  isAnsweredByWorker: boolean;
}

/** What a first visit cost: the page's own requests, the worker's, and both. */
export interface FirstVisitTotals {
  bytes: number;
  requests: number;
  page: { bytes: number; requests: number };
  worker: { bytes: number; requests: number };
}

/**
 * Adds up a first visit. A request the worker answered is not counted on
 * the page's side: if the worker went to the network for it, that request
 * is in the worker's list; if it came from a cache, nothing crossed the wire.
 */
export function firstVisitTotals(records: FetchRecord[]): FirstVisitTotals {
  const page = { bytes: 0, requests: 0 };
  const worker = { bytes: 0, requests: 0 };
  for (const record of records) {
    if (record.isAnsweredByWorker && !record.isFromWorker) continue;
    const side = record.isFromWorker ? worker : page;
    side.bytes += record.bytes;
    side.requests++;
  }
  return { bytes: page.bytes + worker.bytes, requests: page.requests + worker.requests, page, worker };
}

/** The `limit` largest groups of records by what the URL names (folder or file type), for the report. */
export function largestGroups(records: FetchRecord[], limit = 5): Array<{ group: string; bytes: number; requests: number }> {
  const groups = new Map<string, { bytes: number; requests: number }>();
  for (const record of records) {
    if (record.isAnsweredByWorker && !record.isFromWorker) continue;
    const group = groupOf(record.url);
    const entry = groups.get(group) ?? { bytes: 0, requests: 0 };
    entry.bytes += record.bytes;
    entry.requests++;
    groups.set(group, entry);
  }
  return [...groups.entries()].map(([group, figures]) => ({ group, ...figures })).sort((a, b) => b.bytes - a.bytes).slice(0, limit);
}

/** "pagefind/fragment/*", "_astro/*.css", "pages": a URL by the kind of file it is. */
export function groupOf(url: string): string {
  const { pathname } = new URL(url);
  const parts = pathname.split('/').filter(Boolean);
  const file = parts.at(-1) ?? '';
  if (pathname.endsWith('/') || file.endsWith('.html')) return 'pages';
  const extension = /\.([a-z0-9_]+)$/i.exec(file)?.[1];
  const folder = parts.slice(0, -1).join('/');
  return `${folder ? `${folder}/` : ''}*${extension ? `.${extension}` : ''}`;
}
