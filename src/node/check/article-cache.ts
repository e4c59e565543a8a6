import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Problem } from '../../shared/problems.ts';
import { readArticle, type CheckedArticle, type CheckedArticleFile } from './articles.ts';
import { checkComponents } from './components.ts';
import { readContentBytes } from './file-safety.ts';
import { relative, type ContentPaths } from './files.ts';
import { projectRoot } from '../project-paths.ts';
import { readTranslationFile } from './languages.ts';
import { checkMdComponents } from './md-components.ts';
import { ParallelReads, type ReadJob } from './parallel-read.ts';
import { extraThreads } from '../threads.ts';

/**
 * What reading one original article found that depends on that file alone:
 * the problems of its name, encoding, front matter and body, and what the
 * rules across files need (front matter, headings, links). Stored without
 * the syntax tree, and with the front matter's lines as a table, so it can
 * be written to disk.
 */
interface CachedArticle {
  /** Problems found while reading the file, in the order they were found. */
  problems: Problem[];
  /** Problems with its writer components, reported where the check reaches the article. */
  bodyProblems: Problem[];
  article?: StoredArticle;
}

/** An original's or a translation's file as stored. */
type StoredArticle = Omit<CheckedArticleFile<unknown>, 'lineOf' | 'scan'> & { scan?: Omit<NonNullable<CheckedArticle['scan']>, 'tree'>; lines: Array<[string, number | undefined]> };

/** One original article, read: undefined when it cannot be published, with its component problems. */
export interface ReadOriginal {
  article?: CheckedArticle;
  bodyProblems: Problem[];
}

/** Folders and files whose change can change what reading an article finds. */
const CHECKER_INPUTS = ['src/node/check', 'src/node/markdown', 'src/schemas', 'src/shared', 'package-lock.json'];
/** How deep the front matter's line table goes: rules ask for fields and list items (["related", 2]). */
const LINE_TABLE_DEPTH = 3;
/** Fewer unread articles than this are read on the check's thread alone: a worker takes 0.3 s to start. */
const WORKERS_FROM = 200;

/** How the cache reads the articles it does not hold. */
export interface ReadOptions {
  /** Worker threads to read with besides the check's own (default: one per further core, at most three). */
  workers?: number;
  /** The fewest unread articles worth starting workers for (default 200). */
  workersFrom?: number;
  /** Let the workers read every article before the check's thread starts (tests: each then comes from a worker). */
  workersFirst?: boolean;
}

/**
 * The per-file half of the content check, kept between runs by each file's
 * digest. A pull request preview changes a few articles of thousands;
 * parsing every article's front matter and Markdown again was most of the
 * check's time (4 s at 1,000 articles, 24 s at 10,000). The rules across
 * files (duplicate names and titles, related articles, links, redirects,
 * categories, old addresses) are never cached: they run on every check, from
 * each article's facts, so a file that changed is checked against every
 * other one, and a link to a removed article is found even when only the
 * removed article changed.
 *
 * Entries are keyed by the file's path and bytes; the whole cache is
 * dropped when the checker's own code, the packages, site.yaml or Node
 * change. Only entries used by the last check are written back.
 */
export class ArticleCheckCache {
  readonly #file: string | undefined;
  readonly #salt: string;
  readonly #previous: Map<string, CachedArticle>;
  readonly #used = new Map<string, CachedArticle>();
  /** Files read from the cache and read afresh in this check (of which by worker threads), for the build's log and tests. */
  readonly counts = { reused: 0, read: 0, inWorkers: 0 };

  readonly #options: ReadOptions;
  /** The key of each file's bytes as {@link readInParallel} found them, so they are not read twice. */
  readonly #keys = new Map<string, string>();
  #parallel?: ParallelReads<CachedArticle>;

  private constructor(file: string | undefined, salt: string, previous: Map<string, CachedArticle>, options: ReadOptions) {
    this.#file = file;
    this.#salt = salt;
    this.#previous = previous;
    this.#options = options;
  }

  /** A cache for one check, kept nowhere: what `npm run check` uses, for its reading in parallel. */
  static forOneCheck(options: ReadOptions = {}): ArticleCheckCache {
    return new ArticleCheckCache(undefined, '', new Map(), options);
  }

  /** Opens the cache kept in `file` (none yet, unreadable or from other code: an empty one). */
  static async open(file: string, paths: ContentPaths, options: ReadOptions = {}): Promise<ArticleCheckCache> {
    const salt = checkerDigest(paths);
    let previous = new Map<string, CachedArticle>();
    if (existsSync(file)) {
      try {
        const stored = deserialize(await readFile(file)) as { salt: string; entries: Map<string, CachedArticle> };
        if (stored.salt === salt && stored.entries instanceof Map) previous = stored.entries;
      } catch {
        // Written by another Node version, or cut short: start afresh.
      }
    }
    return new ArticleCheckCache(file, salt, previous, options);
  }

