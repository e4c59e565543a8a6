/**
 * What splitting the build across CI jobs costs and saves: builds a help
 * center whole (cold: no Astro cache, no check results), then as the split
 * workflow does (.github/workflows/build-split.yml): the content check
 * once, cold; one part per language (`--part <code> --no-finish`), each
 * with the check's results and no Astro cache; the join (`--finish`). It
 * prints wall, CPU and peak memory of each. Here the parts run one after
 * another on one machine; in CI they run side by side, so the split's wall
 * time is the check, the slowest part and the join (job start and install
 * not counted). Figures go to reports/split.json.
 *
 *   npm run bench:split                       the demo content
 *   npm run bench:split -- --size 1000        1,000 generated articles in the demo's three languages
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeContent } from './lib/corpus.ts';
import { runBuild, type BuildRun } from './lib/run-build.ts';
import { contentDir as demoContent, projectRoot } from '../src/node/project-paths.ts';
import { recoverAndClean } from '../src/node/publish.ts';
import { readLanguageCodes } from '../src/node/site-settings.ts';

const { values } = parseArgs({ options: { size: { type: 'string' } } });
const size = values.size === undefined ? undefined : Number(values.size);
const workDir = path.join(projectRoot, '.handrail/bench/split');
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

interface Figures {
  wallSeconds: number;
  cpuSeconds: number;
  peakGB: number;
  /** Wall seconds of each build phase (check, astro, join, pagefind, offline), from HANDRAIL_TIMINGS_FILE. */
  phases: Record<string, number>;
}

const figuresOf = (run: BuildRun, phases: Record<string, number>): Figures => ({ wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, peakGB: run.memory.total / 1e9, phases });
const describe = (name: string, f: Figures) =>
  `${name}: ${f.wallSeconds.toFixed(1)} s wall, ${f.cpuSeconds.toFixed(1)} s CPU, ${f.peakGB.toFixed(2)} GB peak (${Object.entries(f.phases).map(([phase, seconds]) => `${phase} ${seconds.toFixed(1)} s`).join(', ')})`;

/** Forgets every cache: Astro's, each part's, and the check's results. */
async function clearCaches(): Promise<void> {
  await rm(path.join(projectRoot, '.handrail/cache'), { recursive: true, force: true });
  await rm(path.join(projectRoot, 'node_modules/.astro'), { recursive: true, force: true });
}

async function build(content: string | undefined, args: string[], script = 'scripts/build.ts'): Promise<Figures> {
  // Builds left by an earlier run are deleted now, not by the measured build's own tidy-up.
  await recoverAndClean(path.join(workDir, 'out', 'none'), { root: projectRoot, scratchRoot: path.join(projectRoot, '.handrail') });
  const timings = path.join(workDir, 'timings.json');
  await rm(timings, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDRAIL_TIMINGS_FILE: timings };
  if (content) env.HANDRAIL_CONTENT_DIR = content;
  else delete env.HANDRAIL_CONTENT_DIR;
  delete env.HANDRAIL_PART;
  const run = await runBuild(process.execPath, [path.join(projectRoot, script), ...args], { cwd: projectRoot, env });
  // The check alone writes no phases.
  const phases = JSON.parse(await readFile(timings, 'utf8').catch(() => '{}')) as Record<string, { wallSeconds: number }>;
  return figuresOf(run, Object.fromEntries(Object.entries(phases).map(([phase, t]) => [phase, t.wallSeconds])));
}

async function main(): Promise<void> {
  await mkdir(workDir, { recursive: true });
  const loadBefore = load();
  log(`Load average ${loadBefore}`);
  const content = size === undefined ? undefined : await writeContent(path.join(workDir, `content-${size}`), size, projectRoot, { languages: 'demo' });
  const languages = readLanguageCodes(content ?? demoContent);
  const name = size === undefined ? 'demo' : `${size.toLocaleString('en')} articles × ${languages.length} languages`;
  const out = (folder: string) => path.join(workDir, 'out', folder);

  await clearCaches();
  const whole = await build(content, ['--out', out('whole')]);
  log(describe(`Whole build (${name})`, whole));
  await clearCaches();
  const check = await build(content, [], 'scripts/check-content.ts');
  log(describe('Check job (npm run check, cold)', check));
  const parts: Record<string, Figures> = {};
  for (const code of languages) {
    // Each part starts without an Astro cache, with the check job's results (as the workflow restores them).
    parts[code] = await build(content, ['--part', code, '--no-finish', '--out', out(`part-${code}`)]);
    log(describe(`Part ${code}`, parts[code]!));
  }
  const finish = await build(content, ['--finish', ...languages.map((code) => out(`part-${code}`)), '--out', out('split')]);
  log(describe('Finish (join, search index, offline, _headers, _redirects)', finish));

  const slowest = Object.values(parts).reduce((a, b) => (b.wallSeconds > a.wallSeconds ? b : a));
  const splitWall = check.wallSeconds + slowest.wallSeconds + finish.wallSeconds;
  const splitCpu = check.cpuSeconds + Object.values(parts).reduce((sum, f) => sum + f.cpuSeconds, 0) + finish.cpuSeconds;
  const splitPeak = Math.max(check.peakGB, ...Object.values(parts).map((f) => f.peakGB), finish.peakGB);
  log(`Split in CI (check, then the parts side by side, then the join): ${splitWall.toFixed(1)} s wall (${((splitWall / whole.wallSeconds) * 100).toFixed(0)} % of whole), ${splitCpu.toFixed(1)} s CPU in all jobs (${((splitCpu / whole.cpuSeconds) * 100).toFixed(0)} %), ${splitPeak.toFixed(2)} GB peak per job (${((splitPeak / whole.peakGB) * 100).toFixed(0)} %)`);
  log(`Load average ${load()}`);
  await mkdir(path.join(projectRoot, 'reports'), { recursive: true });
  const file = path.join(projectRoot, 'reports', 'split.json');
  await writeFile(file, `${JSON.stringify({ name, loadBefore, loadAfter: load(), whole, check, parts, finish, split: { wallSeconds: splitWall, cpuSeconds: splitCpu, peakGB: splitPeak } }, null, 2)}\n`);
  await rm(path.join(workDir, 'out'), { recursive: true, force: true });
}

await main();
