import path from 'node:path';
import { checkContent, type ContentCheckResult } from './index.ts';
import { addressesAtRef, commitDate, isShallowRepository, lastChangedDates, releaseRef } from '../git-history.ts';
import { projectRoot, publicDir } from '../project-paths.ts';

/**
 * The content check as the scripts run it: the content folder, plus the
 * addresses of the last release (from git) so a renamed or removed article
 * without a redirect is caught.
 */
export async function runContentCheck(contentDir: string): Promise<ContentCheckResult & { release?: string }> {
  const release = releaseRef(projectRoot);
  const previousAddresses = release ? addressesAtRef(projectRoot, release.ref, path.join(contentDir, 'articles')) : undefined;
  // Read git's dates only when a translation asks: one-language sites pay nothing.
  let changed: Map<string, Date> | undefined;
  const history = {
    lastChanged: (file: string) => (changed ??= lastChangedDates(projectRoot, contentDir)).get(file),
    commitDate: (hash: string) => commitDate(projectRoot, hash),
    isShallow: () => isShallowRepository(projectRoot),
  };
  const result = await checkContent(
    { root: projectRoot, contentDir, publicDir },
    { previousAddresses, previousRelease: release ? `${release.ref} (${release.reason})` : undefined, history },
  );
  return { ...result, release: previousAddresses && release ? release.ref : undefined };
}