  /**
   * Starts reading, in worker threads, the articles among `jobs` (absolute
   * paths, with the original's file for a translation, in the order
   * {@link read} or {@link readTranslation} will be asked for them) that the
   * cache does not hold, when there are enough of them to be worth it
   * (src/node/check/parallel-read.ts). Each file is then taken from the
   * workers or read on this thread; {@link close} stops them.
   */
  async readInParallel(paths: ContentPaths, jobs: readonly ReadJob[]): Promise<void> {
    const unread: ReadJob[] = [];
    for (const job of jobs) {
      const bytes = await readContentBytes(paths, job.absolute);
      if (!bytes) continue;
      const key = entryKey(paths, job.absolute, kindOf(job), bytes);
      this.#keys.set(job.absolute, key);
      if (!this.#previous.has(key)) unread.push(job);
    }
    const workers = this.#options.workers ?? extraThreads();
    if (workers < 1 || unread.length < (this.#options.workersFrom ?? WORKERS_FROM)) return;
    this.#parallel = new ParallelReads(paths, unread, workers);
    if (this.#options.workersFirst) await this.#parallel.settled();
  }

  /** Stops the workers of {@link readInParallel}, if any are still running. */
  async close(): Promise<void> {
    await this.#parallel?.close();
    this.#parallel = undefined;
  }

  /**
   * Reads one original article, from the cache when its bytes are unchanged;
   * pushes its problems onto `problems` either way.
   */
  async read(paths: ContentPaths, absolute: string, problems: Problem[]): Promise<ReadOriginal> {
    return this.#read(paths, absolute, problems, kindOf({ absolute }), (own, bytes) => readOriginalArticle(paths, absolute, own, bytes), () => readOriginalArticle(paths, absolute, problems));
  }

  /**
   * Reads one translated article with `read` (given the problems to push
   * onto and the file's bytes), from the cache when its bytes and the name
   * of its original (which its messages quote) are unchanged.
   */
  async readTranslation<T>(
    paths: ContentPaths,
    absolute: string,
    problems: Problem[],
    originalFile: string,
    read: (problems: Problem[], bytes?: Buffer) => Promise<CheckedArticleFile<T> | undefined>,
  ): Promise<CheckedArticleFile<T> | undefined> {
    const wrap = async (own: Problem[], bytes?: Buffer) => ({ article: await read(own, bytes), bodyProblems: [] });
    return (await this.#read(paths, absolute, problems, kindOf({ absolute, originalFile }), wrap, () => wrap(problems))).article;
  }

  async #read<T>(
    paths: ContentPaths,
    absolute: string,
    problems: Problem[],
    kind: string,
    fresh: (problems: Problem[], bytes: Buffer) => Promise<{ article?: CheckedArticleFile<T>; bodyProblems: Problem[] }>,
    unreadable: () => Promise<{ article?: CheckedArticleFile<T>; bodyProblems: Problem[] }>,
  ): Promise<{ article?: CheckedArticleFile<T>; bodyProblems: Problem[] }> {
    const fromWorker = await this.#parallel?.take(absolute);
    if (fromWorker && fromWorker.key === this.#keys.get(absolute)) {
      // Read by a worker thread: the same as reading it here, in the form the cache keeps.
      this.#used.set(fromWorker.key, fromWorker.entry);
      this.counts.read++;
      this.counts.inWorkers++;
      return reuse(fromWorker.entry, problems);
    }
    // A key found before (by readInParallel) is of this kind: the same file is always read as the same kind in one check.
    let key = fromWorker ? undefined : this.#keys.get(absolute);
    const hit = key !== undefined && (this.#used.get(key) ?? this.#previous.get(key));
    if (hit) {
      this.#used.set(key!, hit);
      this.counts.reused++;
      return reuse(hit, problems);
    }
    const bytes = await readContentBytes(paths, absolute);
    // A file that may not be read (a link, too large) is said nothing of here: the safety check reports it.
    if (!bytes) return unreadable();
    key = entryKey(paths, absolute, kind, bytes);
    const cached = this.#used.get(key) ?? this.#previous.get(key);
    if (cached) {
      this.#used.set(key, cached);
      this.counts.reused++;
      return reuse(cached, problems);
    }
    const own: Problem[] = [];
    const read = await fresh(own, bytes);
    this.#used.set(key, { problems: own, bodyProblems: read.bodyProblems, article: read.article && store(read.article) });
    this.counts.read++;
    problems.push(...own);
    return read;
  }

  /** Writes the entries this check used (a file removed or changed leaves its old entry behind). */
  async save(): Promise<void> {
    if (this.#file === undefined) return;
    await mkdir(path.dirname(this.#file), { recursive: true });
    // Written beside and renamed, so a build stopped half-way never leaves half a cache.
    const scratch = `${this.#file}.${process.pid}`;
    await writeFile(scratch, serialize({ salt: this.#salt, entries: this.#used }));
    await rename(scratch, this.#file);
  }
}

/** The cache's key of one file: what kind of article it is, its path and its bytes. */
function entryKey(paths: ContentPaths, absolute: string, kind: string, bytes: Buffer): string {
  return createHash('sha256').update(kind).update('\0').update(relative(paths, absolute)).update('\0').update(bytes).digest('base64url');
}

/** Pushes a kept entry's problems and gives back its article, as reading the file did. */
function reuse<T>(entry: CachedArticle, problems: Problem[]): { article?: CheckedArticleFile<T>; bodyProblems: Problem[] } {
  problems.push(...entry.problems);
  return { article: entry.article && (revive(entry.article) as CheckedArticleFile<T>), bodyProblems: entry.bodyProblems };
}

/** What a file is read as, which its key includes: an original, or the translation of the file named (its messages quote it). */
function kindOf(job: ReadJob): string {
  return job.originalFile === undefined ? 'original' : `translation of ${job.originalFile}`;
}

/**
 * Reads one article afresh (an original, or a translation of
 * `job.originalFile`) into the form the cache keeps, with the key of the
 * bytes it read; undefined for a file that may not be read. What a worker
 * thread of the check does for each file (src/node/check/article-worker.ts).
 */
export async function readFresh(paths: ContentPaths, job: ReadJob): Promise<{ key: string; entry: CachedArticle } | undefined> {
  const bytes = await readContentBytes(paths, job.absolute);
  if (!bytes) return undefined;
  const own: Problem[] = [];
  const read =
    job.originalFile === undefined
      ? await readOriginalArticle(paths, job.absolute, own, bytes)
      : { article: await readTranslationFile(paths, job.absolute, job.originalFile, own, bytes), bodyProblems: [] };
  return { key: entryKey(paths, job.absolute, kindOf(job), bytes), entry: { problems: own, bodyProblems: read.bodyProblems, article: read.article && store(read.article) } };
}

/** Reads one original article afresh, and checks its writer components. */
export async function readOriginalArticle(paths: ContentPaths, absolute: string, problems: Problem[], bytes?: Buffer): Promise<ReadOriginal> {
  const article = await readArticle(paths, absolute, problems, bytes);
  const bodyProblems: Problem[] = [];
  if (article) {
    checkComponents(article, bodyProblems);
    checkMdComponents(article, bodyProblems);
  }
  return { article, bodyProblems };
}

/** An article as stored: its scan without the tree, its front matter's lines as a table. */
function store(article: CheckedArticleFile<unknown>): StoredArticle {
  const { lineOf, scan, ...rest } = article;
  const lines: Array<[string, number | undefined]> = [];
  const walk = (value: unknown, at: PropertyKey[]): void => {
    lines.push([JSON.stringify(at), lineOf(at)]);
    if (at.length >= LINE_TABLE_DEPTH || value === null || typeof value !== 'object' || value instanceof Date) return;
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...at, index]));
    else for (const [key, item] of Object.entries(value)) walk(item, [...at, key]);
  };
  walk(article.data, []);
  return { ...rest, scan: scan && { headingIds: scan.headingIds, headings: scan.headings, references: scan.references }, lines };
}

/**
 * An article from its stored form. `lineOf` answers as the parsed front
 * matter did: a path that is not in the table gets its nearest parent's line.
 */
function revive(stored: StoredArticle): CheckedArticleFile<unknown> {
  const { lines, ...rest } = stored;
  const table = new Map(lines);
  const lineOf = (at: ReadonlyArray<PropertyKey>): number | undefined => {
    for (let length = at.length; length >= 0; length--) {
      const key = JSON.stringify(at.slice(0, length));
      if (table.has(key)) return table.get(key);
    }
    return undefined;
  };
  return { ...rest, lineOf };
}

/** A digest of what the per-file checks are: their code, the packages, site.yaml, and Node (which writes the cache). */
function checkerDigest(paths: ContentPaths): string {
  const hash = createHash('sha256').update(process.version);
  const files: string[] = [];
  for (const input of CHECKER_INPUTS) {
    const full = path.join(projectRoot, input);
    if (!existsSync(full)) continue;
    if (input.includes('.')) files.push(full);
    else files.push(...readdirSync(full, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort());
  }
  files.push(path.join(paths.contentDir, 'site.yaml'));
  for (const file of files) {
    hash.update(path.relative(projectRoot, file)).update('\0');
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('base64url');
}
