/**
 * What a pull request preview's rebuild costs, phase by phase: builds a
 * generated help center cold, changes one article, and builds again with
 * the cache kept, printing each build's phases (content check, Astro's
 * pages, search index, offline step) and the rebuild's share of the cold
 * build. Quicker than `npm run bench` (no browser, no Starlight), for
 * working on the rebuild; `npm run bench` keeps the figures of record.
 *
 *   npm run bench:rebuild                     1,000 articles
 *   npm run bench:rebuild -- --size 5000
 *   npm run bench:rebuild -- --languages demo in the demo's three languages (see bench/lib/corpus.ts)
 *   npm run bench:rebuild -- --profile        also profile the rebuild's `astro build` (reports/profile/)
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeContent } from './lib/corpus.ts';
import { runBuild } from './lib/run-build.ts';
import { projectRoot } from '../src/node/project-paths.ts';

const { values } = parseArgs({ options: { size: { type: 'string', default: '1000' }, profile: { type: 'boolean', default: false }, languages: { type: 'string', default: 'one' } } });
const size = Number(values.size);
const workDir = path.join(projectRoot, '.handrail/bench');
const reportDir = path.join(projectRoot, 'reports/profile');
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

type Phases = Record<string, { wallSeconds: number; cpuSeconds: number }>;

async function build(contentDir: string, outDir: string, cpuProfile?: string): Promise<{ wall: number; cpu: number; phases: Phases }> {
  const timings = path.join(workDir, `timings-${process.pid}.json`);
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDRAIL_CONTENT_DIR: contentDir, HANDRAIL_TIMINGS_FILE: timings };
  // scripts/build.ts passes NODE_OPTIONS on to `astro build`, so the profile is Astro's.
  if (cpuProfile) env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${reportDir} --cpu-prof-name=${cpuProfile}-\${pid}.cpuprofile`;
  const run = await runBuild(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), '--out', outDir], { cwd: projectRoot, env });
  const phases = JSON.parse(await readFile(timings, 'utf8')) as Phases;
  await rm(timings, { force: true });
  return { wall: run.wallSeconds, cpu: run.cpuSeconds, phases };
}

function describe(name: string, figures: { wall: number; cpu: number; phases: Phases }): string {
  const phases = Object.entries(figures.phases).map(([phase, t]) => `${phase} ${t.wallSeconds.toFixed(1)} s / ${t.cpuSeconds.toFixed(1)} s CPU`);
  return `${name}: ${figures.wall.toFixed(1)} s wall, ${figures.cpu.toFixed(1)} s CPU (${phases.join('; ')})`;
}

async function main(): Promise<void> {
  await mkdir(reportDir, { recursive: true });
  log(`Load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; generating ${size.toLocaleString('en')} articles`);
  const contentDir = await writeContent(path.join(workDir, `rebuild-${size}`, 'content'), size, projectRoot, { languages: values.languages === 'demo' ? 'demo' : 'one' });
  const outDir = path.join(workDir, `rebuild-${size}`, 'dist');
  await rm(path.join(projectRoot, '.handrail/cache'), { recursive: true, force: true });
  await rm(path.join(projectRoot, 'node_modules/.astro'), { recursive: true, force: true });
  const cold = await build(contentDir, outDir);
  log(describe('Cold build', cold));
  const dir = path.join(contentDir, 'articles');
  const file = path.join(dir, (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.md')).sort()[0]!);
  await writeFile(file, `${await readFile(file, 'utf8')}\nOne more sentence, added to time a rebuild.\n`);
  const warm = await build(contentDir, outDir, values.profile ? 'rebuild' : undefined);
  log(describe(`Rebuild after changing ${path.relative(contentDir, file)}`, warm));
  log(`Rebuild ÷ cold: ${((warm.cpu / cold.cpu) * 100).toFixed(0)} % CPU, ${((warm.wall / cold.wall) * 100).toFixed(0)} % wall; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

await main();
