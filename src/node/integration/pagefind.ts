import * as pagefind from 'pagefind';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

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

/**
 * Indexes a built site with Pagefind (as Starlight does at
 * `astro:build:done`). Only regions marked `data-pagefind-body` (the article
 * itself) are indexed, so headers, contact panels and notices never match.
 *
 * Pages are handed over one by one, in the order of their paths, and only
 * those with a search region: Pagefind leaves the others out of the index
 * anyway once any page has one, but `addDirectory` parsed them all first —
 * two thirds of its work at 1,000 articles, where redirect, category and
 * A–Z pages outnumber the articles. The index is the same for the same
 * pages; the fixed order also makes it the same on every file system.
 */
export async function indexSite(siteDir: string): Promise<IndexResult> {
  try {
    const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
    if (!index) return { pageCount: 0, errors: errors.length ? errors : ['Pagefind did not start.'] };
    const pages = (await readdir(siteDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
      .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
    const problems: string[] = [];
    let pageCount = 0;
    for (const sourcePath of pages) {
      const html = await readFile(path.join(siteDir, sourcePath), 'utf8');
      if (!html.includes(SEARCH_REGION)) continue;
      const added = await index.addHTMLFile({ sourcePath, content: html });
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
