/// <reference lib="webworker" />
/**
 * Handrail's service worker, built with Workbox (the maintained library the
 * Chrome team and most PWAs use: precaching with revisions, routing and
 * strategies, tested across browsers; writing those by hand is where offline
 * sites usually go wrong).
 *
 * - Pages: network first, so a reader online always gets the live page; the
 *   cached copy is only for when the network fails.
 * - Home, contact, A–Z, search and the offline page are cached on install,
 *   so they always open offline; so is the whole search index.
 * - Everything else is cached as it is visited, or all at once by the "Save
 *   for offline" button (which fills the saved cache from the page).
 * - A new release has new cache names; the old caches are deleted on
 *   activation, so nothing stale survives a release.
 */
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { warmStrategyCache } from 'workbox-recipes';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { OFFLINE_PAGE, pagesCacheName, savedCacheName, isHandrailCache, ESSENTIAL_PAGES } from '../../shared/offline.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };
/** The release this worker belongs to; replaced at build time. */
declare const RELEASE: string;
/** The site's base path, e.g. "/" or "/help/"; replaced at build time. */
declare const BASE: string;

const scope = (path: string) => `${BASE}${path.replace(/^\//, '')}`;
/** The precached page for a page that was never saved. */
const offlinePage = scope(`${OFFLINE_PAGE}index.html`);

// Pagefind adds "?ts=…" to bust HTTP caches; the precache is versioned by
// release, so query strings never pick a different file.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();

const pages = new NetworkFirst({
  cacheName: pagesCacheName(RELEASE),
  networkTimeoutSeconds: 6,
  plugins: [
    {
      // Offline: any copy will do, including one saved with "Save for offline".
      handlerDidError: async ({ request }) =>
        (await caches.match(request, { ignoreSearch: true })) ?? (await matchPrecache(offlinePage)) ?? Response.error(),
    },
  ],
});

registerRoute(({ request }) => request.mode === 'navigate', pages);
warmStrategyCache({ urls: ESSENTIAL_PAGES.map(scope), strategy: pages });

setCatchHandler(async ({ request }) => (request.destination === 'document' ? ((await matchPrecache(offlinePage)) ?? Response.error()) : Response.error()));

self.addEventListener('activate', (event) => {
  // A new release: drop the previous releases' pages and saved copies.
  event.waitUntil(
    (async () => {
      const keep = new Set([pagesCacheName(RELEASE), savedCacheName(RELEASE)]);
      for (const name of await caches.keys()) {
        if (isHandrailCache(name) && !keep.has(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// Pages are network-first, so a new release can take over open tabs at once.
self.addEventListener('install', () => void self.skipWaiting());
