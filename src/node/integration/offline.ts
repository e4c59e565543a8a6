import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
// The one function used, from its own module: the package's entry also loads Babel and Rollup (0.5–0.8 s CPU on every build).
import { injectManifest } from 'workbox-build/build/inject-manifest.js';
import { HASHED_ASSET, OFFLINE_MANIFEST_FILE, OFFLINE_SUMMARY_FILE, type OfflineManifest, type OfflineSummary } from '../../shared/offline.ts';
import { bundleBrowserScript } from './browser-bundle.ts';

/**
 * What a first visit precaches: the app shell, the offline page, the Save
 * control's summary and the icons — a fixed allowance whatever the size of
 * the help center. Pages are cached as they are visited (the home, contact,
 * A–Z and search pages at install, by the worker), search files as searches
 * use them, and the rest only with "Save for offline".
 */
export const PRECACHE_PATTERNS = ['_astro/**/*.{css,js}', 'offline/index.html', OFFLINE_SUMMARY_FILE, 'favicon.svg', 'manifest.webmanifest', 'icons/*.png', 'brand/*.{svg,png}'];

/** Pagefind's bundled interfaces, which Handrail's own search page does not load. */
const UNUSED_SEARCH_FILES = /^pagefind\/pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

/**
 * Whether "Save for offline" takes a built file: every page, image and
 * script, and the whole search index (so every search works offline), but
 * not the 404 page, the worker, the offline files themselves or search
 * interfaces nothing loads.
 */
export function isSavedForOffline(name: string): boolean {
  if (name === '404.html' || name === OFFLINE_MANIFEST_FILE || name === OFFLINE_SUMMARY_FILE || name === 'sw.js' || UNUSED_SEARCH_FILES.test(name)) return false;
  return /\.(html|css|js|svg|png|jpe?g|webp|avif|gif|json|webmanifest|xml|txt|pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/.test(name);
}
/** The service worker's source, bundled with Workbox into <site>/sw.js. */
const WORKER_SOURCE = 'src/browser/service-worker/sw.ts';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** URL of a built file: "articles/x/index.html" → "<base>articles/x/". */
function urlOf(siteDir: string, file: string, base: string): string {
  const relative = path.relative(siteDir, file).split(path.sep).join('/');
  return `${base}${relative.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** What offline support added, for the build summary. */
export interface OfflineResult {
  /** Content hash of the whole site: names the worker's caches, so a new release replaces them. */
  release: string;
  /** Files the worker caches on the first visit. */
  precached: number;
  /** Bytes "Save for offline" downloads. */
  savedBytes: number;
}

/**
 * Adds offline support to a built site: offline-manifest.json (every page
 * but redirect pages, and every image, "Save for offline" downloads), offline-summary.json (its release
 * and size, which the Save control reads when it starts), and the service
 * worker, bundled with Workbox's precache list injected. Pages are never
 * rewritten: everything a page needs is read at run time.
 */
export async function addOfflineSupport(siteDir: string, base: string): Promise<OfflineResult> {
  const files = await filesUnder(siteDir);
  const hash = createHash('sha256');
  // Redirect pages of old addresses forward at once: an offline copy would
  // only forward to a page saved anyway (an import makes hundreds of them).
  const redirectPages = new Set<string>();
  const sizes = new Map<string, number>();
  for (const file of files) {
    const bytes = await readFile(file);
    hash.update(path.relative(siteDir, file)).update(bytes);
    sizes.set(file, bytes.length);
    if (file.endsWith('.html') && bytes.includes('<meta http-equiv="refresh"')) redirectPages.add(file);
  }
  const release = hash.digest('hex').slice(0, 12);

  // The offline copy: every page and image, what pages load, and the search index.
  const saved = [];
  for (const file of files) {
    const name = path.relative(siteDir, file).split(path.sep).join('/');
    if (!isSavedForOffline(name) || redirectPages.has(file)) continue;
    saved.push({ url: urlOf(siteDir, file, base), bytes: sizes.get(file)! });
  }
  const manifest: OfflineManifest = { release, files: saved, bytes: saved.reduce((sum, f) => sum + f.bytes, 0) };
  await writeFile(path.join(siteDir, OFFLINE_MANIFEST_FILE), JSON.stringify(manifest));
  const summary: OfflineSummary = { release, bytes: manifest.bytes, fileCount: saved.length };
  await writeFile(path.join(siteDir, OFFLINE_SUMMARY_FILE), JSON.stringify(summary));

  const swFile = path.join(siteDir, 'sw.js');
  await writeFile(
    swFile,
    await bundleBrowserScript(WORKER_SOURCE, { RELEASE: JSON.stringify(release), BASE: JSON.stringify(base), 'process.env.NODE_ENV': '"production"' }),
  );
  const result = await injectManifest({
    swSrc: swFile,
    swDest: swFile,
    globDirectory: siteDir,
    globPatterns: PRECACHE_PATTERNS,
    // Files named by their content need no revision in the address, so the
    // browser's HTTP cache can answer for what the page itself just loaded.
    dontCacheBustURLsMatching: HASHED_ASSET,
    modifyURLPrefix: { '': base },
  });
  return { release, precached: result.count, savedBytes: manifest.bytes };
}
