import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorsOf } from './content-problems.ts';
import { devState, INDEXER_REQUEST_HEADER } from './dev-state.ts';

/** How the dev index reports what it did (the integration's logger). */
export interface DevSearchLog {
  info(message: string): void;
  warn(message: string): void;
}

/** Pagefind, loaded once the dev server indexes (a build's Astro process never needs it). */
let pagefindModule: Promise<typeof import('./pagefind.ts')> | undefined;
const indexer = () => (pagefindModule ??= import('./pagefind.ts'));

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** How long the dev server is given to make its page lists again before a missing article is asked for once more. */
const MISSING_RETRY_MS = 500;

/** An article page to index: its slug (what a save marks stale) and its address under the base path ("cy/articles/refunds/"). */
export interface SearchablePage {
  slug: string;
  path: string;
}

/**
 * Search for the dev server: a Pagefind index of the articles as the dev
 * server renders them right now, held in memory and served under
 * `<base>pagefind/`, so the preview searches exactly what the build would.
 * Articles are fetched from the dev server itself; after a change only the
 * articles that changed are fetched again (everything, when a setting or
 * category changed), and the index is rebuilt from memory in well under a
 * second. Every declared language's pages are indexed, each under its own
 * `<html lang>`, so Pagefind makes one index per language in one bundle,
 * as in the build. A request for the index waits while it is being rebuilt, so the
 * search page never sees a half-built one.
 */
export class DevSearchIndex {
  readonly #base: string;
  readonly #log: DevSearchLog;
  #origin?: string;
  /** Rendered HTML of each article, by the path its built file would have. */
  readonly #pages = new Map<string, string>();
  #files = new Map<string, Uint8Array>();
  #ready: Promise<void> = Promise.resolve();
  #queue: { pages: SearchablePage[]; stale: Set<string> | 'all' } | undefined;
  #timer?: NodeJS.Timeout;
  #release?: () => void;
  #onMissing?: () => void;

  constructor(base: string, log: DevSearchLog) {
    this.#base = base;
    this.#log = log;
  }

  /** Starts indexing once the server listens (it fetches its own pages). */
  start(origin: string, pages: SearchablePage[]): void {
    this.#origin = origin;
    this.update(pages, 'all');
  }

  /**
   * What to do when the dev server answers 404 for an article the content
   * check says is published: the dev server's page lists are stale (see
   * `remakeRoutes` in dev-server.ts). It is done once per rebuild, and each
   * missing page is asked for once more.
   */
  onPageMissing(handler: () => void): void {
    this.#onMissing = handler;
  }

  /**
   * Schedules a rebuild: `pages` are the published article pages now (every
   * language), `stale` the slugs whose pages must be fetched again (or all). Changes that arrive
   * together (a save, a rename) are gathered into one rebuild.
   */
  update(pages: SearchablePage[], stale: Set<string> | 'all'): void {
    const previous = this.#queue?.stale;
    const merged = previous === 'all' || stale === 'all' ? 'all' : new Set([...(previous ?? []), ...stale]);
    this.#queue = { pages, stale: merged };
    if (!this.#release) {
      // Requests for the index wait from now until the rebuild is done.
      const waiting = new Promise<void>((resolve) => (this.#release = resolve));
      this.#ready = this.#ready.then(() => waiting);
    }
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#rebuild(), 100);
  }

  async #rebuild(): Promise<void> {
    const job = this.#queue;
    const release = this.#release;
    this.#queue = undefined;
    this.#release = undefined;
    if (!job || !this.#origin) return release?.();
    const started = performance.now();
    try {
      const wanted = new Set(job.pages.map((page) => `${page.path}index.html`));
      for (const sourcePath of this.#pages.keys()) if (!wanted.has(sourcePath)) this.#pages.delete(sourcePath);
      const toFetch = job.pages.filter(({ slug, path }) => job.stale === 'all' || job.stale.has(slug) || !this.#pages.has(`${path}index.html`));
      let { missing, failed } = await this.#fetchPages(toFetch);
      if (missing.length && this.#onMissing) {
        this.#onMissing();
        await new Promise((resolve) => setTimeout(resolve, MISSING_RETRY_MS));
        const retried = await this.#fetchPages(missing);
        missing = retried.missing;
        failed += retried.failed;
      }
      failed += missing.length;
      const result = await (await indexer()).indexPages([...this.#pages].map(([sourcePath, html]) => ({ sourcePath, html })));
      this.#files = result.files;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (result.errors.length) this.#log.warn(`Search index for the preview: ${result.errors.join('; ')}`);
      this.#log.info(`Search index for the preview: ${result.pageCount} article pages in ${seconds} s${failed ? ` (${failed} could not be rendered and are left out)` : ''}.`);
    } catch (error) {
      this.#log.warn(`Search index for the preview could not be built: ${(error as Error).message}`);
    } finally {
      release?.();
    }
  }

  /** Fetches article pages from the dev server into the index's pages; returns the ones it answered 404 for, and how many else failed. */
  async #fetchPages(pages: SearchablePage[]): Promise<{ missing: SearchablePage[]; failed: number }> {
    const missing: SearchablePage[] = [];
    let failed = 0;
    for (const page of pages) {
      const pathname = `${this.#base}${page.path}`;
      devState().quietPaths.add(pathname);
      const response = await fetch(`${this.#origin}${pathname}`, { headers: { [INDEXER_REQUEST_HEADER]: '1' } }).catch(() => undefined);
      if (response?.ok) this.#pages.set(`${page.path}index.html`, await response.text());
      else if (response?.status === 404) missing.push(page);
      else failed++;
      devState().quietPaths.delete(pathname);
    }
    return { missing, failed };
  }

  /**
   * Connect middleware: answers `<base>pagefind/*` from memory, after any
   * rebuild in progress, and turns the indexer's own page requests away
   * while the content has errors (see INDEXER_REQUEST_HEADER).
   */
  readonly middleware = (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const prefix = `${this.#base}pagefind/`;
    const pathname = (request.url ?? '').split('?')[0]!;
    if (request.headers[INDEXER_REQUEST_HEADER] && errorsOf(devState()).length) {
      response.statusCode = 503;
      response.end();
      return;
    }
    if (!pathname.startsWith(prefix)) return next();
    void this.#ready.then(() => {
      const file = this.#files.get(decodeURIComponent(pathname.slice(prefix.length)));
      if (!file) {
        response.statusCode = 404;
        response.end();
        return;
      }
      const extension = pathname.split('.').pop() ?? '';
      response.setHeader('Content-Type', CONTENT_TYPES[extension] ?? 'application/octet-stream');
      // The index changes with every save; the browser must never keep an old piece of it.
      response.setHeader('Cache-Control', 'no-store');
      response.end(file);
    });
  };

  /** Stops Pagefind's indexing service. */
  async close(): Promise<void> {
    clearTimeout(this.#timer);
    this.#release?.();
    if (pagefindModule) await (await pagefindModule).closeIndexer();
  }
}
