import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { injectManifest } from 'workbox-build';
import { formatBytes, OFFLINE_SIZE_TOKEN, RELEASE_TOKEN, type OfflineManifest } from '../../shared/offline.ts';
import { buildLazyModules } from './lazy-build.ts';
import { projectRoot } from '../project-paths.ts';

/** Above this, the search fragments are cached as they are used rather than all on the first visit. */
const PRECACHE_FRAGMENTS_LIMIT = 5_000_000;



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

  // The offline copy: every page and image, plus what pages load.
  const saved = [];
  for (const file of files) {
    const name = path.relative(siteDir, file).split(path.sep).join('/');
    if (name === '404.html' || name.startsWith('pagefind/') || name === 'offline-manifest.json' || name === 'sw.js') continue;
    if (!/\.(html|css|js|svg|png|jpe?g|webp|avif|gif|json|webmanifest|xml|txt)$/.test(name)) continue;
    saved.push({ url: urlOf(siteDir, file, base), bytes: (await stat(file)).size });
  }
  const manifest: OfflineManifest = { release, files: saved, bytes: saved.reduce((sum, f) => sum + f.bytes, 0) };
  await writeFile(path.join(siteDir, 'offline-manifest.json'), JSON.stringify(manifest));

  const size = formatBytes(manifest.bytes, locale);
  for (const [file, html] of withTokens) await writeFile(file, html.replaceAll(OFFLINE_SIZE_TOKEN, size).replaceAll(RELEASE_TOKEN, release));

  const pagefindBytes = (await Promise.all(files.filter((f) => f.includes(`${path.sep}pagefind${path.sep}`)).map(async (f) => (await stat(f)).size))).reduce((a, b) => a + b, 0);
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
    globPatterns: [
      '_astro/**/*.{css,js}',
      '_handrail/*',
      'offline/index.html',
      'favicon.svg',
      'manifest.webmanifest',
      'icons/*.png',
      'search-words.json',
      'pagefind/*',
      'pagefind/index/*',
      'pagefind/filter/*',
      ...(pagefindBytes <= PRECACHE_FRAGMENTS_LIMIT ? ['pagefind/fragment/*'] : []),
    ],
    modifyURLPrefix: { '': base },
    maximumFileSizeToCacheInBytes: 10_000_000,
  });
  return { release, precached: result.count, savedBytes: manifest.bytes };
}
