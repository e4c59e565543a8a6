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
import { checkMdComponents } from './md-components.ts';

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
  readonly #file: string;
  readonly #salt: string;
  readonly #previous: Map<string, CachedArticle>;
  readonly #used = new Map<string, CachedArticle>();
  /** Files read from the cache and read afresh in this check, for the build's log and tests. */
  readonly counts = { reused: 0, read: 0 };

  private constructor(file: string, salt: string, previous: Map<string, CachedArticle>) {
    this.#file = file;
    this.#salt = salt;
    this.#previous = previous;
  }

  /** Opens the cache kept in `file` (none yet, unreadable or from other code: an empty one). */
  static async open(file: string, paths: ContentPaths): Promise<ArticleCheckCache> {
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
    return new ArticleCheckCache(file, salt, previous);
  }

  /**
   * Reads one original article, from the cache when its bytes are unchanged;
   * pushes its problems onto `problems` either way.
   */
  async read(paths: ContentPaths, absolute: string, problems: Problem[]): Promise<ReadOriginal> {
    return this.#read(paths, absolute, problems, 'original', (own, bytes) => readOriginalArticle(paths, absolute, own, bytes), () => readOriginalArticle(paths, absolute, problems));
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
    return (await this.#read(paths, absolute, problems, `translation of ${originalFile}`, wrap, () => wrap(problems))).article;
  }

  async #read<T>(
    paths: ContentPaths,
    absolute: string,
    problems: Problem[],
    kind: string,
    fresh: (problems: Problem[], bytes: Buffer) => Promise<{ article?: CheckedArticleFile<T>; bodyProblems: Problem[] }>,
    unreadable: () => Promise<{ article?: CheckedArticleFile<T>; bodyProblems: Problem[] }>,
  ): Promise<{ article?: CheckedArticleFile<T>; bodyProblems: Problem[] }> {
    const bytes = await readContentBytes(paths, absolute);
    // A file that may not be read (a link, too large) is said nothing of here: the safety check reports it.
    if (!bytes) return unreadable();
    const key = createHash('sha256').update(kind).update('\0').update(relative(paths, absolute)).update('\0').update(bytes).digest('base64url');
    const hit = this.#used.get(key) ?? this.#previous.get(key);
    if (hit) {
      this.#used.set(key, hit);
      this.counts.reused++;
      problems.push(...hit.problems);
      return { article: hit.article && (revive(hit.article) as CheckedArticleFile<T>), bodyProblems: hit.bodyProblems };
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
    await mkdir(path.dirname(this.#file), { recursive: true });
    // Written beside and renamed, so a build stopped half-way never leaves half a cache.
    const scratch = `${this.#file}.${process.pid}`;
    await writeFile(scratch, serialize({ salt: this.#salt, entries: this.#used }));
    await rename(scratch, this.#file);
  }
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
