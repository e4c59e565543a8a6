import * as pagefind from 'pagefind';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readReused } from './reused-read.ts';

/** What indexing produced. */
export interface IndexResult {
  pageCount: number;
  errors: string[];
}

/** One rendered page to index: its path as a built file ("articles/x/index.html") and its HTML. */
export interface PageSource {
  sourcePath: string;
  html: string;
}

/** The same Pagefind settings for the build and the dev server, so both find the same pages. */
const INDEX_OPTIONS = { rootSelector: 'html' };
const NOTHING_TO_SEARCH = 'No page has a data-pagefind-body region, so there is nothing to search.';

/** Marks the region Pagefind indexes; a page without it is left out of the index. */
const SEARCH_REGION = 'data-pagefind-body';
/** Pages per addDirectory call, each call one glob of their paths (kept well inside the glob engine's limits). */
const PAGES_PER_CALL = 500;
/** Characters with a meaning in a glob; a path holding one is handed over as text instead. */
const GLOB_SYNTAX = /[{}[\]*?!,\\]/;

/**
 * Indexes a built site with Pagefind (as Starlight does at
 * `astro:build:done`). Only regions marked `data-pagefind-body` (the article
 * itself) are indexed, so headers, contact panels and notices never match.
 *
 * Pagefind is given only the pages that have a search region. It leaves the
 * others out of the index anyway once any page has one, but reading the
 * whole folder it parsed them all first: in a site in three languages,
 * every article's untranslated page in the other two (3,169 files for 1,000
 * articles, two thirds of its time). The pages are named in globs, so
 * Pagefind still reads them from disk itself (handing each page's text over
 * its message channel cost twice as much), in the order of their paths, so
 * the index is the same on every file system.
 */
export async function indexSite(siteDir: string): Promise<IndexResult> {
  try {
    const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
    if (!index) return { pageCount: 0, errors: errors.length ? errors : ['Pagefind did not start.'] };
    const searchable = pagesWithSearchRegion(siteDir);
    const problems: string[] = [];
    let pageCount = 0;
    const named = searchable.filter((page) => !GLOB_SYNTAX.test(page));
    for (let start = 0; start < named.length; start += PAGES_PER_CALL) {
      const chunk = named.slice(start, start + PAGES_PER_CALL);
      const added = await index.addDirectory({ path: siteDir, glob: chunk.length === 1 ? chunk[0] : `{${chunk.join(',')}}` });
      problems.push(...added.errors);
      pageCount += added.page_count;
    }
    for (const sourcePath of searchable.filter((page) => GLOB_SYNTAX.test(page))) {
      const added = await index.addHTMLFile({ sourcePath, content: await readFile(path.join(siteDir, sourcePath), 'utf8') });
      problems.push(...added.errors);
      pageCount++;
    }
    if (problems.length) return { pageCount, errors: problems };
    if (pageCount === 0) return { pageCount: 0, errors: [NOTHING_TO_SEARCH] };
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    return { pageCount, errors: written.errors };
  } catch (error) {
    return { pageCount: 0, errors: [`Pagefind failed: ${(error as Error).message}`] };
  } finally {
    await pagefind.close();
  }
}

/**
 * Built pages ("articles/x/index.html") with a search region, sorted by
 * path. Read synchronously (a promise per file cost three times the CPU,
 * and nothing else runs while the build's last hook waits) into one reused
 * buffer.
 */
function pagesWithSearchRegion(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
    .filter((page) => readReused(path.join(siteDir, page)).includes(SEARCH_REGION));
}

/**
 * Indexes pages held in memory (the dev server renders them) and returns the
 * index files by their path under pagefind/, to be served from memory.
 * Pagefind's service stays up for the next call; `closeIndexer` ends it.
 */
export async function indexPages(pages: PageSource[]): Promise<IndexResult & { files: Map<string, Uint8Array> }> {
  const files = new Map<string, Uint8Array>();
  const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
  if (!index) return { pageCount: 0, errors: errors.length ? errors : ['Pagefind did not start.'], files };
  try {
    const problems: string[] = [];
    let pageCount = 0;
    for (const page of pages) {
      const added = await index.addHTMLFile({ sourcePath: page.sourcePath, content: page.html });
      problems.push(...added.errors);
      if (added.file.uniqueWords > 0) pageCount++;
    }
    const built = await index.getFiles();
    for (const file of built.files) files.set(file.path.split(path.sep).join('/'), file.content);
    return { pageCount, errors: [...problems, ...built.errors, ...(pages.length === 0 ? [NOTHING_TO_SEARCH] : [])], files };
  } finally {
    await index.deleteIndex();
  }
}

/** Stops Pagefind's indexing service (when the dev server stops). */
export async function closeIndexer(): Promise<void> {
  await pagefind.close();
}
