import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addOfflineSupport, offlineSizes, scanBuiltFiles, type OfflineLanguage } from './offline.ts';
import { indexSite } from './pagefind.ts';
import { placeFileLikeRedirectPages, redirectsSummary, writeRedirectsFile, type RedirectSources } from './redirects-file.ts';
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

/** What the once-only steps need to know besides the built files: plain data, so a part can record it. */
export interface FinishInputs {
  /** The base path, "/" or "/help/". */
  base: string;
  /** The declared languages, default first, as the offline copy sorts files by them. */
  languages: OfflineLanguage[];
  /** Old addresses to redirect; none when the content was not checked. */
  redirects?: RedirectSources;
}

/**
 * Runs the once-only steps over a built site and returns the build
 * summary's lines. `pages` are the addresses of every page built, without
 * the base ("articles/x/", "" for home), as Astro lists them.
 */
export async function finishSite(siteDir: string, inputs: FinishInputs, pages: ReadonlySet<string>, timer: PhaseTimer): Promise<string[]> {
  const { base, languages, redirects } = inputs;
  // Before anything lists the built files: pages of old file-like addresses move to the file itself.
  if (redirects) await placeFileLikeRedirectPages(siteDir, base, redirects.redirects);

  // Pagefind indexes in its own process. Meanwhile this one reads the
  // built files for the offline step and checks every page's policy
  // (the "pagefind" phase covers both): a third of a rebuild's wait.
  timer.start('pagefind');
  const indexing = indexSite(siteDir);
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
    `✓ Search index: ${indexed.value.pageCount} pages.`,
    `✓ Offline: release ${offline.release}, ${offline.precached} files cached on first visit, ${offlineSizes(offline.copies)} to save for offline.`,
    `✓ Content-Security-Policy on ${headers.pageCount} pages, and in _headers.`,
    ...(written ? redirectsSummary(written, base) : []),
  ];
}

/**
 * What a part of a split build leaves at its root for the finish step, in
 * `handrail-part-<code>.json` (a name of its own per part, so parts
 * downloaded into one folder never overwrite each other's; not hidden, so
 * CI artifact uploads keep it). The finish reads and removes it.
 */
export interface PartRecord {
  generator: 'Handrail';
  /** The part: a language code. */
  part: string;
  /** Every declared language's code, default first: the parts a whole site needs. */
  languages: string[];
  /** Whether this part holds the pages the site has once (the default language's). */
  sitePages: boolean;
  /** What the once-only steps need. */
  finish: FinishInputs;
  /** Addresses of this part's pages, as Astro lists them. */
  pages: string[];
}

/** The file name of a part's record: one per language, so records of several parts can sit in one folder. */
export function partRecordName(part: string): string {
  return `handrail-part-${part}.json`;
}

/** Whether a file name is a part's record. */
export const PART_RECORD = /^handrail-part-([a-z0-9-]+)\.json$/;

/** Writes a part's record into its built folder. */
export async function writePartRecord(siteDir: string, record: PartRecord): Promise<string> {
  const file = path.join(siteDir, partRecordName(record.part));
  await writeFile(file, `${JSON.stringify(record)}\n`);
  return file;
}

/** The record a whole build leaves for the finish after Astro (FINISH_LATER_VARIABLE, src/shared/build-parts.ts). */
const FINISH_RECORD = 'handrail-finish.json';

/** What the finish after Astro needs: the same as a part's. */
export interface FinishRecord {
  finish: FinishInputs;
  /** Addresses of every page built, as Astro lists them. */
  pages: string[];
}

/** Writes the record of a whole build whose finish runs after Astro. */
export async function writeFinishRecord(siteDir: string, record: FinishRecord): Promise<void> {
  await writeFile(path.join(siteDir, FINISH_RECORD), `${JSON.stringify(record)}\n`);
}

/** Reads and removes the record {@link writeFinishRecord} left, so it is never published. */
export async function takeFinishRecord(siteDir: string): Promise<FinishRecord> {
  const file = path.join(siteDir, FINISH_RECORD);
  const record = JSON.parse(await readFile(file, 'utf8')) as FinishRecord;
  await rm(file);
  return record;
}
