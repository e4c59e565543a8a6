import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../project-paths.ts';

/**
 * What Astro's content store is built from besides the content itself.
 * Astro keeps parsed and rendered entries between runs and throws them away
 * only when content.config.ts or the Astro config changes; our schemas,
 * Markdown plugins, strings and packages live elsewhere, so a change there
 * would otherwise leave stale pages (a schema default, a rendered table).
 * The site's own strings (content/translations/*.yaml) are one too: the
 * Markdown pipeline names callouts and tables with them.
 */
const INPUTS = ['src/content.config.ts', 'src/schemas', 'src/node/markdown', 'src/node/integration/article-rendering.ts', 'src/translations', 'package-lock.json'];
const STAMP = 'handrail-content-inputs.sha256';

async function filesOf(entry: string): Promise<string[]> {
  const full = path.join(projectRoot, entry);
  if (!existsSync(full)) return [];
  if (!entry.includes('.')) {
    const entries = await readdir(full, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
  }
  return [full];
}

/** The files the content store depends on beyond the articles, for the dev server to watch: Handrail's own, and the content folder's strings files. */
export async function contentStoreInputs(contentDir: string): Promise<string[]> {
  const strings = path.join(contentDir, 'translations');
  const siteStrings = existsSync(strings) ? (await readdir(strings)).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => path.join(strings, name)) : [];
  return [...(await Promise.all(INPUTS.map(filesOf))).flat(), ...siteStrings];
}

/**
 * Clears Astro's stored content when anything it was built from changed
 * since the last run: the inputs above, or which content folder is used
 * (HANDRAIL_CONTENT_DIR). `storeDirs` are where Astro keeps the store: the
 * cache folder for builds, `.astro/` for the dev server. Returns whether it
 * cleared anything.
 */
export async function clearStaleContentStore(storeDirs: string[], contentDir: string): Promise<boolean> {
  const hash = createHash('sha256').update(contentDir);
  for (const file of await contentStoreInputs(contentDir)) hash.update(path.relative(projectRoot, file)).update(await readFile(file));
  const digest = hash.digest('hex');
  let cleared = false;
  for (const dir of storeDirs) {
    const stamp = path.join(dir, STAMP);
    const previous = existsSync(stamp) ? await readFile(stamp, 'utf8') : undefined;
    if (previous === digest) continue;
    const store = path.join(dir, 'data-store.json');
    // No stamp yet means nobody recorded what the store was built from: start afresh.
    if (existsSync(store)) {
      await rm(store, { force: true });
      cleared = true;
    }
    await mkdir(dir, { recursive: true });
    await writeFile(stamp, digest);
  }
  return cleared;
}
