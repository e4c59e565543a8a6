/**
 * The benchmark: builds synthetic help centers of several sizes and the demo,
 * measures the build and what a customer pays to read an article — the page
 * alone, and a first visit with the service worker allowed, until the
 * network is quiet — and checks the budgets. The same corpus is also built
 * with Starlight, in the same run, for comparison.
 *
 *   npm run bench                          1,000, 5,000 and 10,000 articles; Starlight at 1,000
 *   npm run bench -- --sizes 1000,2000     choose the sizes
 *   npm run bench -- --starlight 1000,5000 the sizes Starlight is built at too ("none" for none;
 *                                          only sizes also in --sizes; Starlight's output grows
 *                                          with the square of the articles, so keep it small)
 *   npm run bench -- --out reports/b.json  where the figures go (JSON, to compare runs)
 *   npm run bench -- --repeat 3            build 3 times where builds are compared (the smallest size,
 *                                          Starlight's sizes), alternating, and keep the fastest of each
 *   npm run bench -- --lighthouse          also score home, a category, an article and search with
 *                                          Lighthouse (mobile preset, local Chromium) at the smallest
 *                                          and largest size
 *   npm run bench -- --languages demo      generated sites in the demo's three languages (untranslated pages
 *                                          in each) instead of its default language alone, like Starlight's
 *   npm run bench -- --timeout 900         seconds a build may take before its processes are killed
 *                                          (default: 300 + 0.15 per article); a round that times out
 *                                          is reported as such, and fails the bench
 *
 * At the smallest size it also rebuilds after changing one article, with the
 * cache kept (as a pull request preview would). Prints progress while it
 * works, then the tables and pass/fail per budget; exits 1 if a budget fails.
 */
import { chromium, type Browser } from '@playwright/test';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateHelpCenter } from './lib/generate.ts';
import { writeContent, writeFiles } from './lib/corpus.ts';
import { measureFirstVisit } from './lib/first-visit.ts';
import { budgets, fastest, sizeTable, starlightTable, type BuildFigures, type SiteFigures } from './lib/figures.ts';
import { BuildTimeout, runBuild } from './lib/run-build.ts';
import { lighthouseScores, measurePage, measureSearch, measureStarlightSearch, measureSuggestions, outputSize, SUGGESTION_QUERIES } from './lib/site.ts';
import { toStarlightDocs } from './lib/starlight-corpus.ts';
import { kb } from './lib/measure.ts';
import { projectRoot } from '../src/node/project-paths.ts';
import { chromiumLaunchOptions } from '../src/node/chromium.ts';
import { startStaticServer } from '../src/node/static-server.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,10000' },
    starlight: { type: 'string', default: '1000' },
    out: { type: 'string', default: 'reports/bench.json' },
    lighthouse: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
    timeout: { type: 'string', default: 'auto' },
    languages: { type: 'string', default: 'one' },
  },
});
const repeat = Math.max(1, Number(values.repeat));
/** How long a build of `articles` may take: long enough for a loaded 2-core machine, short of forever. */
const timeoutFor = (articles: number) => (values.timeout === 'auto' ? Math.round(300 + 0.15 * articles) : Number(values.timeout));
/** Builds that ran out of time, for the report: each is named, none silently dropped. */
const timeouts: Array<{ build: string; limitSeconds: number; wallSeconds: number; lastOutput: string }> = [];
const parseSizes = (text: string) => text.split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const sizes = parseSizes(values.sizes!);
const starlightSizes = values.starlight === 'none' ? [] : parseSizes(values.starlight!).filter((n) => sizes.includes(n));
const workDir = path.join(projectRoot, '.handrail/bench');
const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };


