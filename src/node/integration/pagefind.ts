import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readReused } from './reused-read.ts';

/** What indexing produced. */
export interface IndexResult {
  pageCount: number;
  errors: string[];
  /** Pages taken as they were indexed from the last build's (`prepareIndex`), not read again. */
  reused?: number;
}

/** What a build knows of the build before it, to index sooner (both optional). */
export interface IndexAhead {
  /** An index begun from the last build's pages while Astro ran (`prepareIndex`). */
  prepared?: Promise<PreparedIndex | undefined>;
  /** The site the last build published: index files it has byte for byte are linked to, not written again. */
  previousSite?: string;
}

/** One rendered page to index: its path as a built file ("articles/x/index.html") and its HTML. */
export interface PageSource {
  sourcePath: string;
  html: string;
}

/**
 * A search index begun from the last build's pages while Astro renders this
 * one (`prepareIndex`), for `indexSite` to finish with only the pages that
 * changed.
 */
export interface PreparedIndex {
  index: pagefind.PagefindIndex;
  /** The pages indexed, by path, in the order they were added. */
  pages: string[];
  /** Each page's digest as Pagefind read it; undefined where the file changed while it was being read. */
  digests: (string | undefined)[];
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
 * The most pages indexed ahead, beside Astro's process: Pagefind holds
 * about 0.1 GB per 1,000 pages, and at 10,000 articles Astro's process
 * alone takes 1.7 GB of the 2.5 GB a build may use.
 */
export const PREPARE_AT_MOST = 3_000;
/**
 * The share of pages that may have changed for a prepared index to be
 * finished rather than started again: a page handed over as text costs
 * Pagefind about 1.4 ms, a page read from disk in a batch about 0.6 ms.
 */
const REPLACE_AT_MOST = 0.25;

/**
 * Indexes a built site with Pagefind (as Starlight does at
 * `astro:build:done`). Only regions marked `data-pagefind-body` (the article
 * itself) are indexed, so headers, contact panels and notices never match.
 *
 * Pagefind is given only the pages that have a search region. It leaves the
 * others out of the index anyway once any page has one, but reading the
 * whole folder it parsed them all first: in a site in three languages,
 * every article's untranslated page in the other two (3,169 files for 1,000
 * articles, two thirds of its time). The pages are named in globs of 500
 * paths in path order, so Pagefind still reads them from disk itself
 * (handing each page's text over its message channel cost twice as much).
 * Within a glob it takes them in the order the file system lists them:
 * the same for the same paths on one machine (ext4 lists by a hash of the
 * name), not on every file system.
 *
 * With a `prepared` index (a whole build by `scripts/build.ts`, with
 * Astro's cache kept) that holds exactly the pages this build has, only
 * the pages whose bytes differ are handed over again: Pagefind puts a page
 * in the place of the one at the same address, so the index is the one
 * indexing every page afresh would give. Otherwise it is dropped.
 */
export async function indexSite(siteDir: string, ahead: IndexAhead = {}): Promise<IndexResult> {
  try {
    const { pages: searchable, digests } = pagesWithSearchRegion(siteDir, ahead.prepared !== undefined);
    const ready = await ahead.prepared;
    let reused: number | undefined;
    let pageCount = searchable.length;
    let index = ready?.index;
    if (ready) {
      reused = await finishPrepared(ready, siteDir, searchable, digests);
      if (reused === undefined) {
        await ready.index.deleteIndex();
        index = undefined;
      }
    }
    if (!index) {
      const created = await pagefind.createIndex(INDEX_OPTIONS);
      if (!created.index) return { pageCount: 0, errors: created.errors.length ? created.errors : ['Pagefind did not start.'] };
      index = created.index;
      const added = await addFromDisk(index, siteDir, searchable);
      if (added.errors.length) return added;
      if (added.pageCount === 0) return { pageCount: 0, errors: [NOTHING_TO_SEARCH] };
      pageCount = added.pageCount;
    }
    const built = await index.getFiles();
    if (built.errors.length) return { pageCount, errors: built.errors };
    writeIndexFiles(built.files, path.join(siteDir, 'pagefind'), ahead.previousSite && path.join(ahead.previousSite, 'pagefind'));
    return { pageCount, errors: [], reused };
  } catch (error) {
    return { pageCount: 0, errors: [`Pagefind failed: ${(error as Error).message}`] };
  } finally {
    await pagefind.close();
  }
}

/**
 * Begins a search index from the pages a previous build left in `dir`
 * (Astro's cache of rendered pages), to be finished by `indexSite` once
 * this build's pages are written. Undefined when there is nothing to
 * begin from, too much to hold beside Astro (PREPARE_AT_MOST), or any of
 * it failed: `indexSite` then indexes every page, as without one.
 * `beforeStart` runs once there is something to index, before Pagefind's
 * process starts (scripts/build.ts lowers its priority there). Each
 * page is digested before and after Pagefind reads it, so a page Astro
 * writes again meanwhile is never taken for the one Pagefind read.
 */
export async function prepareIndex(dir: string, beforeStart?: () => void): Promise<PreparedIndex | undefined> {
  if (!existsSync(dir)) return undefined;
  try {
    const before = pagesWithSearchRegion(dir, true);
    if (before.pages.length === 0 || before.pages.length > PREPARE_AT_MOST) return undefined;
    beforeStart?.();
    const { index } = await pagefind.createIndex(INDEX_OPTIONS);
    if (!index) return undefined;
    const added = await addFromDisk(index, dir, before.pages).catch((error: Error) => ({ pageCount: 0, errors: [error.message] }));
    const after = pagesWithSearchRegion(dir, true);
    if (added.errors.length || added.pageCount !== before.pages.length || !samePaths(after.pages, before.pages)) {
      await index.deleteIndex();
      return undefined;
    }
    return { index, pages: before.pages, digests: before.digests.map((digest, i) => (digest === after.digests[i] ? digest : undefined)) };
  } catch {
    return undefined;
  }
}

/**
 * Brings a prepared index up to date with a site whose searchable pages
 * are `pages` (with their digests): hands over again each page that
 * differs from the one indexed, and returns how many were kept as they
 * were. Undefined when the pages are not the same ones, too many changed
 * for this to be the quicker way, or Pagefind refused a page (indexing
 * every page afresh then says why).
 */
async function finishPrepared(ready: PreparedIndex, siteDir: string, pages: string[], digests: string[]): Promise<number | undefined> {
  if (!samePaths(ready.pages, pages)) return undefined;
  const changed = pages.filter((_, i) => ready.digests[i] === undefined || ready.digests[i] !== digests[i]);
  if (changed.length > pages.length * REPLACE_AT_MOST) return undefined;
  // Sent as soon as read: each takes the place of its own page, so the order they arrive in does not matter.
  const added = await Promise.all(changed.map(async (sourcePath) => ready.index.addHTMLFile({ sourcePath, content: await readFile(path.join(siteDir, sourcePath), 'utf8') })));
  if (added.some((result) => result.errors.length)) return undefined;
  return pages.length - changed.length;
}

/**
 * Writes the index's files under `outDir`. A file the previous site's
 * index has byte for byte is linked to instead (a page's fragment is named
 * by a hash of its content, so a rebuild shares all but the changed pages'):
 * on this machine, creating a file costs 0.15 ms and a link 0.008 ms, and
 * Pagefind's own writer took 0.5 s of a rebuild for 1,033 new files.
 * Nothing writes into a built file afterwards (steps after this one only
 * read them; publishing renames), so the two sites never change each other.
 */
function writeIndexFiles(files: { path: string; content: Uint8Array }[], outDir: string, previousDir: string | undefined): void {
  const made = new Set<string>();
  for (const file of files) {
    const to = path.resolve(outDir, file.path);
    if (!to.startsWith(outDir + path.sep)) throw new Error(`Pagefind named a file outside its folder: ${file.path}`);
    const folder = path.dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    if (!previousDir || !linkSame(path.join(previousDir, file.path), to, file.content)) writeFileSync(to, file.content);
  }
}

/** Links `to` to `from` when `from` holds exactly `content`; false when it does not, or cannot be linked. */
function linkSame(from: string, to: string, content: Uint8Array): boolean {
  try {
    if (!readFileSync(from).equals(content)) return false;
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** Adds built pages (paths under `dir`, in path order) to an index, Pagefind reading them from disk. */
async function addFromDisk(index: pagefind.PagefindIndex, dir: string, pages: string[]): Promise<IndexResult> {
  const problems: string[] = [];
  let pageCount = 0;
  const named = pages.filter((page) => !GLOB_SYNTAX.test(page));
  for (let start = 0; start < named.length; start += PAGES_PER_CALL) {
    const chunk = named.slice(start, start + PAGES_PER_CALL);
    const added = await index.addDirectory({ path: dir, glob: chunk.length === 1 ? chunk[0] : `{${chunk.join(',')}}` });
    problems.push(...added.errors);
    pageCount += added.page_count;
  }
  for (const sourcePath of pages.filter((page) => GLOB_SYNTAX.test(page))) {
    const added = await index.addHTMLFile({ sourcePath, content: await readFile(path.join(dir, sourcePath), 'utf8') });
    problems.push(...added.errors);
    pageCount++;
  }
  return { pageCount, errors: problems };
}

function samePaths(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((page, i) => page === b[i]);
}

/**
 * Built pages ("articles/x/index.html") with a search region, sorted by
 * path, and the digest of each when asked for. Read synchronously (a
 * promise per file cost three times the CPU, and nothing else runs while
 * the build's last hook waits) into one reused buffer.
 */
function pagesWithSearchRegion(siteDir: string, withDigests: boolean): { pages: string[]; digests: string[] } {
  const pages: string[] = [];
  const digests: string[] = [];
  const files = readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  for (const page of files) {
    const bytes = readReused(path.join(siteDir, page));
    if (!bytes.includes(SEARCH_REGION)) continue;
    pages.push(page);
    if (withDigests) digests.push(createHash('sha256').update(bytes).digest('base64'));
  }
  return { pages, digests };
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
