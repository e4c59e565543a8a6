import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One entry of Astro's list: `["<file, from the root>", () => import("<module>")]`. */
const ENTRY = /\[("(?:[^"\\]|\\.)*"), \(\) => import\(("(?:[^"\\]|\\.)*")\)\]/g;

/**
 * Drops the files that no longer exist from Astro's list of MDX modules
 * (`.astro/content-modules.mjs`) in the dev server. Astro rewrites that list
 * only when an MDX entry is added, so after an article was renamed from .mdx
 * to .md it kept importing the old file and every page failed ("Failed to
 * load url …welcome.mdx") until the server restarted. Returns the list's path
 * when something was dropped, for the caller to make Vite load it afresh
 * (waiting for the file watcher let a page ask for the old file first), else
 * undefined; a list in another shape (a later Astro) is left alone.
 */
export function dropRemovedContentModules(root: string): string | undefined {
  const file = path.join(root, '.astro', 'content-modules.mjs');
  if (!existsSync(file)) return undefined;
  const source = readFileSync(file, 'utf8');
  const entries = [...source.matchAll(ENTRY)].map((m) => ({ text: m[0], file: JSON.parse(m[1]!) as string }));
  if (entries.length === 0) return undefined;
  const kept = entries.filter((entry) => existsSync(path.resolve(root, entry.file)));
  if (kept.length === entries.length) return undefined;
  writeFileSync(file, `\nexport default new Map([\n${kept.map((entry) => entry.text).join(',\n')}]);\n`);
  return file;
}
