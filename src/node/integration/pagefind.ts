import * as pagefind from 'pagefind';
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

/**
 * Indexes a built site with Pagefind (as Starlight does at
 * `astro:build:done`). Only regions marked `data-pagefind-body` (the article
 * itself) are indexed, so headers, contact panels and notices never match.
 */
export async function indexSite(siteDir: string): Promise<IndexResult> {
  try {
    const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
    if (!index) return { pageCount: 0, errors: errors.length ? errors : ['Pagefind did not start.'] };
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) return { pageCount: added.page_count, errors: added.errors };
    if (added.page_count === 0) return { pageCount: 0, errors: [NOTHING_TO_SEARCH] };
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    return { pageCount: added.page_count, errors: written.errors };
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
