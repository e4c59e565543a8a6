/** Every file of the offline copy (site-relative): fetched only when a reader saves it. */
export const OFFLINE_MANIFEST_FILE = 'offline-manifest.json';
/** The release and size of the offline copy (site-relative): small, precached, read by "Save for offline" when it starts. */
export const OFFLINE_SUMMARY_FILE = 'offline-summary.json';

/** Pages that always open offline after the first visit. */
export const ESSENTIAL_PAGES = ['/', '/contact/', '/a-z/', '/search/'];
/** Shown for a page that was never saved, with the way to a person. */
export const OFFLINE_PAGE = '/offline/';
const PREFIX = 'handrail-';

/** Cache of visited pages for one release. */
export function pagesCacheName(release: string): string {
  return `${PREFIX}pages-${release}`;
}

/**
 * Cache filled by "Save for offline" for one release: one per language a
 * reader saved (each saves its own pages with the shared files), so one
 * language's copy is removed without touching another's.
 */
export function savedCacheName(release: string, language?: string): string {
  return language ? `${PREFIX}saved-${language}-${release}` : `${PREFIX}saved-${release}`;
}

/** Whether a cache is a saved copy of this release (any language): a new release's worker keeps only those. */
export function isSavedCacheOf(name: string, release: string): boolean {
  return name.startsWith(`${PREFIX}saved-`) && name.endsWith(`-${release}`);
}

/** Cache of the search files (Pagefind's) a visitor's searches used, for one release. */
export function searchCacheName(release: string): string {
  return `${PREFIX}search-${release}`;
}

/**
 * Whether a Pagefind file is named by its content (`en_3f2a….pf_index`,
 * `pagefind.en_9c1….pf_meta`): such a file never changes under its name,
 * so a cached copy can be used without asking the network.
 */
export function isHashedSearchFile(path: string): boolean {
  return /_[0-9a-f]{7,}\.pf_(meta|index|fragment|filter)$/.test(path);
}

/**
 * Matches a built file named by its content (Astro's `_astro/Name.Ab12Cd34.css`):
 * the precache need not add a revision to its address, so the copy the page
 * already loaded can be reused.
 */
export const HASHED_ASSET = /(^|\/)_astro\/.+\.[\w-]{8}\.(css|js)$/;

/** Whether a cache is one of ours (Workbox's precache has its own name and cleanup). */
export function isHandrailCache(name: string): boolean {
  return name.startsWith(PREFIX);
}

/** One file of the offline copy. */
export interface OfflineFile {
  url: string;
  bytes: number;
  /** The language codes whose copy takes it (a page, that language's search index); absent for what every language's copy takes. */
  languages?: string[];
}

/** What "Save for offline" downloads, written at build time to offline-manifest.json. */
export interface OfflineManifest {
  release: string;
  files: OfflineFile[];
  /** Every file together. */
  bytes: number;
}

/** One language's offline copy: its own files and the shared ones. */
export interface OfflineCopySize {
  bytes: number;
  fileCount: number;
}

/** The offline copy in brief, written at build time to offline-summary.json. */
export type OfflineSummary = Omit<OfflineManifest, 'files'> & {
  fileCount: number;
  /** Each declared language's copy, by code: what a reader of it saves. */
  languages: Record<string, OfflineCopySize>;
};

/** Whether a language's copy takes a file. */
export function isInCopy(file: OfflineFile, language: string): boolean {
  return file.languages === undefined || file.languages.includes(language);
}

/** "1.4 MB", "820 KB": sizes as people read them. */
export function formatBytes(bytes: number, locale = 'en'): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** Progress steps worth announcing: every quarter, so a screen reader is told enough but not flooded. */
export function announceStep(done: number, total: number, lastAnnounced: number): number | undefined {
  if (total === 0) return undefined;
  const percent = Math.floor((done / total) * 100);
  const step = Math.floor(percent / 25) * 25;
  return step > lastAnnounced ? step : undefined;
}
