import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OfflineLanguage } from './offline.ts';
import type { RedirectSources } from './redirects-file.ts';

/**
 * What a build leaves for the steps that run once over the whole site
 * (src/node/integration/finish.ts): plain data in a file, for the finish
 * after Astro (scripts/build.ts) and for each part of a split build. Kept
 * apart from finish.ts so that Astro's process, which only writes them,
 * does not load the search and offline steps (workbox-build, Pagefind).
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
