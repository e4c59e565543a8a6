import path from 'node:path';
import { checkContent, type ContentCheckResult } from './index.ts';
import { ArticleCheckCache } from './article-cache.ts';
import { applyBaseline, BASELINE_FILE, readBaseline, type BaselineOutcome } from './baseline.ts';
import { relative, type ContentPaths } from './files.ts';
import { addressesAtRef, commitDate, isShallowRepository, lastChangedDates, releaseRef } from '../git-history.ts';
import { projectRoot, publicDir } from '../project-paths.ts';

/** The check as the scripts, the build and the dev server see it. */
export interface RunResult extends ContentCheckResult {
  /** The release whose addresses were compared, when there is one. */
  release?: string;
  /** Every problem found, the known ones included (`problems` leaves those out when there is a baseline). */
  found: ContentCheckResult['problems'];
  /** What the baseline (content/.handrail-baseline.json) counted as known, when there is one. */
  baseline?: BaselineOutcome;
  paths: ContentPaths;
  /** Articles read from the cache and read afresh, when a cache was used. */
  cached?: ArticleCheckCache['counts'];
}

/** How the check runs. */
export interface RunOptions {
  /**
   * Where to keep what each article file was found to hold, so the next
   * check reads only the files that changed (the build keeps it in Astro's
   * cache folder, which CI keeps between runs). None: every file is read.
   */
  cacheFile?: string;
}

/**
 * The content check as the scripts run it: the content folder, plus the
 * addresses of the last release (from git) so a renamed or removed article
 * without a redirect is caught, and the baseline's known problems set
 * apart (they are counted, and do not fail the check or the build).
 */
export async function runContentCheck(contentDir: string, options: RunOptions = {}): Promise<RunResult> {
  const release = releaseRef(projectRoot);
  const previousAddresses = release ? addressesAtRef(projectRoot, release.ref, path.join(contentDir, 'articles')) : undefined;
  // Read git's dates only when a translation asks: one-language sites pay nothing.
  let changed: Map<string, Date> | undefined;
  const history = {
    lastChanged: (file: string) => (changed ??= lastChangedDates(projectRoot, contentDir)).get(file),
    commitDate: (hash: string) => commitDate(projectRoot, hash),
    isShallow: () => isShallowRepository(projectRoot),
  };
  const paths = { root: projectRoot, contentDir, publicDir };
  // Without a file to keep it in, the cache lasts for this check: it reads articles in parallel.
  const articleCache = options.cacheFile ? await ArticleCheckCache.open(options.cacheFile, paths) : ArticleCheckCache.forOneCheck();
  const result = await checkContent(paths, { previousAddresses, previousRelease: release ? `${release.ref} (${release.reason})` : undefined, history, articleCache });
  await articleCache.save();
  const found = [...result.problems];
  const counts = await readBaseline(paths, found);
  const baseline = counts ? applyBaseline(paths, found, counts, relative(paths, path.join(contentDir, BASELINE_FILE))) : undefined;
  return { ...result, problems: baseline?.problems ?? found, found, baseline, paths, release: previousAddresses && release ? release.ref : undefined, cached: options.cacheFile ? articleCache.counts : undefined };
}
