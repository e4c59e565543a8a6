import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { injectManifest } from 'workbox-build';
import { formatBytes, HASHED_ASSET, OFFLINE_SIZE_TOKEN, RELEASE_TOKEN, type OfflineManifest } from '../../shared/offline.ts';
import { buildLazyModules } from './lazy-build.ts';
import { projectRoot } from '../project-paths.ts';

/**
 * What a first visit precaches: the app shell, the offline page and the
 * icons — a fixed allowance whatever the size of the help center. Pages are
 * cached as they are visited (the home, contact, A–Z and search pages at
 * install, by the worker), search files as searches use them, and the rest
 * only with "Save for offline".
 */
export const PRECACHE_PATTERNS = ['_astro/**/*.{css,js}', '_handrail/*', 'offline/index.html', 'favicon.svg', 'manifest.webmanifest', 'icons/*.png'];

/** Pagefind's bundled interfaces, which Handrail's own search page does not load. */
const UNUSED_SEARCH_FILES = /^pagefind\/pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

/**
 * Whether "Save for offline" takes a built file: every page, image and
 * script, and the whole search index (so every search works offline), but
 * not the 404 page, the worker, the manifest of the copy itself or search
 * interfaces nothing loads.
 */
export function isSavedForOffline(name: string): boolean {
  if (name === '404.html' || name === 'offline-manifest.json' || name === 'sw.js' || UNUSED_SEARCH_FILES.test(name)) return false;
  return /\.(html|css|js|svg|png|jpe?g|webp|avif|gif|json|webmanifest|xml|txt|pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/.test(name);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** URL of a built file: "articles/x/index.html" → "<base>articles/x/". */
function urlOf(siteDir: string, file: string, base: string): string {
  const relative = path.relative(siteDir, file).split(path.sep).join('/');
  return `${base}${relative.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Adds offline support to a built site: the service worker (bundled, with
 * Workbox's precache manifest injected), offline-manifest.json for "Save
 * for offline", and the download size in the pages that offer it.
 */
export async function addOfflineSupport(siteDir: string, base: string, locale: string): Promise<{ release: string; precached: number; savedBytes: number }> {
  await buildLazyModules(siteDir);
  const files = await filesUnder(siteDir);
  const hash = createHash('sha256');
  // One read of every file: hashed for the release id, and the few pages that
  // offer "Save for offline" kept to fill in their placeholders.
  const withTokens = new Map<string, string>();
  for (const file of files) {
    const bytes = await readFile(file);
    hash.update(path.relative(siteDir, file)).update(bytes);
    if (file.endsWith('.html') && bytes.includes(OFFLINE_SIZE_TOKEN)) withTokens.set(file, bytes.toString('utf8'));
  }
  const release = hash.digest('hex').slice(0, 12);

  // The offline copy: every page and image, what pages load, and the search index.
  const saved = [];
  for (const file of files) {
    const name = path.relative(siteDir, file).split(path.sep).join('/');
    if (!isSavedForOffline(name)) continue;
    saved.push({ url: urlOf(siteDir, file, base), bytes: (await stat(file)).size });
  }
  const manifest: OfflineManifest = { release, files: saved, bytes: saved.reduce((sum, f) => sum + f.bytes, 0) };
  await writeFile(path.join(siteDir, 'offline-manifest.json'), JSON.stringify(manifest));

  const size = formatBytes(manifest.bytes, locale);
  for (const [file, html] of withTokens) await writeFile(file, html.replaceAll(OFFLINE_SIZE_TOKEN, size).replaceAll(RELEASE_TOKEN, release));

  const swFile = path.join(siteDir, 'sw.js');
  await build({
    entryPoints: [path.join(projectRoot, 'src/browser/service-worker/sw.ts')],
    outfile: swFile,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    define: { RELEASE: JSON.stringify(release), BASE: JSON.stringify(base), 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
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
