/**
 * Builds the help center safely: `astro build` makes the whole site (the
 * Handrail integration checks the content, indexes search, adds offline
 * support and the security headers: src/node/integration/) into a scratch
 * folder, and only a complete site is swapped into place. A failure at any
 * step leaves the previous site in dist/ untouched.
 *
 *   node scripts/build.ts [--out dist]
 *
 * In parts, one CI job each (README "Splitting the build across CI jobs"):
 *
 *   node scripts/build.ts --part <language> --no-finish [--out DIR]
 *   node scripts/build.ts --finish DIR… [--out dist]
 *   node scripts/build.ts --list-parts      (the parts as JSON, for a CI matrix)
 *
 * A part renders one declared language's pages (the default language's
 * part also the pages the site has once) and leaves out the steps over the
 * whole site; `--finish` joins the parts' folders, refusing parts that do
 * not belong together, runs those steps once (search index, offline
 * support, _headers, _redirects) and publishes like a whole build.
 *
 * dist (or --out) is a link to the newest build in .handrail/builds/,
 * swapped in one rename (src/node/publish.ts). --out refuses a folder that
 * holds someone else's files, or the project's own sources.
 *
 * Environment: HANDRAIL_CONTENT_DIR (content set), HANDRAIL_BASE (sub-path),
 * HANDRAIL_TIMINGS_FILE (phase timings for the benchmark, written by the
 * integration), HANDRAIL_VERBOSE=1 (Astro's own log: every page, and
 * whether it was reused from the cache), HANDRAIL_TEST_PAUSE_AT (tests only:
 * stop at a named step to be killed).
 */
import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { enableCompileCache } from 'node:module';
import { setPriority } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildNowProblem } from '../src/node/build-clock.ts';
import { BUILD_OPTIONS } from '../src/node/build-options.ts';
import { astroCacheDir, contentDir, projectRoot, publicDir } from '../src/node/project-paths.ts';
import { compileCacheLimit, trimCompileCache } from '../src/node/compile-cache.ts';
import { isHandrailBuild, pauseFor, publishBuild, recoverAndClean, refuseOutput } from '../src/node/publish.ts';
import { FINISH_LATER_VARIABLE, PART_VARIABLE } from '../src/shared/build-parts.ts';
import type { PreparedIndex } from '../src/node/integration/pagefind.ts';

// Only what is needed to start Astro is imported above: the finishing steps
// (Pagefind, the offline copy: 0.4 s of loading) are imported while Astro runs.
const scratchRoot = path.join(projectRoot, '.handrail');
// Node keeps the compiled code of Astro, Vite, this script's modules and the
// rest between builds (an entry per module path, used while the module is
// unchanged): 0.2 s of every build's start, and as much again of this
// process's. Kept within a limit (src/node/compile-cache.ts); HANDRAIL_COMPILE_CACHE_DIR puts it elsewhere.
const compileCache = path.resolve(projectRoot, process.env.HANDRAIL_COMPILE_CACHE_DIR || path.join(scratchRoot, 'cache/node-compile'));
enableCompileCache(compileCache);
const finishing = () => import('../src/node/integration/finish.ts');
const searchIndexing = () => import('../src/node/integration/pagefind.ts');
/** The niceness of this process once Astro's has started (higher is kinder; 0 is the default). */
const AHEAD_PRIORITY = 10;
const readLanguageCodes = async (): Promise<string[]> => (await import('../src/node/site-settings.ts')).readLanguageCodes();

