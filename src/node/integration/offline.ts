import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import path from 'node:path';
// The one function used, from its own module: the package's entry also loads Babel and Rollup (0.5–0.8 s CPU on every build).
import { injectManifest } from 'workbox-build/build/inject-manifest.js';
import { HASHED_ASSET, isInCopy, OFFLINE_MANIFEST_FILE, OFFLINE_SUMMARY_FILE, type OfflineFile, type OfflineManifest, type OfflineSummary } from '../../shared/offline.ts';
import { bundleBrowserScript } from './browser-bundle.ts';
import { readReused } from './reused-read.ts';

/**
 * What a first visit precaches: the app shell, the offline page, the Save
 * control's summary and the icons — a fixed allowance whatever the size of
 * the help center. Pages are cached as they are visited (the home, contact,
 * A–Z and search pages at install, by the worker), search files as searches
 * use them, and the rest only with "Save for offline".
 */
export const PRECACHE_PATTERNS = ['_astro/**/*.{css,js}', 'offline/index.html', OFFLINE_SUMMARY_FILE, 'favicon.svg', 'manifest.webmanifest', '*/manifest.webmanifest', 'icons/*.png', 'brand/*.{svg,png}'];

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
/** A declared language as the offline copy sorts files by it. */
export interface OfflineLanguage {
  code: string;
  /** Its folder in the built site ("cy"), or "" for the default language at the root. */
  prefix: string;
  /** The language Pagefind names its index files by: `<html lang>` lower-cased ("en-gb"). */
  searchLanguage: string;
}

/**
 * Which languages' offline copies take a built file; undefined for every
 * language's. A language's pages (under its prefix, or the unprefixed pages
 * for the default language) and its own search index are its own; the
 * default language's search index and vocabulary go in every copy, since a
 * search that finds nothing in the reader's language offers the default
 * language's results (at the reader's fallback pages, which are theirs);
 * styles, scripts, images, icons and the offline page are shared. The
 * languages come default first; `wasmOf` is pagefind-entry.json's wasm per
 * search language (null: Pagefind's language-neutral one, "unknown").
 */
export function offlineLanguagesOf(name: string, languages: readonly OfflineLanguage[], wasmOf: Readonly<Record<string, string | null>> = {}): string[] | undefined {
  const defaultLanguage = languages[0];
  if (!defaultLanguage) return undefined;
  const first = name.split('/')[0]!;
  const prefixed = languages.find((language) => language.prefix !== '' && language.prefix === first);
  const isDefaultSearchWords = name === (defaultLanguage.prefix ? `${defaultLanguage.prefix}/search-words.json` : 'search-words.json');
  if (isDefaultSearchWords) return undefined;
  if (prefixed) return [prefixed.code];
  if (first === 'pagefind') {
    const index = /(?:^|\/)(?:pagefind\.)?([a-z0-9-]+)_[0-9a-f]+\.pf_(?:meta|index|fragment|filter)$/.exec(name);
    if (index) {
      const owner = languages.find((language) => language.searchLanguage === index[1]);
      return owner && owner !== defaultLanguage ? [owner.code] : undefined;
    }
    const wasm = /^pagefind\/wasm\.([a-z0-9-]+)\.pagefind$/.exec(name);
    if (wasm) {
      const users = languages.filter((language) => (wasmOf[language.searchLanguage] ?? 'unknown') === wasm[1]);
      return users.length === 0 || users.includes(defaultLanguage) ? undefined : users.map((language) => language.code);
    }
    return undefined;
  }
  const isDefaultPage = defaultLanguage.prefix === '' && ((name.endsWith('.html') && name !== 'offline/index.html') || name === 'manifest.webmanifest');
  return isDefaultPage ? [defaultLanguage.code] : undefined;
}

/** Each language's copy in brief: its files and the shared ones. */
export function copySizes(files: readonly OfflineFile[], codes: readonly string[]): OfflineSummary['languages'] {
  return Object.fromEntries(
    codes.map((code) => {
      const taken = files.filter((file) => isInCopy(file, code));
      return [code, { bytes: taken.reduce((sum, file) => sum + file.bytes, 0), fileCount: taken.length }];
    }),
  );
}

/** "2.1 MB" for one language, "en 2.0 MB, cy 2.1 MB, ar 2.2 MB" for several: the build summary's offline sizes. */
export function offlineSizes(copies: OfflineSummary['languages']): string {
  const sizes = Object.entries(copies).map(([code, copy]) => [code, `${(copy.bytes / 1e6).toFixed(1)} MB`] as const);
  return sizes.length === 1 ? sizes[0]![1] : sizes.map(([code, size]) => `${code} ${size}`).join(', ');
}

