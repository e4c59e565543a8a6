/**
 * Where a build's time goes: builds a generated help center with the
 * content check and `astro build` each under `node --cpu-prof`, then prints
 * self time by package and file, the costliest functions, and the build's
 * known stages (content layer, Markdown, MDX, page rendering, git, images…).
 *
 *   npm run bench:profile                      1,000 articles
 *   npm run bench:profile -- --sizes 1000,10000
 *
 * Profiles and summaries go to reports/profile/. Pagefind is a native binary
 * (not in a Node profile) and the offline step runs after Astro: their wall
 * times are in `npm run bench`'s phase rows.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeContent } from './lib/corpus.ts';
import { formatSummary, stageTimes, summariseProfile, type CpuProfile } from './lib/profile.ts';
import { runBuild } from './lib/run-build.ts';
import { projectRoot } from '../src/node/project-paths.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000' } } });
const sizes = values.sizes!.split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const workDir = path.join(projectRoot, '.handrail/bench');
const reportDir = path.join(projectRoot, 'reports/profile');
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);


/** Runs one Node script under the profiler and returns its profile. */
async function profiled(name: string, script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ profile: CpuProfile; wallSeconds: number; cpuSeconds: number; peakBytes: number }> {
  const file = path.join(reportDir, `${name}.cpuprofile`);
  await rm(file, { force: true });
  const run = await runBuild(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${reportDir}`, `--cpu-prof-name=${name}.cpuprofile`, script, ...args], {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  return { profile: JSON.parse(await readFile(file, 'utf8')) as CpuProfile, wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, peakBytes: run.memory.total };
}

async function main() {
  await mkdir(reportDir, { recursive: true });
  for (const size of sizes) {
    log(`Generating ${size.toLocaleString('en')} articles`);
    const contentDir = await writeContent(path.join(workDir, String(size), 'content'), size, projectRoot);
    const env = { HANDRAIL_CONTENT_DIR: contentDir };
    const sections: string[] = [];
    const checkScript = path.join(projectRoot, 'scripts/check-content.ts');
    if (existsSync(checkScript)) {
      log('Profiling the content check');
      const check = await profiled(`check-${size}`, checkScript, [], env);
      sections.push(`Content check: ${check.wallSeconds.toFixed(1)} s wall, ${check.cpuSeconds.toFixed(1)} s CPU, ${(check.peakBytes / 1e9).toFixed(2)} GB peak\n${formatSummary('Content check', summariseProfile(check.profile, projectRoot))}`);
    }
    log('Profiling astro build (cold cache)');
    await rm(path.join(projectRoot, '.handrail/cache'), { recursive: true, force: true });
    const outDir = path.join(workDir, String(size), 'profile-dist');
    await rm(outDir, { recursive: true, force: true });
    const astro = await profiled(`astro-${size}`, path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), ['build'], { ...env, HANDRAIL_OUT_DIR: outDir, HANDRAIL_ROOT: projectRoot });
    const summary = summariseProfile(astro.profile, projectRoot);
    const stages = stageTimes(astro.profile);
    sections.push(
      [
        `astro build: ${astro.wallSeconds.toFixed(1)} s wall, ${astro.cpuSeconds.toFixed(1)} s CPU, ${(astro.peakBytes / 1e9).toFixed(2)} GB peak`,
        'Stages (time in them and below; a sample can be in two, e.g. Markdown inside the content layer)',
        ...stages.map((s) => `  ${(s.ms / 1000).toFixed(2).padStart(7)} s ${((s.ms / summary.totalMs) * 100).toFixed(1).padStart(5)} %  ${s.name}`),
        formatSummary('astro build', summary),
      ].join('\n'),
    );
    await rm(outDir, { recursive: true, force: true });
    const text = `Profile of a ${size.toLocaleString('en')}-article build, ${new Date().toISOString()}\n\n${sections.join('\n\n')}\n`;
    const out = path.join(reportDir, `profile-${size}.txt`);
    await writeFile(out, text);
    console.log(`\n${text}`);
    log(`Written to ${path.relative(projectRoot, out)} (profiles beside it: open them in Chrome DevTools)`);
  }
}

await main();
