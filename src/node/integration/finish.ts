import type { FinishInputs } from './build-records.ts';
import { addOfflineSupport, offlineSizes, scanBuiltFiles } from './offline.ts';
import { indexSite, type IndexAhead } from './pagefind.ts';
import { placeFileLikeRedirectPages, redirectsSummary, writeRedirectsFile } from './redirects-file.ts';
import { writeSecurityHeaders } from './security-headers.ts';
import type { PhaseTimer } from './timings.ts';

/**
 * The steps that run once over the whole built site: the search index, the
 * offline copy and service worker (its release names every file), the
 * `_headers` policy and `_redirects`. A whole build runs them at the end of
 * `astro build` (src/node/integration/index.ts); a build split into parts
 * runs them once, after `scripts/build.ts --finish` has joined the parts
 * (src/node/join-parts.ts). Both call `finishSite`.
 */

/**
 * Runs the once-only steps over a built site and returns the build
 * summary's lines. `pages` are the addresses of every page built, without
 * the base ("articles/x/", "" for home), as Astro lists them. `ahead` is
 * what scripts/build.ts knows of the last build: a search index begun from
 * its pages while Astro ran, and the site it published.
 */
export async function finishSite(siteDir: string, inputs: FinishInputs, pages: ReadonlySet<string>, timer: PhaseTimer, ahead: IndexAhead = {}): Promise<string[]> {
  const { base, languages, redirects } = inputs;
  // Before anything lists the built files: pages of old file-like addresses move to the file itself.
  if (redirects) await placeFileLikeRedirectPages(siteDir, base, redirects.redirects);

  // Pagefind indexes in its own process. Meanwhile this one reads the
  // built files for the offline step and checks every page's policy
  // (the "pagefind" phase covers both): a third of a rebuild's wait.
  timer.start('pagefind');
  const indexing = indexSite(siteDir, ahead);
  const alongside = (async () => {
    const scanned = await scanBuiltFiles(siteDir, (name) => name.startsWith('pagefind/'));
    return { scanned, headers: await writeSecurityHeaders(siteDir, base) };
  })();
  // Pagefind is waited for whatever happens alongside, so it is never left running.
  const [indexed, side] = await Promise.allSettled([indexing, alongside]);
  timer.end();
  if (indexed.status === 'rejected') throw indexed.reason;
  if (indexed.value.errors.length) throw new Error(`The search index could not be built:\n${indexed.value.errors.map((e) => `  ${e}`).join('\n')}`);
  if (side.status === 'rejected') throw side.reason;
  const { scanned, headers } = side.value;

  timer.start('offline');
  const offline = await addOfflineSupport(siteDir, base, languages, scanned);
  const written = redirects ? await writeRedirectsFile(siteDir, base, redirects, pages) : undefined;
  timer.end();
  return [
    `✓ Search index: ${indexed.value.pageCount} pages${indexed.value.reused ? ` (${indexed.value.reused} unchanged since the last build, indexed while Astro ran)` : ''}.`,
    `✓ Offline: release ${offline.release}, ${offline.precached} files cached on first visit, ${offlineSizes(offline.copies)} to save for offline.`,
    `✓ Content-Security-Policy on ${headers.pageCount} pages, and in _headers.`,
    ...(written ? redirectsSummary(written, base) : []),
  ];
}
