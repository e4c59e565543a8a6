/**
 * Builds the help center safely: `astro build` makes the whole site (the
 * Handrail integration checks the content, indexes search, adds offline
 * support and the security headers: src/node/integration/) into a scratch
 * folder, and only a complete site is swapped into place. A failure at any
 * step leaves the previous site in dist/ untouched.
 *
 *   node scripts/build.ts [--out dist]
 *
 * Environment: HANDRAIL_CONTENT_DIR (content set), HANDRAIL_BASE (sub-path),
 * HANDRAIL_TIMINGS_FILE (phase timings for the benchmark, written by the integration).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/node/project-paths.ts';

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
  await mkdir(scratchRoot, { recursive: true });
  await mkdir(path.dirname(outDir), { recursive: true });
  const astro = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: projectRoot,
    env: { ...process.env, HANDRAIL_OUT_DIR: scratch, HANDRAIL_ROOT: projectRoot },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (astro.status !== 0) {
    await rm(scratch, { recursive: true, force: true });
    fail('The site could not be built.', 'The reason is printed above. `npm run check` lists content problems with file and line.');
  }

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