/** Builds with scripts/build.ts; from a cold cache (as CI does) unless `keepCache`. */
async function buildHandrail(contentDir: string, outDir: string, articles: number, keepCache = false): Promise<BuildFigures> {
  if (!keepCache) {
    // Astro keeps parsed content (and rendered pages) between builds; a warm cache would flatter the figures.
    await rm(path.join(projectRoot, '.handrail/cache'), { recursive: true, force: true });
    await rm(path.join(projectRoot, 'node_modules/.astro'), { recursive: true, force: true });
  }
  const timings = path.join(workDir, `timings-${process.pid}.json`);
  const run = await runBuild(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), '--out', outDir], {
    cwd: projectRoot,
    env: { ...env, HANDRAIL_CONTENT_DIR: contentDir, HANDRAIL_TIMINGS_FILE: timings },
    timeoutSeconds: timeoutFor(articles),
  });
  const phases = JSON.parse(await readFile(timings, 'utf8')) as BuildFigures['phases'];
  await rm(timings, { force: true });
  return { wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, phases, peakMemoryBytes: run.memory.total, memory: run.memory };
}

/** Changes one article's text, as a writer's pull request would. */
async function touchOneArticle(contentDir: string): Promise<string> {
  const dir = path.join(contentDir, 'articles');
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.md')).sort();
  const file = path.join(dir, files[0]!);
  await writeFile(file, `${await readFile(file, 'utf8')}\nOne more sentence, added to time a rebuild.\n`);
  return path.relative(contentDir, file);
}

/** A Starlight project from the same corpus, built cold with bench/starlight/astro.config.mjs. */
async function buildStarlight(size: number): Promise<{ dir: string; build: BuildFigures; pathOf: (slug: string) => string | undefined }> {
  const dir = path.join(workDir, 'starlight', String(size));
  await rm(dir, { recursive: true, force: true });
  const docs = toStarlightDocs(generateHelpCenter(size).files);
  await writeFiles(path.join(dir, 'src/content/docs'), docs);
  const pathOf = (slug: string) => {
    const file = [...docs.keys()].find((f) => f.endsWith(`/${slug}.md`) || f.endsWith(`/${slug}.mdx`));
    return file && `/${file.replace(/\.mdx?$/, '')}/`;
  };
  await cp(path.join(projectRoot, 'bench/starlight/content.config.ts'), path.join(dir, 'src/content.config.ts'));
  await cp(path.join(projectRoot, 'public/images'), path.join(dir, 'public/images'), { recursive: true });
  // Astro joins --config to the root, so it must be relative.
  const config = path.relative(dir, path.join(projectRoot, 'bench/starlight/astro.config.mjs'));
  const run = await runBuild(process.execPath, [astroBin, 'build', '--root', dir, '--config', config], { cwd: dir, env, timeoutSeconds: timeoutFor(size) });
  return { dir: path.join(dir, 'dist'), pathOf, build: { wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, phases: {}, peakMemoryBytes: run.memory.total, memory: run.memory } };
}

/**
 * The article measured: from the middle of the sitemap, the first that
 * shows a picture (help articles usually do), so every size measures a page
 * of the same shape. A path like "/articles/x/".
 */
async function measuredArticle(dir: string): Promise<string> {
  const sitemap = await readFile(path.join(dir, 'sitemap.xml'), 'utf8');
  const articles = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/articles\/[^<]*)<\/loc>/g)].map((m) => m[1]!);
  const middle = Math.floor(articles.length / 2);
  for (const article of [...articles.slice(middle), ...articles.slice(0, middle)]) {
    const html = await readFile(path.join(dir, article, 'index.html'), 'utf8');
    if (/<article[\s\S]*<img[\s\S]*<\/article>/.test(html)) return article;
  }
  return articles[middle]!;
}

