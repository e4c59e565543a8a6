import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root (the folder holding package.json and astro.config.mjs).
 * Pages are bundled into a scratch folder that may live anywhere, so
 * scripts/build.ts passes the root down in HANDRAIL_ROOT; otherwise this
 * module's own place in src/node/ tells.
 */
export const projectRoot = process.env.HANDRAIL_ROOT ?? findRoot(path.dirname(fileURLToPath(import.meta.url))) ?? process.cwd();

function findRoot(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'astro.config.mjs')) && existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The content folder. HANDRAIL_CONTENT_DIR points the build at another
 * content set (the test fixtures use it); relative paths are from the root.
 */
export const contentDir = path.resolve(projectRoot, process.env.HANDRAIL_CONTENT_DIR ?? 'content');

/** Files served as they are: images, logo, favicon. */
export const publicDir = path.resolve(projectRoot, 'public');

/** Settings files a help center may leave out of its content folder: without one, its collection is empty. */
export const OPTIONAL_SETTINGS_FILES = ['announcements.yaml', 'synonyms.yaml', 'accessibility.yaml', 'redirects.yaml'] as const;

/**
 * Astro's cache folder, relative to the root, as astro.config.mjs sets it:
 * another content set (a test fixture, the bench's) gets its own, so its
 * entries never mix with the demo's. The content check keeps its per-file
 * results there too (handrail-check/), so `npm run check` and the build
 * share them, and CI keeps them with Astro's cache.
 */
export function astroCacheDir(part: string | null = process.env.HANDRAIL_PART || null): string {
  const other = process.env.HANDRAIL_CONTENT_DIR;
  // A part of a split build (HANDRAIL_PART) keeps its own: Astro's incremental cache forgets
  // every page the last build did not render, so parts sharing one would undo each other's.
  if (part) return `./.handrail/cache/${other ? `${createHash('sha1').update(other).digest('hex').slice(0, 12)}-` : ''}part-${part}`;
  return other ? `./.handrail/cache/${createHash('sha1').update(other).digest('hex').slice(0, 12)}` : './node_modules/.astro';
}

/**
 * Where the content check keeps what each article file was found to hold,
 * under Astro's cache folder. A part of a split build passes the whole
 * build's folder (`astroCacheDir(null)`), not its own: the check reads
 * the same content in every part, so `npm run check`, whole builds and
 * every part share one set of results, and CI hands the check job's to
 * each part (.github/workflows/build-split.yml).
 */
export function checkCacheFile(cacheDir: string): string {
  return path.join(path.resolve(projectRoot, cacheDir), 'handrail-check', 'articles.v8');
}