function usage(problem: string): never {
  console.error(`\n✗ ${problem}\n\nUsage:\n  npm run build [-- --out DIR]                                 the whole site\n  npm run build -- --part <language> --no-finish [--out DIR]   one language's pages, for a CI job\n  npm run build -- --finish DIR… [--out DIR]                    join the parts, index search once, publish\n  npm run build -- --list-parts                                 the parts, one per language, as JSON`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ options: BUILD_OPTIONS, allowPositionals: true });
} catch (error) {
  usage((error as Error).message);
}
const { values, positionals } = parsed;
const clockProblem = buildNowProblem();
if (clockProblem) usage(clockProblem);
if (values['list-parts']) {
  // The matrix of a CI workflow (.github/workflows/build-split.yml): one part per language.
  const codes = await readLanguageCodes();
  if (codes.length === 0) usage('content/site.yaml could not be read: `npm run check` says why.');
  console.log(JSON.stringify(codes));
  process.exit(0);
}
const part = values.part;
if (part !== undefined && values.finish) usage('--part builds one part and --finish joins them: use one or the other.');
if (part !== undefined && !values['no-finish']) usage(`--part ${part} builds one language's pages only, without the search index and offline support over the whole site: add --no-finish, and join the parts with --finish.`);
if (part === undefined && values['no-finish']) usage('--no-finish goes with --part <language>: a whole build always finishes.');
if (!values.finish && positionals.length) usage(`Unexpected ${positionals.join(' ')}: only --finish takes folders.`);
if (part !== undefined) {
  const codes = await readLanguageCodes();
  if (codes.length && !codes.includes(part)) usage(`--part ${part} is not a language of content/site.yaml. A part is one declared language: ${codes.join(', ')}.`);
}
const outDir = path.resolve(projectRoot, values.out!);
// Built inside the project, where the bundled pages can resolve node_modules.
const scratch = path.join(scratchRoot, `build-${process.pid}-${Date.now()}`);
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function fail(title: string, detail: string): never {
  console.error(`\n✗ ${title}\n\n${detail}\n\nNothing was written to ${path.relative(projectRoot, outDir) || outDir}/: the previous site is unchanged.`);
  process.exit(1);
}

/** Joins the parts' folders into `scratch` and runs the steps over the whole site once. */
async function finishParts(scratch: string): Promise<void> {
  const dirs = positionals.map((dir) => path.resolve(dir));
  const [{ finishSite }, { JoinError, joinParts }, { PhaseTimer }] = await Promise.all([finishing(), import('../src/node/join-parts.ts'), import('../src/node/integration/timings.ts')]);
  const timer = new PhaseTimer();
  timer.start('join');
  let joined;
  try {
    joined = await joinParts(dirs, scratch);
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    if (error instanceof JoinError) fail('The parts could not be joined.', error.message);
    throw error;
  }
  timer.end();
  console.log(`✓ Joined ${joined.parts.length} parts (${joined.parts.map(({ record }) => record.part).join(', ')}): ${joined.files} files, ${joined.pages.size} pages, ${joined.shared} shared files identical in each part.`);
  try {
    for (const line of await finishSite(scratch, joined.sitePart.record.finish, joined.pages, timer, { previousSite: previousSite() })) console.log(line);
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    fail('The joined site could not be finished.', (error as Error).message);
  }
  await timer.save();
}

/**
 * Begins the search index from the pages the last build left in Astro's
 * cache, while Astro renders this build's: a rebuild then hands Pagefind
 * only the pages that changed (src/node/integration/pagefind.ts,
 * prepareIndex). Undefined when there is no cache, or it could not be used.
 */
async function prepareSearch(): Promise<PreparedIndex | undefined> {
  const cachedPages = path.resolve(projectRoot, astroCacheDir(null), 'dist');
  if (!existsSync(cachedPages)) return undefined;
  const { prepareIndex } = await searchIndexing();
  return prepareIndex(cachedPages, () => {
    // Work done ahead should not slow Astro: this process, and Pagefind's (started
    // from it, so it inherits this), step back whenever Astro wants both cores
    // (rebuilds of 1,000 articles, 8 of each, interleaved: 5.1 s niced, 5.4 s not).
    // Astro's process was started first and keeps its priority. Lowered only
    // when there is work to do ahead: it stays lowered to the end of the build.
    try {
      setPriority(AHEAD_PRIORITY);
    } catch {
      // Not allowed here: the work goes ahead at the same priority.
    }
  });
}

/** The site the output holds now, when it is a Handrail build: its search index files are linked to where unchanged. */
function previousSite(): string | undefined {
  return isHandrailBuild(outDir) ? realpathSync(outDir) : undefined;
}

/**
 * Ends Pagefind's process, if one was started ahead, when the build stops
 * before the search index is made (it would also end with this process).
 * Not waited for: a problem is reported at once.
 */
async function dropSearch(): Promise<void> {
  await (await searchIndexing()).closeIndexer();
}

