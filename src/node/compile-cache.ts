import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Node's cache of compiled code (NODE_COMPILE_CACHE), which `npm run build`
 * keeps under .handrail/cache/node-compile: it saves about 0.2 s of each
 * process's start. Node never removes an entry, and it keys each by the
 * module's path. Every build loads the pages' code Astro bundles into that
 * build's own scratch folder, a new path each time, so every build added
 * entries no later build could use: 49 files and 9 MB a build at 1,000
 * articles (most of it the module that held the content store, which the
 * page code now reads from its file: src/node/integration/content-store-module.ts;
 * about 0.55 MB a build since), and 647 MB after a day of benchmarks.
 * `trimCompileCache` keeps the folder within a limit.
 */

/** The folder's limit in megabytes, unless HANDRAIL_COMPILE_CACHE_MB says otherwise. */
export const COMPILE_CACHE_LIMIT_MB = 64;

/** The limit in bytes: HANDRAIL_COMPILE_CACHE_MB (a positive number of megabytes), else the default. */
export function compileCacheLimit(value = process.env.HANDRAIL_COMPILE_CACHE_MB): number {
  const megabytes = Number(value);
  return (value && Number.isFinite(megabytes) && megabytes > 0 ? megabytes : COMPILE_CACHE_LIMIT_MB) * 1024 * 1024;
}

/** What a trim removed. */
export interface Trimmed {
  files: number;
  bytes: number;
  /** The folder's size before. */
  before: number;
}

/**
 * Once the cache folder holds more than `limit` bytes, removes the entries
 * no build has read since they were written: an entry is read only when a
 * module is loaded from the same path again, which never happens to a
 * scratch folder's. (Reading an entry moves its access time past its
 * write time, even on a file system mounted `relatime`, as most are.)
 * Should that not bring it under the limit, the entries read longest ago
 * go too, until it holds half. Where no entry looks read (a file system
 * mounted `noatime`; Windows), reads are not recorded, and only that
 * second rule applies. Returns what was removed, or undefined when
 * nothing was.
 *
 * A build calls it while Astro runs: a running build that finds an entry
 * gone compiles that module again, which is all a cache miss costs.
 */
export async function trimCompileCache(dir: string, limit = compileCacheLimit()): Promise<Trimmed | undefined> {
  let names;
  try {
    names = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return undefined;
  }
  const entries = (
    await Promise.all(
      names
        .filter((entry) => entry.isFile())
        .map(async (entry) => {
          const file = path.join(entry.parentPath, entry.name);
          // An entry another build removed, or renamed into place, meanwhile.
          const stats = await stat(file).catch(() => undefined);
          return stats && { file, size: stats.size, lastRead: stats.atimeMs, written: stats.mtimeMs, read: stats.atimeMs > stats.mtimeMs };
        }),
    )
  ).filter((entry) => entry !== undefined);
  const before = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (before <= limit) return undefined;
  const readsRecorded = entries.some((entry) => entry.read);
  const doomed = readsRecorded ? entries.filter((entry) => !entry.read) : [];
  let left = before - doomed.reduce((sum, entry) => sum + entry.size, 0);
  if (left > limit) {
    const kept = (readsRecorded ? entries.filter((entry) => entry.read) : entries).sort((a, b) => a.lastRead - b.lastRead || a.written - b.written);
    for (const entry of kept) {
      if (left <= limit / 2) break;
      doomed.push(entry);
      left -= entry.size;
    }
  }
  await Promise.all(doomed.map((entry) => rm(entry.file, { force: true })));
  return { files: doomed.length, bytes: before - left, before };
}
