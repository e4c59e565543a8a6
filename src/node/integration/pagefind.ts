import * as pagefind from 'pagefind';
import path from 'node:path';

/** What indexing produced. */
export interface IndexResult {
  pageCount: number;
  errors: string[];
}

/**
 * Indexes a built site with Pagefind. Only regions marked
 * `data-pagefind-body` (the article itself) are indexed, so headers, contact
 * panels and notices never match a search.
 */
export async function indexSite(siteDir: string): Promise<IndexResult> {
  try {
    const { index, errors } = await pagefind.createIndex({ rootSelector: 'html' });
    if (!index) return { pageCount: 0, errors: errors.length ? errors : ['Pagefind did not start.'] };
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) return { pageCount: added.page_count, errors: added.errors };
    if (added.page_count === 0) return { pageCount: 0, errors: ['No page has a data-pagefind-body region, so there is nothing to search.'] };
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    return { pageCount: added.page_count, errors: written.errors };
  } catch (error) {
    return { pageCount: 0, errors: [`Pagefind failed: ${(error as Error).message}`] };
  } finally {
    await pagefind.close();
  }
}
