import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Publishing a finished build so that the site in dist/ is never lost.
 *
 * Every build is kept whole in `.handrail/builds/<id>/`, and `dist` is a
 * symbolic link to the newest one. The swap writes a new link beside
 * `dist` and renames it over the old one: rename(2) replaces a link in a
 * single step, so at every instant `dist` is the old complete site or the
 * new one, whatever kills the build. The only two-step move is the first
 * one from a real `dist/` folder (older Handrail, or a fresh `--out`
 * folder); a build killed between its two renames is put right by the
 * next build's recovery step.
 */

/** The file every Handrail build carries, so `--out` can tell a previous build from someone's folder. */
export const BUILD_MARKER = '.handrail-build';

/** Where builds are kept, and the scratch folders of builds in progress. */
export interface PublishPaths {
  /** The project root. */
  root: string;
  /** `.handrail/` under the root. */
  scratchRoot: string;
}

/** A kind of folder `--out` must never replace or write into, with its path. */
export interface ProtectedFolder {
  name: string;
  path: string;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** Whether a folder is a finished Handrail build. */
export function isHandrailBuild(dir: string): boolean {
  try {
    return statSync(path.join(dir, BUILD_MARKER)).isFile();
  } catch {
    return false;
  }
}

/**
 * Why an output folder is refused, or undefined when it is safe: never the
 * project, content, public or source folders (nor one that holds them, nor
 * one inside them), and never a folder with someone else's files in it.
 * The default dist/ and folders under .handrail/ are the project's own.
 */
export function refuseOutput(outDir: string, paths: PublishPaths, protectedFolders: ProtectedFolder[]): string | undefined {
  const out = path.resolve(outDir);
  const real = realOrSelf(out);
  for (const folder of [{ name: 'the project folder', path: paths.root }, ...protectedFolders]) {
    for (const candidate of new Set([out, real])) {
      if (isInside(folder.path, candidate)) return `it is or contains ${folder.name} (${folder.path}), which the build would replace`;
      if (folder.path !== paths.root && isInside(candidate, folder.path)) return `it is inside ${folder.name} (${folder.path})`;
    }
  }
  if (isInside(out, path.join(paths.scratchRoot, 'builds'))) return 'it is inside .handrail/builds/, where finished builds are kept';
  let info;
  try {
    info = lstatSync(out);
  } catch {
    return undefined; // a new folder
  }
  if (info.isSymbolicLink()) {
    return existsSync(out) && isHandrailBuild(out) ? undefined : 'it is a link to something that is not a Handrail build';
  }
  if (!info.isDirectory()) return 'it is a file, not a folder';
  if (readdirSync(out).length === 0 || isHandrailBuild(out)) return undefined;
  if (out === path.join(paths.root, 'dist') || isInside(out, paths.scratchRoot)) return undefined;
  return `it is not empty and is not a previous Handrail build (it has no ${BUILD_MARKER} file)`;
}

/** Whether a process is still running (EPERM means it runs as someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const OWNED = /^(?:build|\.handrail-new|\.handrail-old)-(\d+)-\d+$/;

/** The pid in a scratch name like ".handrail-old-1234-1767000000000". */
function ownerOf(name: string): number | undefined {
  const match = OWNED.exec(name);
  return match ? Number(match[1]) : undefined;
}

/**
 * Puts right what a killed build left: if the output is missing, the
 * newest complete leftover (the new link, or the old folder moved aside)
 * becomes the output again. Then the scratch folders of builds whose
 * process is gone, and kept builds no output points at, are deleted.
 * Returns what it did, for the log.
 */
export async function recoverAndClean(outDir: string, paths: PublishPaths): Promise<string[]> {
  const done: string[] = [];
  const parent = path.dirname(outDir);
  const leftovers = existsSync(parent) ? (await readdir(parent)).filter((name) => /^\.handrail-(?:new|old)-/.test(name)) : [];
  const dead = (name: string) => {
    const pid = ownerOf(name);
    return pid !== undefined && pid !== process.pid && !isAlive(pid);
  };
  if (!lstatOrUndefined(outDir)) {
    // Newest first; a new link is newer than the old folder of the same build.
    // Marked builds first, then the newest; a new link is newer than the old folder of the same build.
    const rank = (name: string) => [isHandrailBuild(path.join(parent, name)) ? 0 : 1, -Number(name.split('-').pop()), name.includes('-new-') ? 0 : 1];
    const candidates = leftovers
      .filter((name) => dead(name) && existsSync(path.join(parent, name)) && statSync(path.join(parent, name)).isDirectory())
      .sort((a, b) => {
        const [x, y] = [rank(a), rank(b)];
        return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
      });
    if (candidates[0]) {
      await rename(path.join(parent, candidates[0]), outDir);
      done.push(`restored ${path.basename(outDir)}/ from ${candidates[0]}, left by a build that was stopped`);
    }
  }
  for (const name of leftovers) {
    if (!dead(name) || !lstatOrUndefined(path.join(parent, name))) continue;
    await rm(path.join(parent, name), { recursive: true, force: true });
    done.push(`removed ${name}`);
  }
  if (existsSync(paths.scratchRoot)) {
    for (const name of await readdir(paths.scratchRoot)) {
      if (name.startsWith('build-') && dead(name)) {
        await rm(path.join(paths.scratchRoot, name), { recursive: true, force: true });
        done.push(`removed .handrail/${name}`);
      }
    }
  }
  const builds = path.join(paths.scratchRoot, 'builds');
  if (existsSync(builds)) {
    for (const name of await readdir(builds)) {
      if (name.endsWith('.json.tmp') && !isAlive(Number(name.split('.')[0]!.split('-')[1]))) {
        await rm(path.join(builds, name), { force: true }); // a record a killed build never finished writing
        continue;
      }
      if (!name.endsWith('.json')) continue;
      const dir = path.join(builds, name.slice(0, -'.json'.length));
      let owner = { out: '', pid: 0 };
      try {
        owner = JSON.parse(await readFile(path.join(builds, name), 'utf8')) as typeof owner;
      } catch {
        // A record cut short by a killed build: the build it names was never published.
      }
      // Never the build this output shows, whatever its record says.
      const isLive =
        realOrSelf(outDir) === realOrSelf(dir) ||
        (owner.out !== '' && realOrSelf(owner.out) === realOrSelf(dir)) ||
        (owner.pid > 0 && owner.pid !== process.pid && isAlive(owner.pid));
      if (isLive) continue;
      await rm(dir, { recursive: true, force: true });
      await rm(path.join(builds, name), { force: true });
      done.push(`removed .handrail/builds/${path.basename(dir)}, which nothing is published from`);
    }
  }
  return done;
}

function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/** A test-only pause at a named step (HANDRAIL_TEST_PAUSE_AT), so a test can kill the build exactly there. */
export async function pauseFor(step: string): Promise<void> {
  if (process.env.HANDRAIL_TEST_PAUSE_AT !== step) return;
  console.log(`⏸ paused at ${step}`);
  await new Promise(() => setInterval(() => {}, 60_000));
}

/**
 * Publishes a finished build folder at `outDir`: marks it, keeps it in
 * .handrail/builds/, and swaps the link. Returns the folder it replaced, if
 * any, already deleted.
 */
export async function publishBuild(builtDir: string, outDir: string, paths: PublishPaths): Promise<void> {
  const id = `${Date.now()}-${process.pid}`;
  const builds = path.join(paths.scratchRoot, 'builds');
  const kept = path.join(builds, id);
  await mkdir(builds, { recursive: true });
  await writeFile(path.join(builtDir, BUILD_MARKER), `${JSON.stringify({ generator: 'Handrail', built: new Date().toISOString() })}\n`);
  // Who owns the build, for the next build's clean-up; kept outside the published folder.
  // Written whole and then renamed, so a build tidying up at the same moment never reads half a record.
  await writeFile(`${kept}.json.tmp`, JSON.stringify({ out: path.resolve(outDir), pid: process.pid }));
  await rename(`${kept}.json.tmp`, `${kept}.json`);
  await rename(builtDir, kept);
  await pauseFor('kept');

  const parent = path.dirname(outDir);
  await mkdir(parent, { recursive: true });
  // Relative when the output is in the project, so moving the project keeps dist working.
  const target = isInside(outDir, paths.root) ? path.relative(parent, kept) : kept;
  const stamp = `${process.pid}-${Date.now()}`;
  const link = path.join(parent, `.handrail-new-${stamp}`);
  await symlink(target, link, 'dir');
  await pauseFor('linked');

  const current = lstatOrUndefined(outDir);
  const previous = current?.isSymbolicLink() ? path.resolve(parent, readlinkSync(outDir)) : undefined;
  if (current && !current.isSymbolicLink()) {
    // A real folder cannot be replaced in one step: move it aside first.
    const old = path.join(parent, `.handrail-old-${stamp}`);
    await rename(outDir, old);
    await pauseFor('moved-aside');
    await rename(link, outDir);
    await rm(old, { recursive: true, force: true });
  } else {
    await rename(link, outDir);
  }
  await pauseFor('swapped');
  if (previous && isInside(previous, builds) && realOrSelf(outDir) !== realOrSelf(previous)) {
    await rm(previous, { recursive: true, force: true });
    await rm(`${previous}.json`, { force: true });
  }
}
