import { pathToFileURL } from 'node:url';
import { startStaticServer } from '../../src/node/static-server.ts';

/** One search: the language a reader's page declares (`<html lang>`, lower-cased as Pagefind names its indexes) and the words typed. */
export interface SiteQuery {
  lang: string;
  query: string;
}

interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
}

/**
 * Searches a built site's Pagefind index in Node, with the site's own
 * pagefind.js served over HTTP as a browser would fetch it: each query in
 * a fresh Pagefind for its language (Pagefind picks the index from the
 * page's `<html lang>`). Returns each query's result addresses, in
 * Pagefind's order, as paths.
 */
export async function searchBuiltSite(siteDir: string, queries: SiteQuery[]): Promise<string[][]> {
  const server = await startStaticServer({ root: siteDir, base: '/', port: 0, host: '127.0.0.1' });
  const globals = globalThis as { document?: unknown };
  const before = globals.document;
  let lang = '';
  // All Pagefind reads of the page: the language of <html>.
  globals.document = { currentScript: null, querySelector: () => ({ getAttribute: () => lang }) };
  try {
    const found: string[][] = [];
    for (const [i, query] of queries.entries()) {
      lang = query.lang;
      // A query string makes a separate module, so each language gets its own Pagefind.
      const pagefind = (await import(`${pathToFileURL(`${siteDir}/pagefind/pagefind.js`).href}?search=${i}`)) as PagefindModule;
      await pagefind.options({ basePath: new URL('pagefind/', server.url).href });
      await pagefind.init();
      const { results } = await pagefind.search(query.query);
      found.push((await Promise.all(results.map((result) => result.data()))).map((data) => new URL(data.url, server.url).pathname));
    }
    return found;
  } finally {
    globals.document = before;
    await server.close();
  }
}