async function measureHandrail(browser: Browser, name: string, dir: string, articles: number, build?: BuildFigures, withLighthouse = false): Promise<SiteFigures> {
  const server = await startStaticServer({ root: dir, base: '/', port: 0 });
  try {
    const sitemap = await readFile(path.join(dir, 'sitemap.xml'), 'utf8');
    const category = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/categories\/[^<]*)<\/loc>/g)][0]![1]!;
    const article = await measuredArticle(dir);
    const at = (p: string) => `${server.url}${p.slice(1)}`;
    const pages = {
      home: await measurePage(browser, server.url),
      category: await measurePage(browser, at(category)),
      article: await measurePage(browser, at(article)),
    };
    const firstVisit = await measureFirstVisit(browser, at(article));
    if (firstVisit.hasWorker && firstVisit.worker.requests === 0) throw new Error('A service worker ran but none of its requests were seen: the first-visit figure would be wrong.');
    const search = await measureSearch(browser, server.url, 'battery');
    const suggestions = await measureSuggestions(browser, at(article), SUGGESTION_QUERIES);
    log(`  Suggestions, last key → shown: first query ${suggestions.firstMs} ms (typed at once ${suggestions.firstAtOnceMs} ms), later ${suggestions.warmMs.join(', ')} ms`);
    const lighthouse = withLighthouse
      ? await lighthouseScores({ home: server.url, category: at(category), article: at(article), search: `${server.url}search/?q=battery` }, log)
      : undefined;
    return { name, articles, build, output: await outputSize(dir), pages, firstVisit, search, suggestions, lighthouse };
  } finally {
    await server.close();
  }
}

/** Measures a Starlight build; `article` is the page to compare with Handrail's, e.g. "/orders/x/". */
async function measureStarlight(browser: Browser, dir: string, articles: number, build: BuildFigures, article: string): Promise<SiteFigures> {
  const server = await startStaticServer({ root: dir, base: '/', port: 0 });
  try {
    const url = `${server.url}${article.slice(1)}`;
    const pages = { home: await measurePage(browser, server.url), article: await measurePage(browser, url) };
    const firstVisit = await measureFirstVisit(browser, url);
    let search: SiteFigures['search'];
    try {
      search = await measureStarlightSearch(browser, server.url, 'battery');
    } catch (error) {
      log(`  Starlight search not timed: ${(error as Error).message.split('\n')[0]}`);
    }
    return { name: `Starlight ${articles.toLocaleString('en')}`, articles, build, output: await outputSize(dir), pages, firstVisit, search };
  } finally {
    await server.close();
  }
}

/** Runs one build; when it times out, logs and records that, and returns undefined. */
async function timed<T>(name: string, build: () => Promise<T>): Promise<T | undefined> {
  try {
    return await build();
  } catch (error) {
    if (!(error instanceof BuildTimeout)) throw error;
    log(`  ${name} ${error.message}. Last output:\n${error.output.split('\n').slice(-5).join('\n')}`);
    timeouts.push({ build: name, limitSeconds: error.limitSeconds, wallSeconds: error.wallSeconds, lastOutput: error.output });
    return undefined;
  }
}

