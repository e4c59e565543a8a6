import path from 'node:path';
import { checkContent, type ContentCheckResult } from './index.ts';
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
}

/**
 * The content check as the scripts run it: the content folder, plus the
 * addresses of the last release (from git) so a renamed or removed article
 * without a redirect is caught, and the baseline's known problems set
 * apart (they are counted, and do not fail the check or the build).
 */
export async function runContentCheck(contentDir: string): Promise<RunResult> {
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
  const result = await checkContent(paths, { previousAddresses, previousRelease: release ? `${release.ref} (${release.reason})` : undefined, history });
  const found = [...result.problems];
  const counts = await readBaseline(paths, found);
  const baseline = counts ? applyBaseline(paths, found, counts, relative(paths, path.join(contentDir, BASELINE_FILE))) : undefined;
  return { ...result, problems: baseline?.problems ?? found, found, baseline, paths, release: previousAddresses && release ? release.ref : undefined };
}