/** Runs the steps over the whole site on a whole build Astro has made, as its last hook would have. */
async function finishWhole(scratch: string, prepared: Promise<PreparedIndex | undefined>): Promise<void> {
  const [{ finishSite }, { takeFinishRecord }, { PhaseTimer }] = await Promise.all([finishing(), import('../src/node/integration/build-records.ts'), import('../src/node/integration/timings.ts')]);
  const timer = new PhaseTimer();
  try {
    const { finish, pages } = await takeFinishRecord(scratch);
    for (const line of await finishSite(scratch, finish, new Set(pages), timer, { prepared, previousSite: previousSite() })) console.log(line);
  } catch (error) {
    await dropSearch();
    await rm(scratch, { recursive: true, force: true });
    fail('The site could not be built.', (error as Error).message);
  }
  await timer.save();
}

async function main(): Promise<void> {
  const started = Date.now();
  const publishPaths = { root: projectRoot, scratchRoot };
  const refused = refuseOutput(outDir, publishPaths, [
    { name: 'the content folder', path: contentDir },
    { name: 'content/', path: path.join(projectRoot, 'content') },
    { name: 'public/', path: publicDir },
    { name: 'src/', path: path.join(projectRoot, 'src') },
    { name: 'node_modules/', path: path.join(projectRoot, 'node_modules') },
    { name: '.git/', path: path.join(projectRoot, '.git') },
  ]);
  if (refused) {
    console.error(`\n✗ The site was not built into ${values.out}: ${refused}.\n\nChoose an empty folder, a new one, or the folder of a previous build (it has a .handrail-build file). Nothing was changed.`);
    process.exit(1);
  }
  // A build that was killed may have left the output half-swapped, and scratch folders behind.
  for (const line of await recoverAndClean(outDir, publishPaths)) console.log(`✓ Tidied up: ${line}.`);
  await pauseFor('started');

  await mkdir(scratchRoot, { recursive: true });
  await mkdir(path.dirname(outDir), { recursive: true });
  if (values.finish) {
    await finishParts(scratch);
  } else {
    // A part is named to Astro (and so to every route) by the environment; unset, the whole site.
    const env: NodeJS.ProcessEnv = { NODE_COMPILE_CACHE: compileCache, ...process.env, HANDRAIL_OUT_DIR: scratch, HANDRAIL_ROOT: projectRoot };
    delete env[PART_VARIABLE];
    if (part !== undefined) env[PART_VARIABLE] = part;
    // A whole site's search index and offline files are made here once Astro has ended and
    // given its memory back (src/node/integration/finish.ts, FINISH_LATER_VARIABLE).
    else env[FINISH_LATER_VARIABLE] = '1';
    const astro = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: projectRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
    // Loaded while Astro starts, so the finish begins as soon as it ends (a failure shows there).
    if (part === undefined) finishing().catch(() => undefined);
    const prepared = part === undefined ? prepareSearch().catch(() => undefined) : Promise.resolve(undefined);
    // Old builds' entries in Node's cache go while Astro runs (a cache: a failure only keeps them).
    const trimming = trimCompileCache(compileCache).catch(() => undefined);
    const status = await new Promise<number | null>((resolve) => {
      astro.once('error', (error) => {
        console.error(`Astro could not be started: ${error.message}`);
        resolve(null);
      });
      astro.once('close', resolve);
    });
    const trimmed = await trimming;
    if (status !== 0 || !existsSync(scratch)) {
      await dropSearch();
      await rm(scratch, { recursive: true, force: true });
      fail(part === undefined ? 'The site could not be built.' : `The part ${part} could not be built.`, 'The reason is printed above. `npm run check` lists content problems with file and line.');
    }
    if (trimmed) console.log(`✓ Tidied up Node's compiled-code cache (${path.relative(projectRoot, compileCache) || compileCache}/): ${megabytes(trimmed.before)}, over its ${megabytes(compileCacheLimit())} limit; removed ${megabytes(trimmed.bytes)}, first what no build had read.`);
    if (part === undefined) await finishWhole(scratch, prepared);
  }
  await pauseFor('built');

  // Swap: the finished build is kept whole and the output link is renamed onto it in one step.
  await publishBuild(scratch, outDir, publishPaths);
  const where = path.relative(projectRoot, outDir) || outDir;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (part !== undefined) console.log(`✓ Built the part ${part} into ${where}/ in ${seconds} s. Join the parts with \`npm run build -- --finish <their folders>\`.`);
  else console.log(`✓ Built ${where}/ in ${seconds} s.`);
}

await main();
