import { Worker } from 'node:worker_threads';
import type { ContentPaths } from './files.ts';

/**
 * Reading articles on more than one core. Parsing each article's Markdown is
 * most of a cold check (3 s of 4 at 1,000 articles, 28 s at 10,000), and the
 * build waits for it with nothing else to do. The check's own thread reads
 * the articles from the first on, as it always has; worker threads
 * (src/node/check/article-worker.ts) read them from the last back, and the
 * two meet wherever they meet: each article is read exactly once, by
 * whichever side claims it first, and a worker that is slow to start simply
 * reads fewer.
 *
 * What a worker finds is what the check's thread would have found (the same
 * code, on the same file's bytes); it comes back in the form the check's
 * cache keeps (src/node/check/article-cache.ts), keyed by the file's bytes
 * as the worker read them, so a file changed in between is read again.
 */

/** A file to read: an original article, or a translation of the original named (as reported). */
export interface ReadJob {
  absolute: string;
  originalFile?: string;
}

/** What a worker found in one file: the cache's key for the bytes it read, and the cache's entry. */
export interface WorkerRead<Entry> {
  key: string;
  entry: Entry;
}

/** A worker's message: the file at `index` of the shared list, read (or unreadable: no result). */
export interface WorkerMessage<Entry> {
  index: number;
  result?: WorkerRead<Entry>;
}

/** What each worker is started with. */
export interface WorkerData {
  paths: ContentPaths;
  jobs: ReadJob[];
  /** [lock, next index the check's thread may take, first index the workers have taken]. */
  claims: Int32Array;
}

const LOCK = 0;
const FRONT = 1;
const BACK = 2;

/** Runs `update` on the claims with the lock held (a few instructions: a spin is enough). */
function withLock<T>(claims: Int32Array, update: () => T): T {
  while (Atomics.compareExchange(claims, LOCK, 0, 1) !== 0);
  try {
    return update();
  } finally {
    Atomics.store(claims, LOCK, 0);
  }
}

/** A worker's next file, from the back: its index, or -1 when the check's thread has reached every other. */
export function claimFromBack(claims: Int32Array): number {
  return withLock(claims, () => {
    const index = Atomics.load(claims, BACK) - 1;
    if (index < Atomics.load(claims, FRONT)) return -1;
    Atomics.store(claims, BACK, index);
    return index;
  });
}

/**
 * Files read by workers while the check's thread reads from the front. Ask
 * {@link take} for each file in the list's order: either the check's thread
 * reads it (undefined) or a worker has (its result, once it is there).
 */
export class ParallelReads<Entry> {
  readonly #files: Map<string, number>;
  readonly #claims: Int32Array;
  readonly #results = new Map<number, WorkerRead<Entry> | undefined>();
  readonly #waiting = new Map<number, (read: WorkerRead<Entry> | undefined) => void>();
  readonly #workers: Worker[] = [];
  #failed = false;

  /** Starts `workers` threads over `jobs` (in the order the check reads them). */
  constructor(paths: ContentPaths, jobs: ReadJob[], workers: number) {
    this.#files = new Map(jobs.map((job, index) => [job.absolute, index]));
    this.#claims = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
    this.#claims[BACK] = jobs.length;
    const workerData: WorkerData = { paths, jobs, claims: this.#claims };
    for (let n = 0; n < workers; n++) {
      const worker = new Worker(new URL('./article-worker.ts', import.meta.url), { workerData });
      worker.on('message', (message: WorkerMessage<Entry>) => this.#settle(message.index, message.result));
      // A worker that cannot run (it could not load, it ran out of memory) leaves its claimed files to the check's thread.
      worker.on('error', () => this.#fail());
      worker.on('exit', (code) => code !== 0 && this.#fail());
      this.#workers.push(worker);
    }
  }

  /**
   * The check's thread reaches `file`: undefined when it is to read the file
   * itself (it is not in the list, the workers have not reached it, or a
   * worker failed), or the worker's result for it.
   */
  async take(file: string): Promise<WorkerRead<Entry> | undefined> {
    const index = this.#files.get(file);
    if (index === undefined || this.#failed) return undefined;
    const mine = withLock(this.#claims, () => {
      if (index >= Atomics.load(this.#claims, BACK)) return false;
      Atomics.store(this.#claims, FRONT, index + 1);
      return true;
    });
    if (mine) return undefined;
    if (this.#results.has(index)) return this.#results.get(index);
    return new Promise((resolve) => this.#waiting.set(index, resolve));
  }

  /** Resolves once every worker has stopped: the two sides met, or it failed. */
  async settled(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => new Promise((resolve) => (worker.threadId === -1 ? resolve(undefined) : worker.once('exit', resolve)))));
  }

  /** Stops the workers (they stop on their own once the two sides meet; this is for a check that ended early). */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #settle(index: number, result: WorkerRead<Entry> | undefined): void {
    this.#results.set(index, result);
    this.#waiting.get(index)?.(result);
    this.#waiting.delete(index);
  }

  #fail(): void {
    this.#failed = true;
    // What was claimed and never came back is read by the check's thread.
    for (const resolve of this.#waiting.values()) resolve(undefined);
    this.#waiting.clear();
  }
}
