/**
 * Builds the help center safely: `astro build` makes the whole site (the
 * Handrail integration checks the content, indexes search, adds offline
 * support and the security headers: src/node/integration/) into a scratch
 * folder, and only a complete site is swapped into place. A failure at any
 * step leaves the previous site in dist/ untouched.
 *
 *   node scripts/build.ts [--out dist]
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
import { spawnSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, projectRoot, publicDir } from '../src/node/project-paths.ts';
import { pauseFor, publishBuild, recoverAndClean, refuseOutput } from '../src/node/publish.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const outDir = path.resolve(projectRoot, values.out!);
const scratchRoot = path.join(projectRoot, '.handrail');
// Built inside the project, where the bundled pages can resolve node_modules.
const scratch = path.join(scratchRoot, `build-${process.pid}-${Date.now()}`);
process.env.ASTRO_TELEMETRY_DISABLED = '1';

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
  await pauseFor('started');

  await mkdir(scratchRoot, { recursive: true });
  await mkdir(path.dirname(outDir), { recursive: true });
  const astro = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: projectRoot,
    // Node keeps the compiled code of Astro, Vite and the rest between builds
    // (its files are keyed by their contents): 0.2 s of every build's start.
    env: { NODE_COMPILE_CACHE: path.join(scratchRoot, 'cache/node-compile'), ...process.env, HANDRAIL_OUT_DIR: scratch, HANDRAIL_ROOT: projectRoot },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (astro.status !== 0) {
    await rm(scratch, { recursive: true, force: true });
    fail('The site could not be built.', 'The reason is printed above. `npm run check` lists content problems with file and line.');
  }
  await pauseFor('built');

  // Swap: the finished build is kept whole and the output link is renamed onto it in one step.
  await publishBuild(scratch, outDir, publishPaths);
  console.log(`✓ Built ${path.relative(projectRoot, outDir) || outDir}/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

await main();
