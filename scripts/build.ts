/**
 * Builds the help center safely: check the content, build into a scratch
 * folder, index it for search, and only then swap it into place. A failure
 * at any step leaves the previous site in dist/ untouched.
 *
 *   node scripts/build.ts [--out dist]
 *
 * dist (or --out) is a link to the newest build in .handrail/builds/,
 * swapped in one rename (src/node/publish.ts). --out refuses a folder that
 * holds someone else's files, or the project's own sources.
 *
 * Environment: HANDRAIL_CONTENT_DIR (content set), HANDRAIL_BASE (sub-path),
 * HANDRAIL_TEST_PAUSE_AT (tests only: stop at a named step to be killed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, sortProblems, summariseProblems } from '../src/shared/problems.ts';
import { contentDir, projectRoot, publicDir } from '../src/node/project-paths.ts';
import { pauseFor, publishBuild, recoverAndClean, refuseOutput } from '../src/node/publish.ts';
import { runContentCheck } from '../src/node/check/run.ts';
import { indexSite } from '../src/node/integration/pagefind.ts';
import { treeCpuSeconds } from '../src/node/process-stats.ts';
import { addOfflineSupport } from '../src/node/integration/offline.ts';
import { readSiteSettings } from '../src/node/site-settings.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const outDir = path.resolve(projectRoot, values.out!);
const scratchRoot = path.join(projectRoot, '.handrail');
// Built inside the project, where the bundled pages can resolve node_modules.
const scratch = path.join(scratchRoot, `build-${process.pid}-${Date.now()}`);
process.env.ASTRO_TELEMETRY_DISABLED = '1';

/**
 * Astro caches parsed content and only notices a schema change when
 * content.config.ts itself changes; ours live in src/schemas/. When any
 * schema file changed since the last build, rebuild the cache (--force).
 */
async function schemasChanged(): Promise<{ changed: boolean; save(): Promise<void> }> {
  const dir = path.join(projectRoot, 'src/schemas');
  const hash = createHash('sha256');
  for (const name of (await readdir(dir)).sort()) hash.update(name).update(await readFile(path.join(dir, name)));
  const digest = hash.digest('hex');
  const stamp = path.join(scratchRoot, `schemas-${createHash('sha1').update(contentDir).digest('hex').slice(0, 8)}.sha256`);
  const previous = existsSync(stamp) ? await readFile(stamp, 'utf8') : '';
  return { changed: previous !== digest, save: () => writeFile(stamp, digest) };
}

function fail(title: string, detail: string): never {
  console.error(`\n✗ ${title}\n\n${detail}\n\nNothing was written to ${path.relative(projectRoot, outDir) || outDir}/: the previous site is unchanged.`);
  process.exit(1);
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
  const check = await runContentCheck(contentDir);
  const problems = sortProblems(check.problems);
  const errors = problems.filter((p) => p.severity === 'error');
  for (const warning of problems.filter((p) => p.severity === 'warning')) console.warn(formatProblem(warning));
  if (errors.length) {
    fail(`The content has ${summariseProblems(problems)}.`, errors.map(formatProblem).join('\n\n'));
  }
  console.log(`✓ Content checked: ${check.articles.length} articles in ${check.categories.size} categories.`);
  await pauseFor('checked');

  await mkdir(scratchRoot, { recursive: true });
  await mkdir(path.dirname(outDir), { recursive: true });
  const phases: Record<string, { wallSeconds: number; cpuSeconds: number }> = {};
  const startPhase = () => ({ wall: performance.now(), cpu: treeCpuSeconds() });
  const endPhase = (name: string, start: { wall: number; cpu: number }) => {
    phases[name] = { wallSeconds: (performance.now() - start.wall) / 1000, cpuSeconds: treeCpuSeconds() - start.cpu };
  };
  let phase = startPhase();
  const schemas = await schemasChanged();
  const astroArgs = ['build', ...(schemas.changed ? ['--force'] : [])];
  const astro = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), ...astroArgs], {
    cwd: projectRoot,
    env: { ...process.env, HANDRAIL_OUT_DIR: scratch, HANDRAIL_ROOT: projectRoot },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (astro.status !== 0) {
    await rm(scratch, { recursive: true, force: true });
    fail('The site could not be built.', 'Astro stopped with the error printed above. Run `npm run check` to see content problems with file and line.');
  }

  await schemas.save();
  endPhase('astro', phase);
  await pauseFor('built');
  phase = startPhase();
  const search = await indexSite(scratch);
  endPhase('pagefind', phase);
  if (search.errors.length) {
    await rm(scratch, { recursive: true, force: true });
    fail('The search index could not be built.', search.errors.map((e) => `  ${e}`).join('\n'));
  }
  console.log(`✓ Search index: ${search.pageCount} pages.`);

  phase = startPhase();
  try {
    const offline = await addOfflineSupport(scratch, process.env.HANDRAIL_BASE || readSiteSettings().basePath, check.site?.locale ?? 'en');
    console.log(`✓ Offline: release ${offline.release}, ${offline.precached} files cached on first visit, ${(offline.savedBytes / 1e6).toFixed(1)} MB to save for offline.`);
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    fail('The offline support (service worker) could not be built.', String((error as Error).message ?? error));
  }

  endPhase('offline', phase);
  // The benchmark reads how long each phase took.
  if (process.env.HANDRAIL_TIMINGS_FILE) await writeFile(process.env.HANDRAIL_TIMINGS_FILE, JSON.stringify(phases));

  // Swap: the finished build is kept whole and the output link is renamed onto it in one step.
  await publishBuild(scratch, outDir, publishPaths);
  console.log(`✓ Built ${path.relative(projectRoot, outDir) || outDir}/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

await main();
