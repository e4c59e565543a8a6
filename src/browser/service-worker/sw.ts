/// <reference lib="webworker" />
/**
 * Handrail's service worker, built with Workbox (the maintained library the
 * Chrome team and most PWAs use: precaching with revisions, routing and
 * strategies, tested across browsers; writing those by hand is where offline
 * sites usually go wrong).
 *
 * A first visit costs what the page costs plus a small fixed allowance that
 * does not grow with the help center:
 * - Precached on install: the app shell (stylesheet, scripts, icons), the
 *   offline page, and the home, contact, A–Z and search pages, so the way to
 *   a person always opens offline; and the page the visitor is reading.
 * - Pages: network first, so a reader online always gets the live page; the
 *   cached copy is only for when the network fails. Each page is cached as
 *   it is visited.
 * - Search: Pagefind's files are cached as searches use them, so what a
 *   visitor searched for keeps working offline. Its content-hashed files are
 *   cache first; its entry file, script and wasm network first.
 * - Everything else, the whole search index included, only when the reader
 *   asks for it with "Save for offline" (which says how much first and fills
 *   the saved cache from the page); every route falls back to that copy.
 * - A new release has new cache names; the old caches are deleted on
 *   activation, so nothing stale survives a release.
 */
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { warmStrategyCache } from 'workbox-recipes';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { OFFLINE_PAGE, pagesCacheName, isSavedCacheOf, searchCacheName, isHandrailCache, ESSENTIAL_PAGES, isHashedSearchFile } from '../../shared/offline.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };
/** The release this worker belongs to; declared by the build in a line before the bundle (src/node/integration/offline.ts). */
declare const RELEASE: string;
/** The site's base path, e.g. "/" or "/help/"; declared by the build like RELEASE. */
declare const BASE: string;

const scope = (path: string) => `${BASE}${path.replace(/^\//, '')}`;
/** The precached page for a page that was never saved. */
const offlinePage = scope(`${OFFLINE_PAGE}index.html`);

// Pagefind adds "?ts=…" to bust HTTP caches; the precache is versioned by
// release, so query strings never pick a different file.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();

/** Offline and not in this route's cache: any copy will do, including one saved with "Save for offline". */
const anyCopy: WorkboxPlugin = {
  handlerDidError: async ({ request }) => (await caches.match(request, { ignoreSearch: true })) ?? Response.error(),
};

/**
 * A saved page served because the network failed is marked as one, so its
 * offline notice shows even where the browser still says it is online (a
 * connection without internet; Chromium 150 after navigating offline).
 */
async function markedAsSaved(saved: Response): Promise<Response> {
  const html = (await saved.text()).replace('<handrail-offline-notice', '<handrail-offline-notice data-saved-copy');
  return new Response(html, { status: saved.status, statusText: saved.statusText, headers: saved.headers });
}

const pages = new NetworkFirst({
  cacheName: pagesCacheName(RELEASE),
  networkTimeoutSeconds: 6,
  plugins: [
    {
      // Network-first takes its cached copy only when the network failed or was too slow.
      cachedResponseWillBeUsed: async ({ cachedResponse }) => cachedResponse && markedAsSaved(cachedResponse),
      handlerDidError: async ({ request }) => {
        const saved = await caches.match(request, { ignoreSearch: true });
        return saved ? markedAsSaved(saved) : ((await matchPrecache(offlinePage)) ?? Response.error());
      },
    },
  ],
});

registerRoute(({ request }) => request.mode === 'navigate', pages);
warmStrategyCache({ urls: ESSENTIAL_PAGES.map(scope), strategy: pages });

/** Search files are stored without Pagefind's "?ts=…", so one copy serves every later search. */
const withoutQuery: WorkboxPlugin = {
  cacheKeyWillBeUsed: async ({ request }) => {
    const url = new URL(request.url);
    url.search = '';
    return url.href;
  },
};
const isSearchFile = (url: URL) => url.origin === self.location.origin && (url.pathname.startsWith(scope('pagefind/')) || url.pathname === scope('search-words.json'));

registerRoute(
  ({ url }) => isSearchFile(url) && isHashedSearchFile(url.pathname),
  new CacheFirst({
    cacheName: searchCacheName(RELEASE),
    plugins: [
      withoutQuery,
      // A file saved with "Save for offline" need not be fetched again.
      { cachedResponseWillBeUsed: async ({ cachedResponse, request }) => cachedResponse ?? (await caches.match(request, { ignoreSearch: true })) ?? null },
      anyCopy,
    ],
  }),
);
registerRoute(({ url }) => isSearchFile(url), new NetworkFirst({ cacheName: searchCacheName(RELEASE), networkTimeoutSeconds: 4, plugins: [withoutQuery, anyCopy] }));

setCatchHandler(async ({ request }) => (request.destination === 'document' ? ((await matchPrecache(offlinePage)) ?? Response.error()) : Response.error()));

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // A new release: drop the previous releases' pages, search files and saved copies.
      const keep = new Set([pagesCacheName(RELEASE), searchCacheName(RELEASE)]);
      for (const name of await caches.keys()) {
        // Saved copies are one per language (savedCacheName): this release's are kept, whichever language.
        if (isHandrailCache(name) && !keep.has(name) && !isSavedCacheOf(name, RELEASE)) await caches.delete(name);
      }
      // The page that installed this worker was loaded before it existed:
      // keep a copy of it too, since the visitor has seen it.
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      await Promise.all(
        windows
          .map((client) => new URL(client.url))
          .filter((url) => url.origin === self.location.origin && url.pathname.startsWith(BASE) && !ESSENTIAL_PAGES.map(scope).includes(url.pathname))
          .map((url) => pages.handleAll({ event, request: new Request(url.pathname) })[1].catch(() => undefined)),
      );
      await self.clients.claim();
    })(),
  );
});

// Pages are network-first, so a new release can take over open tabs at once.
self.addEventListener('install', () => void self.skipWaiting());
