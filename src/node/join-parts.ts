import { constants, existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PART_RECORD, type PartRecord } from './integration/build-records.ts';
import { BUILD_MARKER } from './publish.ts';

/**
 * Joins the parts of a split build (`scripts/build.ts --part <code>
 * --no-finish`, one CI job each) into one site folder, before the steps
 * that run once over the whole site (src/node/integration/finish.ts).
 * Parts never write the same page: only files every part has alike
 * (content-named `_astro/` assets, the `public/` files) may meet, and then
 * they must be the same bytes. Anything else means the parts do not
 * belong together, and the join stops with the file and the fix.
 */

/** A reason the parts cannot be joined, worded for the person running the build. */
export class JoinError extends Error {
  override name = 'JoinError';
}

/** A part's record and where it was found. */
export interface FoundPart {
  record: PartRecord;
  /** The folder it came from, as given. */
  dir: string;
  /** The record file. */
  file: string;
}

/** What joining did. */
export interface JoinResult {
  /** The parts, the default language's first. */
  parts: FoundPart[];
  /** The part holding the pages the site has once: its record carries what the finish needs. */
  sitePart: FoundPart;
  /** Files in the joined site. */
  files: number;
  /** Paths more than one part held, with the same bytes (assets and public files). */
  shared: number;
  /** Every page's address, as Astro lists them: the finish's `_redirects` check uses them. */
  pages: Set<string>;
}

function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

function isRecord(value: unknown): value is PartRecord {
  const record = value as PartRecord | null;
  return (
    !!record &&
    record.generator === 'Handrail' &&
    typeof record.part === 'string' &&
    Array.isArray(record.languages) &&
    Array.isArray(record.pages) &&
    typeof record.finish?.base === 'string' &&
    Array.isArray(record.finish.languages)
  );
}

/** The part records in the given folders, checked to make one whole site: each declared language once, built alike. */
export async function readParts(dirs: readonly string[]): Promise<FoundPart[]> {
  if (dirs.length === 0) throw new JoinError('--finish needs the folders of the parts to join, e.g. `npm run build -- --finish parts/*`.');
  const found: FoundPart[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new JoinError(`${shown(dir)} is not a folder. Give --finish the folders the parts were built into (--out) or downloaded into.`);
    const names = (await readdir(dir)).filter((name) => PART_RECORD.test(name)).sort();
    if (names.length === 0) {
      throw new JoinError(`${shown(dir)} holds no part: it has no handrail-part-<language>.json. Build each part with \`npm run build -- --part <language> --no-finish --out <folder>\` and give --finish those folders.`);
    }
    for (const name of names) {
      const file = path.join(dir, name);
      let record: unknown;
      try {
        record = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        throw new JoinError(`${shown(file)} could not be read as a part's record (${(error as Error).message}). Build that part again.`);
      }
      if (!isRecord(record) || name !== `handrail-part-${record.part}.json`) throw new JoinError(`${shown(file)} is not a part's record as this version of Handrail writes it. Build that part again.`);
      const twice = found.find((other) => other.record.part === record.part);
      if (twice) throw new JoinError(`The part ${record.part} is there twice: ${shown(twice.file)} and ${shown(file)}. Give each part's folder once.`);
      found.push({ record, dir, file });
    }
  }
  const first = found[0]!;
  for (const other of found.slice(1)) {
    const same = (a: PartRecord, b: PartRecord) => a.languages.join() === b.languages.join() && a.finish.base === b.finish.base;
    if (!same(first.record, other.record)) {
      const describe = ({ record, file }: FoundPart) => `${shown(file)}: languages ${record.languages.join(', ')}, base path ${record.finish.base}`;
      throw new JoinError(`The parts were built from different settings:\n  ${describe(first)}\n  ${describe(other)}\nBuild every part from the same commit and settings.`);
    }
  }
  const declared = first.record.languages;
  const given = new Set(found.map(({ record }) => record.part));
  const missing = declared.filter((code) => !given.has(code));
  if (missing.length) {
    const list = missing.join(', ');
    throw new JoinError(
      `The ${missing.length === 1 ? `part ${list} is` : `parts ${list} are`} missing: content/site.yaml declares ${declared.join(', ')}, and --finish was given ${[...given].join(', ')}. ` +
        `Build ${missing.length === 1 ? 'it' : 'each'} with \`npm run build -- --part ${missing[0]} --no-finish --out <folder>\` and give --finish ${missing.length === 1 ? 'its folder' : 'their folders'} too.`,
    );
  }
  const undeclared = found.find(({ record }) => !declared.includes(record.part));
  if (undeclared) throw new JoinError(`${shown(undeclared.file)} is the part ${undeclared.record.part}, which content/site.yaml does not declare (${declared.join(', ')}). Leave it out.`);
  const owner = new Map<string, FoundPart>();
  for (const part of found) {
    for (const page of part.record.pages) {
      const other = owner.get(page);
      if (other) throw new JoinError(`The parts ${other.record.part} and ${part.record.part} both built the page /${page}: a page belongs to one part. Build every part with the same version of Handrail.`);
      owner.set(page, part);
    }
  }
  return found.sort((a, b) => declared.indexOf(a.record.part) - declared.indexOf(b.record.part));
}

/** Files under a folder, relative, with "/" separators, sorted. */
export async function siteFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Whether two files hold the same bytes. */
async function sameBytes(a: string, b: string): Promise<boolean> {
  if (statSync(a).size !== statSync(b).size) return false;
  return (await readFile(a)).equals(await readFile(b));
}

/**
 * Copies the parts into `into` (a new or empty folder): every file once,
 * without the parts' records and build markers. Refuses, naming the file,
 * when two parts hold different bytes at the same path.
 */
export async function joinParts(dirs: readonly string[], into: string): Promise<JoinResult> {
  const parts = await readParts(dirs);
  const sitePart = parts.find(({ record }) => record.sitePages);
  if (!sitePart) throw new JoinError(`No part holds the pages the site has once (sitemap, 404 page, icons): the default language's part, ${parts[0]!.record.languages[0]}, should. Build it again.`);
  await mkdir(into, { recursive: true });
  /** Which folder each joined path came from. */
  const from = new Map<string, string>();
  let shared = 0;
  for (const dir of new Set(parts.map((part) => part.dir))) {
    const files = (await siteFiles(dir)).filter((name) => name !== BUILD_MARKER && !PART_RECORD.test(name));
    const made = new Set<string>();
    const copies: Promise<void>[] = [];
    for (const name of files) {
      const source = path.join(dir, ...name.split('/'));
      const target = path.join(into, ...name.split('/'));
      const earlier = from.get(name);
      if (earlier !== undefined) {
        if (!(await sameBytes(path.join(earlier, ...name.split('/')), source))) {
          throw new JoinError(
            `Two parts hold different files at ${name}: ${shown(path.join(earlier, name))} and ${shown(source)}. ` +
              'Only files every part makes alike (assets named by their content, public/ files) may be in two parts: build every part from the same commit, with the same dependencies (package-lock.json) and settings.',
          );
        }
        shared++;
        continue;
      }
      from.set(name, dir);
      const folder = path.dirname(target);
      if (!made.has(folder)) {
        await mkdir(folder, { recursive: true });
        made.add(folder);
      }
      copies.push(copyFile(source, target, constants.COPYFILE_FICLONE));
      if (copies.length >= 64) await Promise.all(copies.splice(0));
    }
    await Promise.all(copies);
  }
  const pages = new Set(parts.flatMap(({ record }) => record.pages));
  return { parts, sitePart, files: from.size, shared, pages };
}