/** The service worker's source, bundled with Workbox into <site>/sw.js. */
const WORKER_SOURCE = 'src/browser/service-worker/sw.ts';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** Which Pagefind wasm each search language loads (pagefind-entry.json), or none when there is no index. */
async function searchWasmByLanguage(siteDir: string): Promise<Record<string, string | null>> {
  try {
    const entry = JSON.parse(await readFile(path.join(siteDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { wasm?: string | null }> };
    return Object.fromEntries(Object.entries(entry.languages ?? {}).map(([language, info]) => [language, info.wasm ?? null]));
  } catch {
    return {};
  }
}

/** URL of a built file: "articles/x/index.html" → "<base>articles/x/". */
function urlOf(siteDir: string, file: string, base: string): string {
  const relative = path.relative(siteDir, file).split(path.sep).join('/');
  return `${base}${relative.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** What the offline step needs of one built file. */
export interface ScannedFile {
  /** Its size in bytes. */
  bytes: number;
  /** SHA-256 of its bytes, for the release. */
  digest: Buffer;
  /** A redirect page of an old address, which the offline copy leaves out. */
  redirect: boolean;
}

/** Files read per turn of the event loop while Pagefind indexes (see scanBuiltFiles). */
const FILES_PER_TURN = 64;

/**
 * Reads one built file synchronously, into the reused buffer: a promise per
 * file made the offline step eight times slower (0.4 s for 2,000 files),
 * and nothing else in this process needs the time.
 */
function scanFile(file: string): ScannedFile {
  const bytes = readReused(file);
  return { bytes: bytes.length, digest: createHash('sha256').update(bytes).digest(), redirect: file.endsWith('.html') && bytes.includes('<meta http-equiv="refresh"') };
}

/**
 * Reads the built files that `skip` does not name, ahead of
 * {@link addOfflineSupport}, while Pagefind indexes the site in its own
 * process: a few dozen files per turn of the event loop, so Pagefind's
 * replies are answered between them and it never waits. The files are
 * listed when this is called.
 */
export async function scanBuiltFiles(siteDir: string, skip: (name: string) => boolean): Promise<Map<string, ScannedFile>> {
  const files = (await filesUnder(siteDir)).filter((file) => !skip(path.relative(siteDir, file).split(path.sep).join('/')));
  const scanned = new Map<string, ScannedFile>();
  for (const [i, file] of files.entries()) {
    if (i % FILES_PER_TURN === 0) await nextTurn();
    scanned.set(file, scanFile(file));
  }
  return scanned;
}

/** What offline support added, for the build summary. */
export interface OfflineResult {
  /** Content hash of the whole site: names the worker's caches, so a new release replaces them. */
  release: string;
  /** Files the worker caches on the first visit. */
  precached: number;
  /** Bytes "Save for offline" downloads, for each language's reader. */
  copies: OfflineSummary['languages'];
}

/**
 * Adds offline support to a built site: offline-manifest.json (every page
 * but redirect pages, and every image, each marked with the languages whose
 * copy takes it: "Save for offline" downloads the reader's language's),
 * offline-summary.json (its release and each language's size, which the
 * Save control reads when it starts), and the service worker, bundled with
 * Workbox's precache list injected. Pages are never rewritten: everything a
 * page needs is read at run time. Without `languages` (the default first),
 * every file is in one copy. `scanned` holds files already read by
 * {@link scanBuiltFiles}, unchanged since; the others are read here.
 */
export async function addOfflineSupport(siteDir: string, base: string, languages: readonly OfflineLanguage[] = [], scanned: ReadonlyMap<string, ScannedFile> = new Map()): Promise<OfflineResult> {
  const files = await filesUnder(siteDir);
  const hash = createHash('sha256');
  // Redirect pages of old addresses forward at once: an offline copy would
  // only forward to a page saved anyway (an import makes hundreds of them).
  const redirectPages = new Set<string>();
  const sizes = new Map<string, number>();
  for (const file of files) {
    const read = scanned.get(file) ?? scanFile(file);
    hash.update(path.relative(siteDir, file)).update(read.digest);
    sizes.set(file, read.bytes);
    if (read.redirect) redirectPages.add(file);
  }
  const release = hash.digest('hex').slice(0, 12);

  // The offline copy: every page and image, what pages load, and the search index, each file marked with the languages that take it.
  const wasmOf = await searchWasmByLanguage(siteDir);
  const saved: OfflineFile[] = [];
  for (const file of files) {
    const name = path.relative(siteDir, file).split(path.sep).join('/');
    if (!isSavedForOffline(name) || redirectPages.has(file)) continue;
    const owners = offlineLanguagesOf(name, languages, wasmOf);
    saved.push({ url: urlOf(siteDir, file, base), bytes: sizes.get(file)!, ...(owners ? { languages: owners } : {}) });
  }
  const manifest: OfflineManifest = { release, files: saved, bytes: saved.reduce((sum, f) => sum + f.bytes, 0) };
  await writeFile(path.join(siteDir, OFFLINE_MANIFEST_FILE), JSON.stringify(manifest));
  const copies = copySizes(saved, languages.map((language) => language.code));
  const summary: OfflineSummary = { release, bytes: manifest.bytes, fileCount: saved.length, languages: copies };
  await writeFile(path.join(siteDir, OFFLINE_SUMMARY_FILE), JSON.stringify(summary));

  const swFile = path.join(siteDir, 'sw.js');
  // The release and base are declared before the bundle, which stays the same from one release to the next, and so is kept between builds.
  const worker = await bundleBrowserScript(WORKER_SOURCE, { 'process.env.NODE_ENV': '"production"' });
  await writeFile(swFile, `const RELEASE=${JSON.stringify(release)},BASE=${JSON.stringify(base)};\n${worker}`);
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
  return { release, precached: result.count, copies };
}
