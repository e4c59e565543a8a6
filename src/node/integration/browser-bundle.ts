import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version as viteVersion, type Plugin, type Rolldown } from 'vite';
import { astroCacheDir, projectRoot } from '../project-paths.ts';

/** What a kept bundle was made from: every file the bundler took in, with its digest. */
interface KeptBundle {
  inputs: [file: string, digest: string][];
  code: string;
}

/** Files besides the bundled modules whose change can change a bundle: how TypeScript is read, the packages installed. */
const SETTINGS_FILES = ['tsconfig.json', 'node_modules/.package-lock.json', 'package-lock.json'];

const digestOf = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('base64url');

/**
 * Records every file the bundler reads, with its digest taken as it is
 * read: tree-shaking drops modules whose code the bundle does not keep
 * (a module of constants, inlined) from the chunk's own list, but a change
 * to them still changes the bundle.
 */
function inputsRecorder(inputs: Map<string, string>): Plugin {
  return {
    name: 'handrail:bundle-inputs',
    enforce: 'pre',
    transform(_code, id) {
      if (path.isAbsolute(id) && existsSync(id)) inputs.set(path.relative(projectRoot, id), fileDigest(id));
      return null;
    },
  };
}

/** A file's digest, or "absent" for a file that is not there. */
function fileDigest(file: string): string {
  try {
    return digestOf(readFileSync(path.resolve(projectRoot, file)));
  } catch {
    return 'absent';
  }
}

/**
 * Bundles one file of src/browser/ into a single classic script (an IIFE)
 * with Vite — the same bundler Astro uses for every other script — for the
 * two scripts that cannot be page modules: the one inlined in <head> before
 * first paint, and the service worker. `define` replaces build-time constants.
 *
 * The bundle is kept in Astro's cache folder with the digest of every file
 * that went into it (each module as the bundler read it, tree-shaken or
 * not; tsconfig.json and the installed packages' lock) and reused while
 * none has changed: each bundle took 0.1–0.25 s of every build, a
 * rebuild's included, for the same bytes.
 */
export async function bundleBrowserScript(entry: string, define: Record<string, string> = {}): Promise<string> {
  const keptFile = keptBundleFile(entry, define);
  const kept = keptFile ? await readKept(keptFile) : undefined;
  if (kept && kept.inputs.every(([file, digest]) => fileDigest(file) === digest)) return kept.code;

  const read = new Map<string, string>();
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: projectRoot,
    define,
    plugins: [inputsRecorder(read)],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: path.join(projectRoot, entry), formats: ['iife'], name: 'handrail' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk) throw new Error(`Bundling ${entry} produced no script.`);
  const code = chunk.code.trim();
  // Modules the bundler made up itself ("\0…") change only with its version, which is in the key.
  const inputs: [string, string][] = [...read, ...SETTINGS_FILES.map((file): [string, string] => [file, fileDigest(file)])];
  if (keptFile) await keep(keptFile, { inputs, code });
  return code;
}

/**
 * Where the bundle of `entry` with `define` is kept: one file per entry and
 * constants, for this bundler and these settings (this module's own source);
 * undefined, and nothing is kept, when that source cannot be read.
 */
export function keptBundleFile(entry: string, define: Record<string, string> = {}): string | undefined {
  let settings: string;
  try {
    settings = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
  const key = digestOf(JSON.stringify([entry, Object.entries(define).sort(), viteVersion, settings])).slice(0, 22);
  return path.join(path.resolve(projectRoot, astroCacheDir()), 'handrail-bundles', `${key}.json`);
}

async function readKept(file: string): Promise<KeptBundle | undefined> {
  try {
    const kept = JSON.parse(await readFile(file, 'utf8')) as KeptBundle;
    return Array.isArray(kept.inputs) && typeof kept.code === 'string' ? kept : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the kept bundle whole or not at all (two builds at once each write their own, then rename). */
async function keep(file: string, bundle: KeptBundle): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}-${randomUUID()}`;
    await writeFile(partial, JSON.stringify(bundle));
    await rename(partial, file);
  } catch {
    // A cache that cannot be written only means the next build bundles again.
  }
}
