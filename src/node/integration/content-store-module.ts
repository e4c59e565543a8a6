import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The module through which Astro's page code reaches the content store, as resolved. */
export const STORE_MODULE_ID = '\0astro:data-layer-content';

/**
 * Astro's mark for a module that holds content data (astro/dist/core/build/incremental-metadata.js,
 * not exported): an incremental build leaves such a module out of the hash of each page's
 * code, and relies on the page's cache key for its data.
 */
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

/**
 * In a build, the page code reads the content store from its file when it
 * first needs it (the first content query), instead of carrying a copy.
 *
 * Astro's own module for the store is the whole store file as one string
 * literal (`export default JSON.parse("…")`), bundled by Vite into the page
 * code at every build: 4.4 MB at 1,000 articles, 44 MB at 10,000. Bundling
 * it took about 1 GB of memory for a few seconds at 10,000 articles (the
 * build's highest point) and 4.5 s; loading it made Node compile a module
 * that size; and Node's compiled-code cache kept a new copy of it at every
 * build (src/node/compile-cache.ts). The page code only ever runs inside
 * the build, on the machine that has the file, so it can read it there.
 *
 * Only a build, and only Astro's single-file store (the default): the dev
 * server keeps Astro's module, which it reloads when the store changes.
 * The integration leaves it out when the site has an adapter: then page code
 * may run on a server, without the build's cache folder.
 */
export function contentStoreFromDisk(storeFile: URL): Plugin {
  const file = fileURLToPath(storeFile);
  return {
    name: 'handrail:content-store-from-disk',
    apply: 'build',
    load: {
      // Before Astro's own plugin, which would read and quote the whole file.
      order: 'pre',
      filter: { id: new RegExp(`^${STORE_MODULE_ID}$`) },
      handler(id) {
        // No store yet (no collection has loaded): Astro's module gives an empty one.
        if (id !== STORE_MODULE_ID || !existsSync(file)) return null;
        return {
          code: storeReader(file),
          map: { mappings: '' },
          meta: CONTENT_DATA_META,
        };
      },
    },
  };
}

/**
 * The module's code. Astro loads the store with `import()` inside a
 * `try {} catch {}` that gives an empty store on any error: a store file
 * removed or rewritten while the pages render (another Astro command in
 * the same project can clear it) would publish a help center with no
 * articles. So a failed read ends the build, saying why.
 */
export function storeReader(file: string): string {
  const problem = `The content store ${file} could not be read while the pages were built`;
  const fix = 'Another Astro command in this project (astro dev, astro sync, astro check) may have changed it meanwhile: build again once it has finished.';
  return [
    `import { readFileSync } from 'node:fs';`,
    `let store;`,
    `try {`,
    `  store = JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`,
    `} catch (error) {`,
    `  process.stderr.write(${JSON.stringify(problem)} + ' (' + (error instanceof Error ? error.message : String(error)) + ').\\n' + ${JSON.stringify(fix)} + '\\n');`,
    `  process.exit(1);`,
    `}`,
    `export default store;`,
    '',
  ].join('\n');
}
