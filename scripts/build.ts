/**
 * Builds the help center safely: check the content, build into a scratch
 * folder, index it for search, and only then swap it into place. A failure
 * at any step leaves the previous site in dist/ untouched.
 *
 *   node scripts/build.ts [--out dist]
 *
 * Environment: HANDRAIL_CONTENT_DIR (content set), HANDRAIL_BASE (sub-path).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, sortProblems, summariseProblems } from '../src/shared/problems.ts';
import { contentDir, projectRoot } from '../src/node/project-paths.ts';
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
  const check = await runContentCheck(contentDir);
  const problems = sortProblems(check.problems);
  const errors = problems.filter((p) => p.severity === 'error');
  for (const warning of problems.filter((p) => p.severity === 'warning')) console.warn(formatProblem(warning));
  if (errors.length) {
    fail(`The content has ${summariseProblems(problems)}.`, errors.map(formatProblem).join('\n\n'));
  }
  console.log(`✓ Content checked: ${check.articles.length} articles in ${check.categories.size} categories.`);

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

  // Swap: stage the new site beside the old one (a copy if it is on another
  // file system), move the old one aside, the new one in, then delete the old.
  const staged = path.join(path.dirname(outDir), `.handrail-new-${process.pid}-${Date.now()}`);
  try {
    await rename(scratch, staged);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(scratch, staged, { recursive: true });
    await rm(scratch, { recursive: true, force: true });
  }
  const old = path.join(path.dirname(outDir), `.handrail-old-${process.pid}-${Date.now()}`);
  if (existsSync(outDir)) await rename(outDir, old);
  await rename(staged, outDir);
  await rm(old, { recursive: true, force: true });
  console.log(`✓ Built ${path.relative(projectRoot, outDir) || outDir}/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

await main();
