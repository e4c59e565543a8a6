import path from 'node:path';
import type { Plugin } from 'vite';

const SUFFIX = '?on-demand';

/**
 * `import url from './module.ts?on-demand'` gives the address of that module,
 * bundled as its own file, for `import(url)` when the reader first needs it.
 *
 * A plain `import('./module.ts')` would do the same, but Vite wraps every
 * dynamic import in its preload helper (about 0.9 KB compressed), even with
 * `build.modulePreload: false` and nothing to preload (vitejs/vite#13952,
 * #18551) — more than the code it defers, and on every page before any
 * interaction. Here the module is emitted as a chunk of the same build (its
 * shared code is shared, not copied) and its URL comes from Vite's own file
 * URL handling, so the base path is respected. In the dev server the URL is
 * the source file, which Vite serves compiled.
 */
export function onDemandModules(): Plugin {
  let base = '/';
  let root = '';
  let isBuild = false;
  return {
    name: 'handrail:on-demand',
    enforce: 'pre',
    configResolved(config) {
      base = config.base;
      root = config.root;
      isBuild = config.command === 'build';
    },
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      return resolved ? `${resolved.id}${SUFFIX}` : null;
    },
    load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const file = id.slice(0, -SUFFIX.length);
      if (!isBuild) return `export default ${JSON.stringify(`${base}${path.relative(root, file).split(path.sep).join('/')}`)};`;
      const reference = this.emitFile({ type: 'chunk', id: file, name: path.basename(file, path.extname(file)) });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}