async function main() {
  await mkdir(workDir, { recursive: true });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const runs: SiteFigures[] = [];
  const starlight: SiteFigures[] = [];
  try {
    log('Building the demo help center');
    const demoDir = path.join(workDir, 'demo', 'dist');
    const demoBuild = await buildHandrail(path.join(projectRoot, 'content'), demoDir, 100);
    log(`Measuring the demo (${demoBuild.wallSeconds.toFixed(1)} s to build)`);
    const demoArticles = (await readFile(path.join(demoDir, 'sitemap.xml'), 'utf8')).match(/\/articles\//g)?.length ?? 0;
    const demo = await measureHandrail(browser, 'demo', demoDir, demoArticles, demoBuild);
    for (const size of sizes) {
      log(`Generating ${size.toLocaleString('en')} articles`);
      const contentDir = await writeContent(path.join(workDir, String(size), 'content'), size, projectRoot, { languages: values.languages === 'demo' ? 'demo' : 'one' });
      const outDir = path.join(workDir, String(size), 'dist');
      const isSmallest = size === Math.min(...sizes);
      const withStarlight = starlightSizes.includes(size);
      // Where builds are compared (with Starlight, or a rebuild with a cold build), each is
      // repeated, alternating, and the fastest kept: other work on a shared machine only adds time.
      const rounds = isSmallest || withStarlight ? repeat : 1;
      const cold: BuildFigures[] = [];
      const warm: BuildFigures[] = [];
      const theirs: BuildFigures[] = [];
      let run: SiteFigures | undefined;
      let theirSite: SiteFigures | undefined;
      for (let round = 1; round <= rounds; round++) {
        const of = rounds > 1 ? ` (round ${round} of ${rounds})` : '';
        log(`Building ${size.toLocaleString('en')} articles${of}`);
        const figures = await timed(`Handrail, ${size.toLocaleString('en')} articles${of}`, () => buildHandrail(contentDir, outDir, size));
        // Pages are measured on a finished build: with none yet, this round is only reported.
        if (!figures) continue;
        cold.push(figures);
        log(`Built in ${figures.wallSeconds.toFixed(1)} s (${figures.cpuSeconds.toFixed(1)} s CPU)`);
        if (!run) {
          const isEnd = isSmallest || size === Math.max(...sizes);
          log(`Measuring pages in Chromium${values.lighthouse && isEnd ? ', with Lighthouse' : ''}`);
          run = await measureHandrail(browser, size.toLocaleString('en'), outDir, size, figures, values.lighthouse && isEnd);
          log(`  First visit: ${kb(run.firstVisit!.bytes)} in ${run.firstVisit!.requests} requests (${run.firstVisit!.largest.map((g) => `${g.group} ${kb(g.bytes)}`).join(', ')})`);
        }
        if (isSmallest) {
          const changed = await touchOneArticle(contentDir);
          log(`Rebuilding after changing ${changed}, cache kept`);
          const again = await timed(`Handrail rebuild, ${size.toLocaleString('en')} articles${of}`, () => buildHandrail(contentDir, outDir, size, true));
          if (again) {
            warm.push(again);
            log(`  Rebuilt in ${again.wallSeconds.toFixed(1)} s (${again.cpuSeconds.toFixed(1)} s CPU)`);
          }
        }
        if (withStarlight) {
          log(`Building ${size.toLocaleString('en')} articles with Starlight${of}`);
          const built = await timed(`Starlight, ${size.toLocaleString('en')} articles${of}`, () => buildStarlight(size));
          if (!built) {
            await rm(path.join(workDir, 'starlight', String(size)), { recursive: true, force: true });
            continue;
          }
          theirs.push(built.build);
          log(`Built in ${built.build.wallSeconds.toFixed(1)} s (${built.build.cpuSeconds.toFixed(1)} s CPU)`);
          if (!theirSite) {
            // The same article as Handrail's, at Starlight's address for it.
            const slug = new URL(run.pages.article.url).pathname.split('/')[2]!;
            theirSite = await measureStarlight(browser, built.dir, size, built.build, built.pathOf(slug)!);
          }
          await rm(path.dirname(built.dir), { recursive: true, force: true });
        }
      }
      if (!run) {
        // Every round timed out: nothing to measure at this size; the timeouts fail the bench below.
        log(`No build of ${size.toLocaleString('en')} articles finished in time: this size is left out of the tables.`);
        continue;
      }
      run.build = fastest(cold);
      if (warm.length) {
        const rebuild = fastest(warm);
        run.incremental = { wallSeconds: rebuild.wallSeconds, cpuSeconds: rebuild.cpuSeconds, walls: rebuild.walls };
      }
      runs.push(run);
      if (theirSite) starlight.push({ ...theirSite, build: fastest(theirs) });
    }
    const results = budgets(demo, runs, starlight);
    for (const t of timeouts) results.push({ name: `${t.build}: finished within ${t.limitSeconds} s`, measured: `timed out, killed after ${t.wallSeconds.toFixed(0)} s`, limit: `${t.limitSeconds} s`, passed: false });
    console.log(`\n${sizeTable([demo, ...runs])}\n`);
    const comparison = starlightTable(runs, starlight);
    if (comparison) console.log(`Starlight, same corpus, same run (ratio = Handrail ÷ Starlight)\n${comparison}\n`);
    console.log('Budgets');
    for (const result of results) console.log(`  ${result.passed ? 'PASS' : 'FAIL'}  ${result.name}: ${result.measured} (${result.limit})`);
    const report = { date: new Date().toISOString(), machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, demo, runs, starlight, timeouts, budgets: results };
    const out = path.resolve(projectRoot, values.out!);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(report, null, 2));
    console.log(`\nFigures written to ${path.relative(projectRoot, out)}.`);
    if (results.some((r) => !r.passed)) process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

await main();
